import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../electron/domain/errors';
import { consolidate } from '../../../electron/domain/reports/consolidate';
import { DEFAULT_FORMS } from '../../../electron/domain/reports/defaultForms';
import { ReportFormSchema, type ReportForm, type ReportFormInput } from '../../../electron/domain/reports/form';
import { validateReport } from '../../../electron/domain/reports/validate';
import {
  diffVersions,
  findFormVersion,
  indicatorCatalogue,
  indicatorsAcrossVersions,
  latestForm,
  newVersion,
  notInVersionVi,
  versionProblems,
  type FormChanges,
} from '../../../electron/domain/reports/versions';
import { reportsI18n } from './i18nHelper';

const V1_INPUT: ReportFormInput = {
  formId: 'bc-thu',
  version: 1,
  title: 'Báo cáo 6 tháng (thử)',
  periodType: 'half',
  dueRule: { kind: 'daysAfterPeriodEnd', days: 10 },
  reporters: { group: 'ALL_DISTRICTS' },
  sections: [
    {
      id: 'chinh',
      title: 'Chỉ tiêu chính',
      indicators: [
        { id: 'ld.vieclam.tao_moi', label: 'Số lao động được tạo việc làm mới', type: 'integer', unit: 'người', required: true, min: 0 },
        { id: 'gn.thoat_ngheo', label: 'Số hộ thoát nghèo', type: 'integer', unit: 'hộ', required: true, min: 0 },
        {
          id: 'gn.theo_nhom',
          label: 'Hộ nghèo theo nhóm',
          type: 'table',
          table: { rows: { groups: ['Dân tộc thiểu số', 'Khác'] }, columns: [{ id: 'so_ho', label: 'Số hộ', type: 'integer', unit: 'hộ' }] },
        },
      ],
    },
  ],
};
const V1: ReportForm = ReportFormSchema.parse(V1_INPUT);

/** v2: label reworded, "thoát nghèo" dropped, "hộ mới thoát nghèo có việc làm" added, table column added. */
const V2_CHANGES: FormChanges = {
  sections: [
    {
      id: 'chinh',
      title: 'Chỉ tiêu chính',
      indicators: [
        { id: 'ld.vieclam.tao_moi', label: 'Số lao động có việc làm mới trong kỳ', type: 'integer', unit: 'người', required: true, min: 0 },
        { id: 'gn.ho_moi', label: 'Số hộ nghèo phát sinh', type: 'integer', unit: 'hộ', min: 0 },
        {
          id: 'gn.theo_nhom',
          label: 'Hộ nghèo theo nhóm',
          type: 'table',
          table: {
            rows: { groups: ['Dân tộc thiểu số', 'Khác'] },
            columns: [
              { id: 'so_ho', label: 'Số hộ', type: 'integer', unit: 'hộ' },
              { id: 'so_khau', label: 'Số nhân khẩu', type: 'integer', unit: 'người' },
            ],
          },
        },
      ],
    },
  ],
};
const V2 = newVersion(V1, V2_CHANGES);

function expectVersionError(fn: () => unknown, messageKey: string): void {
  try {
    fn();
    expect.unreachable();
  } catch (e) {
    expect(isAppError(e)).toBe(true);
    if (isAppError(e)) {
      expect(e.code).toBe('REPORT_FORM_INCOMPATIBLE');
      expect(e.messageKey).toBe(messageKey);
    }
  }
}

