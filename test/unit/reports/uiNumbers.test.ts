import { describe, expect, it } from 'vitest';
import { formatViNumber, formatViTyping, parseViNumber, showNumber } from '../../../renderer/reports/numbers';
import { dateLineVi as ndDateLine, numberLineVi as ndNumberLine } from '../../../renderer/ui/print/dateLine';

describe('nhập số kiểu Việt Nam', () => {
  it.each([
    [1250, '1.250'],
    ['1250.5', '1.250,5'],
    ['-1234567', '-1.234.567'],
    [0, '0'],
    ['', ''],
    [null, ''],
  ])('formats %s as %s', (v, out) => expect(formatViNumber(v)).toBe(out));

  it.each([
    ['1250', '1.250'],
    ['1.2500', '12.500'],
    ['1250,', '1.250,'],
    ['1250,05', '1.250,05'],
    ['12a', '12a'],
  ])('regroups %s while typing as %s', (v, out) => expect(formatViTyping(v)).toBe(out));

  it.each([
    ['1.250', '1250'],
    ['1.250,5', '1250.5'],
    ['400.000.000 đ', '400000000'],
    ['12,5 %', '12.5'],
    ['abc', ''],
    [undefined, ''],
  ])('parses %s as %s', (v, out) => expect(parseViNumber(v)).toBe(out));

  it('round-trips what it shows', () => {
    for (const n of [0, 7, 1250, 1250.75, 400_000_000, -3.5]) expect(Number(parseViNumber(formatViNumber(n)))).toBe(n);
  });

  it('shows figures with Vietnamese separators', () => {
    expect(showNumber(1_050)).toBe('1.050');
    expect(showNumber(18.18, 1)).toBe('18,2');
    expect(showNumber(null)).toBe('');
  });
});

describe('dòng địa danh, ngày tháng và số văn bản (Nghị định 30/2020)', () => {
  it('pads days below 10 and months 1 and 2', () => {
    expect(ndDateLine('Lạng Sơn', '2022-01-05')).toBe('Lạng Sơn, ngày 05 tháng 01 năm 2022');
    expect(ndDateLine('Lạng Sơn', '2022-02-15')).toBe('Lạng Sơn, ngày 15 tháng 02 năm 2022');
    expect(ndDateLine('Văn Quan', '2022-07-22')).toBe('Văn Quan, ngày 22 tháng 7 năm 2022');
    expect(ndDateLine('Văn Quan', '2022-12-09')).toBe('Văn Quan, ngày 09 tháng 12 năm 2022');
  });

  it('leaves the number blank for the văn thư', () => {
    expect(ndNumberLine('BC', 'SLĐTBXH')).toMatch(/^Số: \u00a0+\/BC-SLĐTBXH$/);
    expect(ndNumberLine('BC', 'SLĐTBXH', '12')).toBe('Số: 12/BC-SLĐTBXH');
  });
});
