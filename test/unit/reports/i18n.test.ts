import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_STATES, stateMessageKey } from '../../../electron/domain/reports/completeness';
import { INDICATOR_TYPES } from '../../../electron/domain/reports/form';
import { PERIOD_TYPES, periodLabel, periodLabelVi } from '../../../electron/domain/reports/periods';
import { VALIDATION_CODES, validateReport } from '../../../electron/domain/reports/validate';
import { LOCALES, reportsI18n } from './i18nHelper';
import { COMMUNES, TEST_FORM, VALID_VALUES } from './fixtures';

const SRC = join(__dirname, '../../../electron/core/reports');

function flatKeys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => flatKeys(v, prefix ? `${prefix}.${k}` : k));
}
const stripPlural = (k: string): string => k.replace(/_(one|other)$/, '');

/** Every "reports:..." key the domain code can emit, with templates expanded. */
function emittedKeys(): string[] {
  const keys = new Set<string>();
  for (const file of readdirSync(SRC)) {
    const text = readFileSync(join(SRC, file), 'utf8');
    for (const m of text.matchAll(/['`]reports:([\w.]+)(\$\{[^}]+\})?['`]/g)) if (!m[2]) keys.add(m[1] ?? '');
  }
  for (const c of VALIDATION_CODES) keys.add(`validation.${c}`);
  for (const s of REPORT_STATES) keys.add(stateMessageKey(s).replace('reports:', ''));
  for (const k of ['periodTypeChanged', 'typeChanged', 'unitChanged', 'tableRowsChanged']) keys.add(`versions.${k}`);
  for (const k of ['notSummable', 'mean', 'ratio']) keys.add(`consolidate.${k}`);
  for (const p of ['2022', '2022-H1', '2022-H2', '2022-Q3', '2022-07']) keys.add(periodLabel(p).messageKey.replace('reports:', ''));
  for (const t of PERIOD_TYPES) keys.add(`periodType.${t}`);
  for (const t of INDICATOR_TYPES) keys.add(`indicatorType.${t}`);
  return [...keys].sort();
}

describe('thông điệp reports (vi, en)', () => {
  it('mọi khóa mã nguồn dùng đều có trong cả hai ngôn ngữ', async () => {
    for (const lng of ['vi', 'en'] as const) {
      const t = await reportsI18n(lng);
      for (const key of emittedKeys()) {
        const text = t.t(key, { count: 2, label: 'X', version: 2, year: 2022 });
        expect(text, `${lng}: ${key}`).not.toContain('⟦');
      }
    }
  });

  it('vi và en có cùng bộ khóa (bỏ hậu tố số nhiều)', () => {
    const vi = new Set(flatKeys(LOCALES.vi).map(stripPlural));
    const en = new Set(flatKeys(LOCALES.en).map(stripPlural));
    expect([...vi].sort()).toEqual([...en].sort());
  });

  it('tiếng Việt không có dạng số ít/số nhiều; tiếng Anh có đủ _one và _other', () => {
    const vi = flatKeys(LOCALES.vi);
    expect(vi.filter((k) => k.endsWith('_one'))).toEqual([]);
    const en = flatKeys(LOCALES.en);
    for (const k of en.filter((x) => x.endsWith('_other'))) expect(en, k).toContain(k.replace(/_other$/, '_one'));
    for (const k of en.filter((x) => x.endsWith('_one'))) expect(en, k).toContain(k.replace(/_one$/, '_other'));
    // A plural key in Vietnamese only when the message counts something.
    expect(vi.filter((x) => x.endsWith('_other')).map(stripPlural)).toEqual(['validation.textTooShort', 'validation.textTooLong', 'chase.overdue']);
  });

  it('hiển thị lỗi kiểm tra và tên kỳ', async () => {
    const vi = await reportsI18n('vi');
    const en = await reportsI18n('en');
    const [err] = validateReport(TEST_FORM, { ...VALID_VALUES, 'tm.ghi_chu': 'ab' }, { communes: COMMUNES });
    expect(err && vi.t(err.messageKey, err.params)).toBe('Ghi chú: cần ít nhất 3 ký tự (hiện có 2)');
    expect(err && en.t(err.messageKey, err.params)).toBe('Ghi chú: needs at least 3 characters (now 2)');
    expect(en.t('reports:chase.overdue', { count: 1 })).toBe('1 day overdue, not sent');
    expect(vi.t('reports:chase.overdue', { count: 1 })).toBe('Quá hạn 1 ngày, chưa gửi báo cáo');
    for (const p of ['2022', '2022-H1', '2022-H2', '2022-Q3', '2022-07']) {
      const { messageKey, params } = periodLabel(p);
      expect(vi.t(messageKey, params)).toBe(periodLabelVi(p));
    }
    expect(en.t(periodLabel('2022-Q3').messageKey, periodLabel('2022-Q3').params)).toBe('Q3 2022');
  });
});
