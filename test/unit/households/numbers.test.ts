import { describe, expect, it } from 'vitest';
import { formatNumberVi, formatVnd, parseNumberVi } from '../../../electron/domain/households/classify';

describe('Vietnamese numbers', () => {
  it.each([
    [1_234_567, '1.234.567'],
    [0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [-1_500_000, '-1.500.000'],
    [1234.5, '1.234,5'],
    [0.5, '0,5'],
    [16.67, '16,67'],
  ])('formatNumberVi(%d) = %s', (n, text) => {
    expect(formatNumberVi(n)).toBe(text);
  });

  it('formats money in whole đồng', () => {
    expect(formatVnd(1_500_000)).toBe('1.500.000 đ');
    expect(formatVnd(1_499_999.6)).toBe('1.500.000 đ');
    expect(formatVnd(0)).toBe('0 đ');
  });

  it.each([
    ['1.500.000', 1_500_000],
    ['1 500 000', 1_500_000],
    ['1\u00a0500\u00a0000', 1_500_000],
    ['1.500.000 đ', 1_500_000],
    ['1.500.000đ', 1_500_000],
    ['1.500.000 VNĐ', 1_500_000],
    ['1.500.000 đồng', 1_500_000],
    [' 2.250.000 ₫ ', 2_250_000],
    ['1,500,000', 1_500_000],
    ['1500000', 1_500_000],
    ['1.500', 1500],
    ['1,500', 1500],
    ['1,5', 1.5],
    ['1.234.567,5', 1_234_567.5],
    ['1,234,567.5', 1_234_567.5],
    ['-200.000', -200_000],
    ['0', 0],
  ])('parseNumberVi(%j) = %d', (text, n) => {
    expect(parseNumberVi(text)).toBe(n);
  });

  it.each(['', 'abc', '1.50.000', '1..5', '1.500,000.5', 'khoảng 1 triệu', '12a', '.5', 'đ'])('parseNumberVi(%j) is not a number', (text) => {
    expect(parseNumberVi(text)).toBeUndefined();
  });

  it('passes finite numbers through and refuses NaN', () => {
    expect(parseNumberVi(42)).toBe(42);
    expect(parseNumberVi(Number.NaN)).toBeUndefined();
  });

  it('round-trips what it formats', () => {
    for (const n of [0, 7, 1000, 1_500_000, 2_250_001, 123_456_789]) expect(parseNumberVi(formatVnd(n))).toBe(n);
  });
});
