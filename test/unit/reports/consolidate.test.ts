import { describe, expect, it } from 'vitest';
import { consolidate, consolidatePeriods, totalKindOf } from '../../../electron/domain/reports/consolidate';
import { SIX_MONTH_FORM, YEARLY_FORM } from '../../../electron/domain/reports/defaultForms';
import type { Target } from '../../../electron/domain/reports/targets';
import { targetsFor } from '../../../electron/domain/reports/targets';
import { validateReport } from '../../../electron/domain/reports/validate';
import { newVersion } from '../../../electron/domain/reports/versions';
import { TEST_FORM } from './fixtures';
import { BINHGIA_2022_H1, VANQUAN_2022_H1 } from './samples';

const report = (office: string, values: Record<string, unknown>, formVersion = 1) => ({
  office,
  period: '2022-H1',
  formId: SIX_MONTH_FORM.formId,
  formVersion,
  values,
});

const targets: Target[] = [
  { office: 'VANQUAN', indicatorId: 'ld.vieclam.tao_moi', year: 2022, value: 1_200 },
  { office: 'BINHGIA', indicatorId: 'ld.vieclam.tao_moi', year: 2022, value: 900 },
  { office: 'TPLS', indicatorId: 'ld.vieclam.tao_moi', year: 2022, value: 1_000 },
  { office: 'VANQUAN', indicatorId: 'ld.xkld.di_lam_viec', year: 2022, value: 50 },
  { office: 'BINHGIA', indicatorId: 'ld.xkld.di_lam_viec', year: 2022, value: 40 },
  { office: 'VANQUAN', indicatorId: 'gn.ty_le_ho_ngheo', year: 2022, value: 23 },
  // Another year's target must not leak in.
  { office: 'VANQUAN', indicatorId: 'ld.xkld.di_lam_viec', year: 2023, value: 999 },
];

