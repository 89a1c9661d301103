import { describe, expect, it } from 'vitest';
import { IndicatorSchema } from '../../../electron/domain/reports/form';
import { SIX_MONTH_FORM } from '../../../electron/domain/reports/defaultForms';
import { newVersion } from '../../../electron/domain/reports/versions';
import { newIndicator, suggestIndicatorId, withBound } from '../../../renderer/reports/forms/draft';

const laoDong = SIX_MONTH_FORM.sections[0];

describe('thêm chỉ tiêu trong trình sửa mẫu', () => {
  it('suggests an id from the section and the label, never one taken', () => {
    if (!laoDong) throw new Error('section');
    const taken = new Set(['ld.so_phien_giao_dich_viec_lam']);
    expect(suggestIndicatorId(laoDong, 'Số phiên giao dịch việc làm', new Set())).toBe('ld.so_phien_giao_dich_viec_lam');
    expect(suggestIndicatorId(laoDong, 'Số phiên giao dịch việc làm', taken)).toBe('ld.so_phien_giao_dich_viec_lam_2');
    expect(suggestIndicatorId({ id: 'khac', indicators: [] }, '%%%', new Set())).toBe('khac.chi_tieu');
    expect(suggestIndicatorId({ id: '9x', indicators: [] }, 'Đường', new Set())).toBe('ct_9x.duong');
  });

  it('makes indicators the form schema accepts, and a new version with them', () => {
    if (!laoDong) throw new Error('section');
    for (const type of ['integer', 'decimal', 'percent', 'money', 'boolean', 'text'] as const) {
      expect(IndicatorSchema.safeParse(newIndicator(`ld.x_${type}`, 'Chỉ tiêu mới', type, '')).success, type).toBe(true);
    }
    const added = withBound(newIndicator('ld.so_phien', 'Số phiên giao dịch việc làm', 'integer', 'phiên'), 'max', 500);
    const v2 = newVersion(SIX_MONTH_FORM, {
      sections: SIX_MONTH_FORM.sections.map((s) => (s.id === laoDong.id ? { ...s, indicators: [...s.indicators, added] } : s)),
    });
    expect(v2.version).toBe(2);
    expect(v2.sections[0]?.indicators.at(-1)).toMatchObject({ id: 'ld.so_phien', max: 500, min: 0 });
    expect('max' in withBound(added, 'max', null)).toBe(false);
  });
});
