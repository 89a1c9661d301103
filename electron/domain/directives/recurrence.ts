import { foldKeep } from '../text';

/**
 * Recurring duties ("gửi … trước ngày 28 hàng tháng", "trước ngày 15 tháng 7 đối với báo cáo 6
 * tháng đầu năm", "chậm nhất là ngày 15/01 năm kế tiếp của năm báo cáo") as a recurrence
 * {every, day, month}: for `half` and `year` day/month are the due day of the (first) report;
 * for `quarter` month is the due month of the first quarter's report. A data cut-off
 * ("chốt số liệu ngày 25") is not the due day.
 */
export type Every = 'month' | 'quarter' | 'half' | 'year';
export interface Recurrence {
  every: Every;
  day?: number;
  month?: number;
  text: string;
}

const DAY_MONTH_RE = /(?:truoc|cham nhat(?: la)?|han chot|nop|gui)\s+(?:ngay\s*)?(\d{1,2})\s*(?:\/|-|thang\s*)(\d{1,2})(?![\d/])/g;
const DAY_ONLY_RE = /(?:truoc|cham nhat(?: la)?)\s+ngay\s*(\d{1,2})\s+(?:hang|hàng|moi)\s+thang/;

export function readRecurrence(text: string): Recurrence | null {
  const s = text.normalize('NFC');
  const f = foldKeep(s);
  const monthly = DAY_ONLY_RE.exec(f);
  if (monthly) {
    return { every: 'month', day: Number(monthly[1]), text: s.slice(monthly.index, monthly.index + monthly[0].length) };
  }
  const dated = [...f.matchAll(DAY_MONTH_RE)];
  const half = /(?<![a-z])(6 thang|sau thang)(?: dau nam)?(?![a-z])/.exec(f);
  const yearly = /(?<![a-z])(hang nam|nam ke tiep|nam sau|bao cao nam)(?![a-z])/.exec(f);
  const quarterly = /(?<![a-z])(hang quy|bao cao quy)(?![a-z])/.exec(f);
  const first = dated[0];
  const words = (m: RegExpExecArray | RegExpMatchArray): string => s.slice(m.index ?? 0, (m.index ?? 0) + m[0].length);
  if (half && first) return { every: 'half', day: Number(first[1]), month: Number(first[2]), text: words(first) };
  if (quarterly && first) return { every: 'quarter', day: Number(first[1]), month: Number(first[2]), text: words(first) };
  if (yearly && first) return { every: 'year', day: Number(first[1]), month: Number(first[2]), text: words(first) };
  if (/(?<![a-z])(hang|moi) thang(?![a-z])/.test(f) && /(?<![a-z])(bao cao|gui|nop)(?![a-z])/.test(f)) {
    const m = /(?<![a-z])(hang|moi) thang(?![a-z])/.exec(f);
    if (m) return { every: 'month', text: words(m) };
  }
  return null;
}

/** The due dates a recurrence sets in a year, in order. */
function dueDatesIn(r: { every: Every; day?: number | undefined; month?: number | undefined }, year: number): Array<[number, number, number]> {
  const clampDay = (y: number, m: number, d: number | undefined): number => {
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return Math.min(d ?? last, last);
  };
  const months: number[] = [];
  const step = { month: 1, quarter: 3, half: 6, year: 12 }[r.every];
  const first = r.month ?? step;
  for (let m = ((first - 1) % step) + 1; m <= 12; m += step) months.push(m);
  return months.map((m) => [year, m, clampDay(year, m, r.day)]);
}

const iso = ([y, m, d]: [number, number, number]): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The first due date on or after `today` (YYYY-MM-DD). */
export function nextDueDate(r: { every: Every; day?: number | undefined; month?: number | undefined }, today: string): string {
  const year = Number(today.slice(0, 4));
  for (const y of [year, year + 1]) {
    for (const d of dueDatesIn(r, y)) if (iso(d) >= today) return iso(d);
  }
  return iso(dueDatesIn(r, year + 1)[0] ?? [year + 1, 12, 31]);
}