describe('tổng hợp toàn tỉnh theo kỳ', () => {
  it('số liệu mẫu hợp lệ theo mẫu 6 tháng', () => {
    expect(validateReport(SIX_MONTH_FORM, VANQUAN_2022_H1)).toEqual([]);
    expect(validateReport(SIX_MONTH_FORM, BINHGIA_2022_H1)).toEqual([]);
  });

  const result = consolidate({
    forms: [SIX_MONTH_FORM],
    reports: [report('VANQUAN', VANQUAN_2022_H1), report('BINHGIA', BINHGIA_2022_H1)],
    period: '2022-H1',
    offices: ['TPLS', 'VANQUAN', 'BINHGIA'],
    targets,
  });
  const ind = (id: string) => {
    const found = result.indicators.find((i) => i.id === id);
    if (!found) throw new Error(`thiếu ${id}`);
    return found;
  };

  it('tổng, % kế hoạch năm của từng đơn vị và toàn tỉnh', () => {
    const taoMoi = ind('ld.vieclam.tao_moi');
    expect(taoMoi).toMatchObject({ totalKind: 'sum', total: 1_050, contributors: 2, target: 3_100, targetPct: 33.9, targetOffices: 3 });
    expect(taoMoi.offices.map((o) => [o.office, o.status, o.value, o.target, o.targetPct])).toEqual([
      ['TPLS', 'noReport', null, 1_000, null],
      ['VANQUAN', 'value', 600, 1_200, 50],
      ['BINHGIA', 'value', 450, 900, 50],
    ]);
    expect(ind('ld.xkld.di_lam_viec')).toMatchObject({ total: 40, target: 90, targetPct: 44.4, targetOffices: 2 });
    expect(ind('gdnn.tuyen_sinh')).toMatchObject({ total: 750, target: null, targetPct: null });
  });

  it('tiền cộng theo đồng', () => {
    expect(ind('ncc.nha_o.so_tien')).toMatchObject({ total: 600_000_000, unit: 'đồng' });
  });

  it('tỷ lệ hộ nghèo tính lại từ số hộ, không cộng hay lấy trung bình tỷ lệ', () => {
    const rate = ind('gn.ty_le_ho_ngheo');
    // (3.500 + 1.200) / (14.000 + 6.000) = 23,5%, not (25 + 20) / 2 = 22,5%.
    expect(rate).toMatchObject({ totalKind: 'ratio', total: 23.5, contributors: 2, target: null, targetPct: null });
    expect(rate.note?.messageKey).toBe('reports:consolidate.ratio');
    expect(rate.offices.find((o) => o.office === 'VANQUAN')).toMatchObject({ value: 25, target: 23, targetPct: null });
  });

  it('tỷ lệ không có thành phần: không cộng được; tỷ lệ "mean": bình quân có ghi chú', () => {
    expect(ind('gdnn.ty_le_qua_dao_tao')).toMatchObject({ totalKind: 'notSummable', total: null, note: { messageKey: 'reports:consolidate.notSummable' } });
    expect(ind('cds.ho_so_truc_tuyen')).toMatchObject({ totalKind: 'mean', total: 70, contributors: 2, note: { messageKey: 'reports:consolidate.mean' } });
  });

  it('có/không: đếm số đơn vị trả lời có', () => {
    expect(ind('gn.ke_hoach_du_an')).toMatchObject({ totalKind: 'count', total: 1, contributors: 2, booleans: { yes: 1, no: 1, empty: 1 } });
  });

  it('văn bản: không cộng, giữ nguyên từng đơn vị', () => {
    const text = ind('tm.ket_qua');
    expect(text).toMatchObject({ totalKind: 'text', total: null });
    expect(text.offices.map((o) => o.value)).toEqual([null, VANQUAN_2022_H1['tm.ket_qua'], BINHGIA_2022_H1['tm.ket_qua']]);
    expect(ind('tm.de_xuat').offices.map((o) => o.status)).toEqual(['noReport', 'empty', 'value']);
  });

  it('bảng theo xã: cộng theo cột, liệt kê dòng của từng huyện', () => {
    const table = ind('gn.theo_xa').table;
    expect(table?.columns.map((c) => [c.id, c.total, c.perOffice])).toEqual([
      ['tong_so_ho', 20_000, { TPLS: null, VANQUAN: 14_000, BINHGIA: 6_000 }],
      ['ho_ngheo', 4_700, { TPLS: null, VANQUAN: 3_500, BINHGIA: 1_200 }],
      ['ho_can_ngheo', 2_900, { TPLS: null, VANQUAN: 2_000, BINHGIA: 900 }],
    ]);
    expect(table?.rows.map((r) => [r.office, r.key, r.cells['ho_ngheo']])).toEqual([
      ['VANQUAN', 'VQ_A', 2_000],
      ['VANQUAN', 'VQ_B', 1_500],
      ['BINHGIA', 'BG_A', 1_200],
    ]);
  });

  it('thứ tự và đủ chỉ tiêu của mẫu', () => {
    expect(result.year).toBe(2022);
    expect(result.indicators).toHaveLength(24);
    expect(result.indicators[0]?.id).toBe('ld.vieclam.tao_moi');
  });
});

