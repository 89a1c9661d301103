import { describe, expect, it } from 'vitest';
import { todayInVietnam, vnDay, vnDayOfStamp, vnTime, vnYear, type Clock } from '../../../electron/domain/calendar';
import { formatNumberVi, groupThousands } from '../../../electron/domain/numbers';
import { toVietnamDate } from '../../../electron/domain/reports/periods';
import { fold, foldKeep, stripMarks } from '../../../electron/domain/text';
import { groupDigits } from '../../../renderer/households/form/moneyFormat';
import { formatDate, formatDateTime, formatMoney, formatNumber, todayVn } from '../../../renderer/i18n/format';
import { showNumber } from '../../../renderer/reports/numbers';

const at =
  (iso: string): Clock =>
  () =>
    new Date(iso);

describe('the Vietnam day, by an injected clock', () => {
  it('turns to the next day at 17:00 UTC, which is midnight in Hà Nội', () => {
    expect(todayInVietnam(at('2022-07-29T16:59:59Z'))).toBe('2022-07-29');
    expect(todayInVietnam(at('2022-07-29T17:00:00Z'))).toBe('2022-07-30');
    expect(todayVn(at('2022-07-29T17:00:00Z'))).toBe('2022-07-30');
  });

  it('turns the year on New Year’s Eve evening UTC', () => {
    expect(vnYear(new Date('2022-12-31T16:59:00Z'))).toBe(2022);
    expect(vnYear(new Date('2022-12-31T17:00:00Z'))).toBe(2023);
  });

  it('reads days, HLC stamps and instants alike, in the calendar and in report periods', () => {
    const hlcMs = Date.parse('2022-07-10T18:30:00Z');
    const hlc = `${String(hlcMs).padStart(15, '0')}-000001-vanquan`;
    for (const read of [vnDayOfStamp, toVietnamDate]) {
      expect(read('2022-07-10')).toBe('2022-07-10');
      expect(read(hlc)).toBe('2022-07-11');
      expect(read('2022-07-10T03:00:00Z')).toBe('2022-07-10');
      expect(read('10/07/2022')).toBeNull();
    }
  });

  it('shows instants in Vietnam time on screen', () => {
    expect(formatDate('2022-07-30')).toBe('30/07/2022');
    expect(formatDate(new Date('2022-07-29T18:05:00Z'))).toBe('30/07/2022');
    expect(formatDateTime('2022-07-29T18:05:00Z')).toBe('01:05 30/07/2022');
    expect(formatDateTime('không phải ngày')).toBe('');
    expect(vnTime(Date.parse('2022-07-29T17:00:00Z'))).toBe('00:00');
    expect(vnDay(Date.parse('2022-07-29T17:00:00Z'))).toBe('2022-07-30');
  });
});

describe('one Vietnamese number format for core and screen', () => {
  const samples = [0, 7, 1234, 1_500_000, 2_250_000.5, -1_250.25, 12.345, 0.1 + 0.2, 987_654_321];

  it('groups thousands with dots and decimals with a comma, as the screen showed before', () => {
    expect(formatNumber(1_500_000)).toBe('1.500.000');
    expect(formatMoney(1_500_000)).toBe('1.500.000 đ');
    expect(formatNumber(-1_250.25)).toBe('-1.250,25');
    expect(showNumber(12.345, 1)).toBe('12,3');
    expect(groupDigits('0071500000')).toBe('71.500.000');
    expect(groupThousands('1234567')).toBe('1.234.567');
    expect(formatNumber(null)).toBe('');
  });

  it('agrees with what Intl vi-VN gave the screen on everyday figures', () => {
    const intl = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
    for (const n of samples) expect(formatNumberVi(n), String(n)).toBe(intl.format(n));
  });
});

describe('one folding', () => {
  it('strips marks the same way for search keys, extractor positions and ASCII names', () => {
    expect(stripMarks('Đồng Giáp')).toBe('Dong Giap');
    expect(fold('  Bình   Gia ')).toBe('binh gia');
    const line = 'Thời hạn: trước ngày 30/7/2022';
    const folded = foldKeep(line);
    expect(folded).toHaveLength(line.length);
    expect(folded).toBe('thoi han: truoc ngay 30/7/2022');
    const i = folded.indexOf('truoc');
    expect(line.slice(i, i + 5)).toBe('trước');
    expect(foldKeep('ĐỀ NGHỊ')).toBe('de nghi');
  });
});
