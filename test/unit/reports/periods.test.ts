import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../electron/domain/errors';
import {
  assertPeriodKey,
  dateInVietnam,
  daysBetween,
  dueDate,
  parsePeriodKey,
  periodKey,
  periodLabel,
  periodLabelVi,
  periodOfDate,
  periodRange,
  periodsOfYear,
  toVietnamDate,
  type DueRule,
} from '../../../electron/domain/reports/periods';

describe('mã kỳ báo cáo', () => {
  it.each([
    ['2022', { type: 'year', year: 2022, index: 1 }],
    ['2022-H1', { type: 'half', year: 2022, index: 1 }],
    ['2022-H2', { type: 'half', year: 2022, index: 2 }],
    ['2022-Q3', { type: 'quarter', year: 2022, index: 3 }],
    ['2022-07', { type: 'month', year: 2022, index: 7 }],
    ['2022-12', { type: 'month', year: 2022, index: 12 }],
  ])('%s đọc được', (key, expected) => {
    expect(parsePeriodKey(key)).toEqual({ key, ...expected });
    const p = parsePeriodKey(key);
    if (p) expect(periodKey(p.type, p.year, p.index)).toBe(key);
  });

  it.each(['2022-13', '2022-00', '2022-Q5', '2022-H3', '22', '2022-7', '2022-q3', '', 'Quý III/2022'])('"%s" bị từ chối', (key) => {
    expect(parsePeriodKey(key)).toBeNull();
    try {
      assertPeriodKey(key);
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.messageKey).toBe('reports:periods.invalidKey');
    }
  });

  it('periodsOfYear liệt kê theo thứ tự', () => {
    expect(periodsOfYear('half', 2022)).toEqual(['2022-H1', '2022-H2']);
    expect(periodsOfYear('quarter', 2022)).toEqual(['2022-Q1', '2022-Q2', '2022-Q3', '2022-Q4']);
    expect(periodsOfYear('year', 2022)).toEqual(['2022']);
    const months = periodsOfYear('month', 2022);
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2022-01');
    expect(months[11]).toBe('2022-12');
  });

  it('periodOfDate tìm kỳ chứa ngày', () => {
    expect(periodOfDate('quarter', '2022-07-22')).toBe('2022-Q3');
    expect(periodOfDate('half', '2022-06-30')).toBe('2022-H1');
    expect(periodOfDate('half', '2022-07-01')).toBe('2022-H2');
    expect(periodOfDate('month', '2022-07-22')).toBe('2022-07');
  });
});

describe('periodRange', () => {
  it.each([
    ['2022', '2022-01-01', '2022-12-31'],
    ['2022-H1', '2022-01-01', '2022-06-30'],
    ['2022-H2', '2022-07-01', '2022-12-31'],
    ['2022-Q3', '2022-07-01', '2022-09-30'],
    ['2022-07', '2022-07-01', '2022-07-31'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2023-02', '2023-02-01', '2023-02-28'],
  ])('%s: %s → %s', (key, start, end) => {
    expect(periodRange(key)).toEqual({ start, end });
  });
});

describe('tên kỳ báo cáo', () => {
  it.each([
    ['2022-H1', '6 tháng đầu năm 2022'],
    ['2022-H2', '6 tháng cuối năm 2022'],
    ['2022-Q3', 'Quý III/2022'],
    ['2022-Q4', 'Quý IV/2022'],
    ['2022-07', 'Tháng 7/2022'],
    ['2022-12', 'Tháng 12/2022'],
    ['2022', 'Năm 2022'],
  ])('%s → "%s"', (key, label) => {
    expect(periodLabelVi(key)).toBe(label);
  });

  it('khóa i18n kèm tham số', () => {
    expect(periodLabel('2022-Q3')).toEqual({ messageKey: 'reports:period.quarter', params: { quarter: 3, roman: 'III', year: 2022 } });
    expect(periodLabel('2022-H1')).toEqual({ messageKey: 'reports:period.half1', params: { year: 2022 } });
  });
});

describe('hạn nộp', () => {
  const after = (days: number): DueRule => ({ kind: 'daysAfterPeriodEnd', days });
  it.each<[string, DueRule, string, string]>([
    ['10 ngày sau 6 tháng đầu năm', after(10), '2022-H1', '2022-07-10'],
    ['10 ngày sau quý III', after(10), '2022-Q3', '2022-10-10'],
    ['15 ngày sau tháng 12 sang năm sau', after(15), '2022-12', '2023-01-15'],
    ['0 ngày: ngày cuối kỳ', after(0), '2022-02', '2022-02-28'],
    ['trước khi hết kỳ 15 ngày (số ước)', after(-15), '2022-H1', '2022-06-15'],
    ['ngày cố định 15/6', { kind: 'fixedDate', month: 6, day: 15 }, '2022-H1', '2022-06-15'],
    ['ngày cố định 15/01 năm sau', { kind: 'fixedDate', month: 1, day: 15, relativeYear: 1 }, '2022', '2023-01-15'],
    ['ngày 31/2 lùi về cuối tháng 2', { kind: 'fixedDate', month: 2, day: 31, relativeYear: 1 }, '2023', '2024-02-29'],
    ['ngày 31/4 lùi về 30/4', { kind: 'fixedDate', month: 4, day: 31 }, '2022-Q1', '2022-04-30'],
  ])('%s', (_name, rule, key, expected) => {
    expect(dueDate(rule, key)).toBe(expected);
  });
});

describe('ngày theo giờ Việt Nam', () => {
  it.each([
    ['2022-07-10', '2022-07-10'],
    ['2022-07-10T16:59:59Z', '2022-07-10'],
    ['2022-07-10T17:00:00Z', '2022-07-11'],
    ['2022-07-11T00:30:00+07:00', '2022-07-11'],
    [`${String(Date.UTC(2022, 6, 10, 17, 30)).padStart(15, '0')}-000000-abc123`, '2022-07-11'],
    [`${String(Date.UTC(2022, 6, 10, 16, 30)).padStart(15, '0')}-000003-abc123`, '2022-07-10'],
  ])('%s → %s', (stamp, date) => {
    expect(toVietnamDate(stamp)).toBe(date);
  });

  it('dấu thời gian không đọc được', () => {
    expect(toVietnamDate('hôm qua')).toBeNull();
    expect(toVietnamDate('2022-13-01')).toBeNull();
  });

  it('dateInVietnam và daysBetween', () => {
    expect(dateInVietnam(new Date('2021-12-31T18:00:00Z'))).toBe('2022-01-01');
    expect(daysBetween('2022-07-10', '2022-07-11')).toBe(1);
    expect(daysBetween('2022-12-31', '2023-03-01')).toBe(60);
    expect(daysBetween('2022-07-11', '2022-07-10')).toBe(-1);
  });
});