describe('newVersion', () => {
  it('tăng số phiên bản, giữ mã mẫu và mã chỉ tiêu', () => {
    expect(V2.formId).toBe('bc-thu');
    expect(V2.version).toBe(2);
    expect(V2.sections[0]?.indicators.map((i) => i.id)).toEqual(['ld.vieclam.tao_moi', 'gn.ho_moi', 'gn.theo_nhom']);
    expect(V1.version).toBe(1);
  });

  it('không cho phép đặt số phiên bản hay mã mẫu qua changes', () => {
    const sneaky = { title: 'Mẫu mới', version: 9, formId: 'khac' } as FormChanges;
    const v = newVersion(V1, sneaky);
    expect([v.formId, v.version, v.title]).toEqual(['bc-thu', 2, 'Mẫu mới']);
  });

  it('có lịch sử thì lấy số tiếp theo sau phiên bản mới nhất', () => {
    expect(newVersion(V1, { title: 'Sửa từ bản 1' }, [V1, V2]).version).toBe(3);
  });

  const withIndicator = (patch: Record<string, unknown>): FormChanges => {
    const sections = structuredClone(V1_INPUT.sections);
    const first = sections[0]?.indicators[0];
    if (first) Object.assign(first, patch);
    return { sections };
  };

  it.each<[string, FormChanges, string]>([
    ['đổi kiểu số nguyên → số thập phân', withIndicator({ type: 'decimal' }), 'reports:versions.typeChanged'],
    ['đổi đơn vị người → lượt người', withIndicator({ unit: 'lượt người' }), 'reports:versions.unitChanged'],
    ['đổi loại kỳ 6 tháng → quý', { periodType: 'quarter' }, 'reports:versions.periodTypeChanged'],
    [
      'đổi kiểu cột bảng',
      {
        sections: [
          {
            id: 'chinh',
            title: 'Chỉ tiêu chính',
            indicators: [
              { id: 'gn.theo_nhom', label: 'Hộ nghèo theo nhóm', type: 'table', table: { rows: { groups: ['Khác'] }, columns: [{ id: 'so_ho', label: 'Số hộ', type: 'decimal', unit: 'hộ' }] } },
            ],
          },
        ],
      },
      'reports:versions.typeChanged',
    ],
    [
      'đổi dòng nhóm → dòng theo xã',
      {
        sections: [
          {
            id: 'chinh',
            title: 'Chỉ tiêu chính',
            indicators: [
              { id: 'gn.theo_nhom', label: 'Hộ nghèo theo nhóm', type: 'table', table: { rows: 'communes', columns: [{ id: 'so_ho', label: 'Số hộ', type: 'integer', unit: 'hộ' }] } },
            ],
          },
        ],
      },
      'reports:versions.tableRowsChanged',
    ],
  ])('từ chối: %s', (_name, changes, key) => {
    expectVersionError(() => newVersion(V1, changes), key);
  });

  it('chỉ tiêu đã bỏ ở v2 không được quay lại ở v3 với nghĩa khác', () => {
    const back: FormChanges = {
      sections: [{ id: 'chinh', title: 'Chính', indicators: [{ id: 'gn.thoat_ngheo', label: 'Tỷ lệ thoát nghèo', type: 'percent', unit: '%' }] }],
    };
    expectVersionError(() => newVersion(V2, back, [V1, V2]), 'reports:versions.typeChanged');
    // Without the history the editor cannot know; with it, the same id and type is fine.
    const same: FormChanges = {
      sections: [{ id: 'chinh', title: 'Chính', indicators: [{ id: 'gn.thoat_ngheo', label: 'Số hộ thoát nghèo', type: 'integer', unit: 'hộ' }] }],
    };
    expect(newVersion(V2, same, [V1, V2]).version).toBe(3);
  });

  it('versionProblems liệt kê mọi thay đổi không tương thích', () => {
    const next = ReportFormSchema.parse({ ...V1_INPUT, version: 2, ...withIndicator({ type: 'decimal', unit: 'lượt' }), periodType: 'year' });
    expect(versionProblems(V1, next).map((p) => p.kind)).toEqual(['periodTypeChanged', 'typeChanged']);
  });

  it('diffVersions: thêm, bỏ, sửa', () => {
    expect(diffVersions(V1, V2)).toEqual({ added: ['gn.ho_moi'], removed: ['gn.thoat_ngheo'], changed: ['ld.vieclam.tao_moi', 'gn.theo_nhom'] });
  });
});