describe('tổng hợp: trường hợp biên', () => {
  it('không truyền danh sách đơn vị: lấy các đơn vị có báo cáo, bỏ báo cáo kỳ khác', () => {
    const r = consolidate({
      forms: [SIX_MONTH_FORM],
      reports: [report('VANQUAN', VANQUAN_2022_H1), { ...report('BINHGIA', BINHGIA_2022_H1), period: '2021-H1' }],
      period: '2022-H1',
      indicatorIds: ['ld.vieclam.tao_moi'],
    });
    expect(r.offices).toEqual(['VANQUAN']);
    expect(r.indicators.map((i) => [i.id, i.total])).toEqual([['ld.vieclam.tao_moi', 600]]);
  });

  it('một đơn vị có hai báo cáo: lấy bản trên phiên bản mẫu mới nhất', () => {
    const v2 = newVersion(SIX_MONTH_FORM, { title: 'Báo cáo 6 tháng (sửa)' });
    const r = consolidate({
      forms: [SIX_MONTH_FORM, v2],
      reports: [report('VANQUAN', { ...VANQUAN_2022_H1, 'ld.vieclam.tao_moi': 610 }, 2), report('VANQUAN', VANQUAN_2022_H1, 1)],
      period: '2022-H1',
      indicatorIds: ['ld.vieclam.tao_moi'],
    });
    expect(r.indicators[0]?.offices[0]).toMatchObject({ value: 610, formVersion: 2 });
  });

  it('số liệu sai kiểu trong bản nháp không được cộng; mẫu chưa nhận thì ghi rõ', () => {
    const r = consolidate({
      forms: [SIX_MONTH_FORM],
      reports: [report('VANQUAN', { 'ld.vieclam.tao_moi': 'sáu trăm' }), report('BINHGIA', BINHGIA_2022_H1, 7)],
      period: '2022-H1',
      indicatorIds: ['ld.vieclam.tao_moi'],
    });
    expect(r.indicators[0]?.offices.map((o) => o.status)).toEqual(['invalid', 'unknownForm']);
    expect(r.indicators[0]?.offices[1]?.note).toEqual({ messageKey: 'reports:consolidate.unknownForm', params: { formId: 'ldtbxh-6-thang', version: 7 } });
    expect(r.indicators[0]?.total).toBeNull();
  });

  it('số thập phân cộng không sai số nhị phân', () => {
    const r = consolidate({
      forms: [TEST_FORM],
      reports: [
        { office: 'A', period: '2022-H1', formId: TEST_FORM.formId, formVersion: 1, values: { 'ld.thu_nhap': 0.1 } },
        { office: 'B', period: '2022-H1', formId: TEST_FORM.formId, formVersion: 1, values: { 'ld.thu_nhap': 0.2 } },
      ],
      period: '2022-H1',
      indicatorIds: ['ld.thu_nhap'],
    });
    expect(r.indicators[0]?.total).toBe(0.3);
  });

  it('bảng theo nhóm: cộng từng dòng qua các đơn vị, cột tỷ lệ và chữ không cộng', () => {
    const r = consolidate({
      forms: [TEST_FORM],
      reports: [
        { office: 'A', period: '2022-H1', formId: TEST_FORM.formId, formVersion: 1, values: { 'te.theo_nhom': { 'Trẻ em mồ côi': { so_tre: 10, ty_le: 50, ghi_chu: 'tốt' } } } },
        { office: 'B', period: '2022-H1', formId: TEST_FORM.formId, formVersion: 1, values: { 'te.theo_nhom': { 'Trẻ em mồ côi': { so_tre: 4 }, 'Trẻ em khuyết tật': { so_tre: 6, da_ho_tro: 6 } } } },
      ],
      period: '2022-H1',
      indicatorIds: ['te.theo_nhom'],
    });
    const table = r.indicators[0]?.table;
    expect(table?.columns.map((c) => [c.id, c.totalKind, c.total])).toEqual([
      ['so_tre', 'sum', 20],
      ['da_ho_tro', 'sum', 6],
      ['ty_le', 'notSummable', null],
      ['ghi_chu', 'text', null],
    ]);
    expect(table?.rows).toEqual([
      { key: 'Trẻ em mồ côi', cells: { so_tre: 14, da_ho_tro: null, ty_le: null } },
      { key: 'Trẻ em khuyết tật', cells: { so_tre: 6, da_ho_tro: 6, ty_le: null } },
    ]);
  });

  it('chuỗi theo kỳ cho biểu đồ', () => {
    const series = consolidatePeriods(
      {
        forms: [SIX_MONTH_FORM, YEARLY_FORM],
        reports: [
          report('VANQUAN', VANQUAN_2022_H1),
          { office: 'VANQUAN', period: '2022', formId: 'ldtbxh-nam', formVersion: 1, values: { 'ld.vieclam.tao_moi': 1_300 } },
        ],
        indicatorIds: ['ld.vieclam.tao_moi'],
        offices: ['VANQUAN'],
      },
      ['2022-H1', '2022'],
    );
    expect(series.map((c) => [c.period, c.indicators[0]?.total])).toEqual([
      ['2022-H1', 600],
      ['2022', 1_300],
    ]);
  });

  it('totalKindOf và targetsFor', () => {
    expect(totalKindOf({ type: 'integer', aggregate: 'none' })).toBe('notSummable');
    expect(totalKindOf({ type: 'boolean', aggregate: 'sum' })).toBe('count');
    expect(totalKindOf({ type: 'percent', aggregate: 'none', ratioOf: { numerator: 'a', denominator: 'b' } })).toBe('ratio');
    expect(targetsFor(targets, 'VANQUAN', 2022)).toEqual({ 'ld.vieclam.tao_moi': 1_200, 'ld.xkld.di_lam_viec': 50, 'gn.ty_le_ho_ngheo': 23 });
  });
});
