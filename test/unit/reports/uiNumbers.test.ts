import { describe, expect, it } from 'vitest';
import { formatNumber, numberStyle } from '../../../electron/domain/numbers';
import { groupDigits } from '../../../renderer/households/form/moneyFormat';
import { initI18n } from '../../../renderer/i18n';
import { formatMoney as formatMoneyUi, formatNumber as formatNumberUi } from '../../../renderer/i18n/format';
import {
  formatNumberText,
  formatTyping,
  parseNumberText,
  showNumber,
} from '../../../renderer/reports/numbers';
import { dateLineVi as ndDateLine, numberLineVi as ndNumberLine } from '../../../renderer/ui/print/dateLine';

// Vietnamese whatever the UI language is.
const formatViNumber = (v: string | number | null | undefined): string => formatNumberText(v, 'vi');
const formatViTyping = (v: string): string => formatTyping(v, 'vi');
const parseViNumber = (v: string | undefined): string => parseNumberText(v, 'vi');

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

describe('one number style per UI language', () => {
  it('formats the same figure in each language', () => {
    expect(formatNumber(1_500_000.5, 'vi')).toBe('1.500.000,5');
    expect(formatNumber(1_500_000.5, 'en')).toBe('1,500,000.5');
    expect(formatNumber(-1234.567, 'en')).toBe('-1,234.57');
    expect(numberStyle('en-GB')).toEqual({ group: ',', decimal: '.' });
    expect(showNumber(18.18, 1, 'en')).toBe('18.2');
    expect(formatNumberText('1250.5', 'en')).toBe('1,250.5');
  });

  it.each([
    ['1250', '1,250'],
    ['1,2500', '12,500'],
    ['1250.', '1,250.'],
    ['1250.05', '1,250.05'],
    ['1.250,5', '1.250,5'],
  ])('regroups %s while typing in English as %s', (v, out) => expect(formatTyping(v, 'en')).toBe(out));

  it('reads back what it shows in English', () => {
    expect(parseNumberText('1,250.5', 'en')).toBe('1250.5');
    expect(parseNumberText('400,000,000 đ', 'en')).toBe('400000000');
    for (const n of [0, 7, 1250, 1250.75, 400_000_000, -3.5]) expect(Number(parseNumberText(formatNumberText(n, 'en'), 'en'))).toBe(n);
  });

  it('follows the language i18next switches to, and back to Vietnamese unchanged', async () => {
    const i18n = await initI18n('vi');
    expect(formatMoneyUi(1_500_000)).toBe('1.500.000 đ');
    await i18n.changeLanguage('en');
    expect(formatNumberUi(1_500_000.5)).toBe('1,500,000.5');
    expect(showNumber(1050)).toBe('1,050');
    expect(groupDigits('1500000')).toBe('1,500,000');
    expect(i18n.t('households:reason.atMost', { income: 1_234_567, limit: 2_250_000 })).toBe('income 1,234,567 VND ≤ 2,250,000 VND');
    await i18n.changeLanguage('vi');
    expect(showNumber(1050)).toBe('1.050');
    expect(groupDigits('1500000')).toBe('1.500.000');
    expect(i18n.t('households:reason.atMost', { income: 1_234_567, limit: 2_250_000 })).toMatch(/1\.234\.567 đ ≤ 2\.250\.000 đ$/);
  });
});