describe('báo cáo trên v1 và v2 cộng được với nhau', () => {
  const reports = [
    { office: 'VANQUAN', period: '2022-H1', formId: 'bc-thu', formVersion: 1, values: { 'ld.vieclam.tao_moi': 300, 'gn.thoat_ngheo': 40, 'gn.theo_nhom': { 'Dân tộc thiểu số': { so_ho: 30 }, Khác: { so_ho: 5 } } } },
    { office: 'BINHGIA', period: '2022-H1', formId: 'bc-thu', formVersion: 2, values: { 'ld.vieclam.tao_moi': 250, 'gn.ho_moi': 12, 'gn.theo_nhom': { 'Dân tộc thiểu số': { so_ho: 20, so_khau: 90 } } } },
  ];
  const result = consolidate({ forms: [V1, V2], reports, period: '2022-H1', offices: ['VANQUAN', 'BINHGIA'] });
  const byId = (id: string) => result.indicators.find((i) => i.id === id);

  it('chỉ tiêu chung khớp theo mã: 300 (v1) + 250 (v2) = 550', () => {
    const ind = byId('ld.vieclam.tao_moi');
    expect(ind?.total).toBe(550);
    expect(ind?.contributors).toBe(2);
    expect(ind?.label).toBe('Số lao động có việc làm mới trong kỳ');
    expect(ind?.offices.map((o) => [o.office, o.formVersion, o.value])).toEqual([
      ['VANQUAN', 1, 300],
      ['BINHGIA', 2, 250],
    ]);
  });

  it('chỉ tiêu bị bỏ ở v2: đơn vị nộp v2 ghi "không có trong mẫu phiên bản 2"', async () => {
    const ind = byId('gn.thoat_ngheo');
    expect(ind?.total).toBe(40);
    const binhGia = ind?.offices.find((o) => o.office === 'BINHGIA');
    expect(binhGia?.status).toBe('notInVersion');
    expect(binhGia?.note).toEqual({ messageKey: 'reports:versions.notInVersion', params: { version: 2 } });
    const t = await reportsI18n('vi');
    expect(t.t(binhGia?.note?.messageKey ?? '', binhGia?.note?.params)).toBe('không có trong mẫu phiên bản 2');
    expect(notInVersionVi(2)).toBe('không có trong mẫu phiên bản 2');
  });

  it('chỉ tiêu mới ở v2: đơn vị nộp v1 ghi "không có trong mẫu phiên bản 1"', () => {
    const ind = byId('gn.ho_moi');
    expect(ind?.total).toBe(12);
    expect(ind?.offices.find((o) => o.office === 'VANQUAN')?.note?.params).toEqual({ version: 1 });
  });

  it('bảng: cột cộng theo mã cột, cột mới chỉ tính bản có cột đó', () => {
    const table = byId('gn.theo_nhom')?.table;
    expect(table?.columns.map((c) => [c.id, c.total])).toEqual([
      ['so_ho', 55],
      ['so_khau', 90],
    ]);
    expect(table?.rows).toEqual([
      { key: 'Dân tộc thiểu số', cells: { so_ho: 50, so_khau: 90 } },
      { key: 'Khác', cells: { so_ho: 5, so_khau: null } },
    ]);
  });

  it('thứ tự chỉ tiêu: theo phiên bản mới nhất, chỉ tiêu cũ xếp sau', () => {
    expect(result.indicators.map((i) => i.id)).toEqual(['ld.vieclam.tao_moi', 'gn.ho_moi', 'gn.theo_nhom', 'gn.thoat_ngheo']);
  });

  it('báo cáo cũ vẫn mở và kiểm tra được theo đúng phiên bản của nó', () => {
    const form = findFormVersion([V1, V2], 'bc-thu', 1);
    expect(form).toBe(V1);
    if (!form) return;
    expect(validateReport(form, reports[0]?.values ?? {})).toEqual([]);
    // v1 requires "thoát nghèo"; v2 does not have it: the same figures judged by v2 pass.
    expect(validateReport(form, { 'ld.vieclam.tao_moi': 1 }).map((e) => e.indicatorId)).toEqual(['gn.thoat_ngheo']);
    expect(validateReport(V2, { 'ld.vieclam.tao_moi': 1 })).toEqual([]);
    expect(latestForm([V2, V1], 'bc-thu')).toBe(V2);
  });
});

describe('danh mục chỉ tiêu', () => {
  it('gộp theo mã qua các mẫu và phiên bản', () => {
    const cat = indicatorCatalogue([V1, V2, ...DEFAULT_FORMS]);
    const taoMoi = cat.entries.find((e) => e.id === 'ld.vieclam.tao_moi');
    expect(taoMoi?.forms).toEqual([
      { formId: 'bc-thu', versions: [1, 2] },
      { formId: 'ldtbxh-6-thang', versions: [1] },
      { formId: 'ldtbxh-nam', versions: [1] },
    ]);
    expect(taoMoi?.label).toBe('Số lao động có việc làm mới trong kỳ');
    expect(cat.entries.find((e) => e.id === 'gn.thoat_ngheo')?.forms).toEqual([{ formId: 'bc-thu', versions: [1] }]);
    expect(cat.conflicts).toEqual([]);
  });

  it('báo xung đột khi hai mẫu dùng một mã với kiểu khác nhau', () => {
    const other = ReportFormSchema.parse({
      ...V1_INPUT,
      formId: 'bc-khac',
      sections: [{ id: 'a', title: 'A', indicators: [{ id: 'gn.thoat_ngheo', label: 'Tỷ lệ thoát nghèo', type: 'percent', unit: '%' }] }],
    });
    const cat = indicatorCatalogue([V1, other]);
    expect(cat.conflicts.map((c) => [c.id, c.uses.map((u) => u.type)])).toEqual([['gn.thoat_ngheo', ['integer', 'percent']]]);
  });

  it('indicatorsAcrossVersions giữ định nghĩa mới nhất', () => {
    expect(indicatorsAcrossVersions([V1, V2]).map((i) => i.id)).toEqual(['ld.vieclam.tao_moi', 'gn.ho_moi', 'gn.theo_nhom', 'gn.thoat_ngheo']);
  });
});
