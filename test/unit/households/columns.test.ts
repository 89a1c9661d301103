import { describe, expect, it } from 'vitest';
import { columnLetter, detectHeader, matchHeader } from '../../../electron/core/households/excel/columns';
import { ND07_2021 } from '../../../electron/domain/households/standards';
import { indicatorsOf } from '../../../electron/domain/households/standards/schema';

const field = (text: string) => matchHeader(text, ND07_2021)?.field;

describe('header matching', () => {
  it.each([
    ['Họ và tên chủ hộ', 'headName'],
    ['HỌ VÀ TÊN  CHỦ HỘ', 'headName'],
    ['ho va ten chu ho', 'headName'],
    ['Họ và tên\nchủ hộ', 'headName'],
    ['Họ và tên chủ hộ (*)', 'headName'],
    ['Chủ hộ', 'headName'],
    ['Họ tên chủ hộ', 'headName'],
    ['Số CCCD', 'idNumber'],
    ['Số định danh', 'idNumber'],
    ['CMND/CCCD', 'idNumber'],
    ['cmnd / cccd', 'idNumber'],
    ['Số CCCD của chủ hộ', 'idNumber'],
    ['Dân tộc', 'ethnicity'],
    ['DAN TOC', 'ethnicity'],
    ['Xã', 'commune'],
    ['Xã/phường/thị trấn', 'commune'],
    ['Thôn', 'village'],
    ['Thôn/bản', 'village'],
    ['Khu vực', 'area'],
    ['Khu vực (Thành thị/Nông thôn)', 'area'],
    ['Số nhân khẩu', 'members'],
    ['Thu nhập bình quân', 'income'],
    ['Thu nhập BQ người/tháng', 'income'],
    ['THU NHẬP BQ NGƯỜI/THÁNG (đồng)', 'income'],
    ['Thu nhập bình quân đầu người/tháng (đồng)', 'income'],
    ['Hộ người có công', 'merit'],
    ['Ghi chú', 'notes'],
    ['STT', 'seq'],
    ['Mã hộ', 'code'],
    ['Nguồn nước sinh hoạt', 'indicator:water'],
    ['nuoc sinh hoat', 'indicator:water'],
    ['BHYT', 'indicator:healthInsurance'],
    ['Việc làm', 'indicator:employment'],
    ['Người phụ thuộc trong hộ gia đình', 'indicator:dependants'],
    ['Phương tiện phục vụ tiếp cận thông tin', 'indicator:infoAccess'],
  ])('%j -> %s', (text, expected) => {
    expect(field(text)).toBe(expected);
  });

  it.each(['Số điện thoại', 'Ngày sinh', '', 'Chỉ số thiếu hụt', 'Y tế'])('%j is not a household column', (text) => {
    expect(field(text)).toBeUndefined();
  });

  it('reads the income unit from the header', () => {
    expect(matchHeader('Thu nhập BQ (nghìn đồng/người/tháng)', ND07_2021)).toEqual({ field: 'income', scale: 1000 });
    expect(matchHeader('Thu nhập bình quân (đồng)', ND07_2021)).toEqual({ field: 'income', scale: 1 });
  });

  it('names columns as Excel does', () => {
    expect([1, 26, 27, 28, 52, 53].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'AZ', 'BA']);
  });
});

const BASE = ['STT', 'Họ và tên chủ hộ', 'Số CCCD', 'Dân tộc', 'Xã', 'Thôn', 'Số nhân khẩu', 'Thu nhập BQ người/tháng'];
const INDICATORS = indicatorsOf(ND07_2021).map((i) => i.name);

describe('detectHeader', () => {
  it('finds the header under title rows and skips a numbering row', () => {
    const header = [...BASE, ...INDICATORS, 'Ghi chú', 'Số điện thoại'];
    const rows = [
      ['DANH SÁCH HỘ NGHÈO, HỘ CẬN NGHÈO NĂM 2022'],
      ['Xã Tràng Các'],
      [],
      header,
      header.map((_h, i) => `(${i + 1})`),
      ['1', 'Hoàng Văn Long'],
    ];
    const d = detectHeader(rows, ND07_2021);
    expect(d?.headerRow).toBe(4);
    expect(d?.dataStart).toBe(6);
    expect(d?.missing).toEqual([]);
    expect(d?.mapping.find((m) => m.field === 'idNumber')).toMatchObject({ column: 3, letter: 'C', header: 'Số CCCD' });
    expect(d?.unmapped).toEqual([{ column: header.length, letter: columnLetter(header.length), header: 'Số điện thoại', reason: 'unknown' }]);
  });

  it('reads indicators from a second header row under service headings', () => {
    const top = [...BASE, ...ND07_2021.services.flatMap((s) => [s.name, s.name]), 'Ghi chú'];
    const sub = [...BASE.map(() => ''), ...INDICATORS, ''];
    const d = detectHeader([['DANH SÁCH'], top, sub, ['1', 'Hoàng Văn Long']], ND07_2021);
    expect(d?.headerRows).toEqual([2, 3]);
    expect(d?.dataStart).toBe(4);
    expect(d?.missing).toEqual([]);
    expect(d?.mapping.filter((m) => m.field.startsWith('indicator:'))).toHaveLength(12);
  });

  it('does not take a data row with one header-like value for a second header row', () => {
    const header = [...BASE, ...INDICATORS, ''];
    const data = ['1', 'Hoàng Văn Long', '020085001234', 'Tày', 'Tràng Các', 'Nà Lầu', '4', '1200000', ...INDICATORS.map(() => ''), 'Người có công'];
    const d = detectHeader([header, data], ND07_2021);
    expect(d?.headerRows).toEqual([1]);
    expect(d?.dataStart).toBe(2);
  });

  it('lists required columns that are missing, indicators included', () => {
    const d = detectHeader([[...BASE, ...INDICATORS.slice(1)]], ND07_2021);
    expect(d?.missing).toEqual([{ field: 'indicator:employment', label: 'Việc làm' }]);
  });

  it('gives up when no row looks like a header', () => {
    expect(detectHeader([['Báo cáo'], ['một', 'hai']], ND07_2021)).toBeUndefined();
  });
});
