import { readRecurrence } from '../recurrence';
import { addDays, dayNumber, isoDate, lastDayOfMonth, lastDayOfQuarter, parseIsoDate } from '../../calendar';
import type { Deadline } from '../deadlineSchema';
import { foldKeep } from './normalize';
import type { ExtractWarningCode } from './warnings';

/**
 * Vietnamese deadlines in running text. Only a date introduced by a deadline word counts:
 * "Thời gian 30/7/2022 thực hiện xong", "trước ngày 15/8/2022", "chậm nhất ngày ...",
 * "hoàn thành trong tháng 9/2022", "trong quý III/2022", "đến ngày ...". Dates of cited
 * documents ("Kế hoạch số 101/KH-UBND ngày 28/4/2022") and start dates ("từ ngày") are not
 * deadlines. "thường xuyên", "tiếp tục", "định kỳ", "hằng năm/quý/tháng" mean ongoing.
 *
 * "trước ngày X" is read strictly, as the administrative wording says: the work must be done
 * (the report received) before day X, so the due date is X - 1 ("trước ngày 15/8/2022" ->
 * 2022-08-14; "trước 31/12/2022" -> 2022-12-30; "trước tháng 9/2022" -> 2022-08-31). This errs
 * on the safe side for the office; the notice's words stay in `text` for the officer to see.
 * "chậm nhất ngày X", "đến ngày X", "thời gian X" and "trong tháng/quý/năm" include X / the
 * last day of the period.
 */

export interface DeadlineContext {
  /** The notice's own date: gives the year to dates written without one ("trước ngày 15/8"). */
  referenceDate?: string | null;
  /** Used when the notice has no date. */
  defaultYear?: number;
}

export interface DeadlineIssue {
  code: ExtractWarningCode;
  params: Record<string, string | number>;
}

export interface DeadlineReading {
  deadline: Deadline;
  issues: DeadlineIssue[];
  /**
   * For "trước ngày X": the day X as written. The due date above is X − 1 (the strict reading);
   * whether the office reads it as X instead is the officer's visible choice in the review.
   */
  beforeDay?: string;
}

type Period = 'day' | 'month' | 'quarter' | 'year';

interface Token {
  period: Period;
  start: number;
  end: number;
  y: number | null;
  /** Month, or quarter for period 'quarter'. */
  n: number;
  d: number;
  /** A bare "d/m" (no year, no words): may just as well be a fraction such as 13/14. */
  fractionLike: boolean;
}

const QUARTERS: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

const num = (s: string | undefined): number => (s === undefined ? NaN : Number(s));

const TOKEN_RULES: Array<{ re: RegExp; make: (m: RegExpExecArray) => Omit<Token, 'start' | 'end'> }> = [
  {
    re: /(?<![a-z])ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})(?:\s+nam\s+(\d{4}))?(?!\d)/g,
    make: (m) => ({ period: 'day', d: num(m[1]), n: num(m[2]), y: m[3] ? num(m[3]) : null, fractionLike: false }),
  },
  {
    re: /(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?!\d)/g,
    make: (m) => ({ period: 'day', d: num(m[1]), n: num(m[3]), y: num(m[4]), fractionLike: false }),
  },
  {
    re: /(?<![a-z])thang\s+(\d{1,2})(?:\s?\/\s?|\s+nam\s+)(\d{4})(?!\d)/g,
    make: (m) => ({ period: 'month', d: 0, n: num(m[1]), y: num(m[2]), fractionLike: false }),
  },
  {
    re: /(?<![a-z])quy\s+(iv|i{1,3}|[1-4])(?:\s?\/\s?|\s+nam\s+)(\d{4})(?!\d)/g,
    make: (m) => ({ period: 'quarter', d: 0, n: QUARTERS[m[1] ?? ''] ?? NaN, y: num(m[2]), fractionLike: false }),
  },
  {
    re: /(?<![\d/.-])(\d{1,2})\/(\d{1,2})(?![\d/])/g,
    make: (m) => ({ period: 'day', d: num(m[1]), n: num(m[2]), y: null, fractionLike: true }),
  },
  {
    re: /(?<![a-z])thang\s+(\d{1,2})(?![\d/])/g,
    make: (m) => ({ period: 'month', d: 0, n: num(m[1]), y: null, fractionLike: false }),
  },
  {
    re: /(?<![a-z])quy\s+(iv|i{1,3}|[1-4])(?![a-z\d])/g,
    make: (m) => ({ period: 'quarter', d: 0, n: QUARTERS[m[1] ?? ''] ?? NaN, y: null, fractionLike: false }),
  },
  {
    re: /(?<![a-z])nam\s+(\d{4})(?!\d)/g,
    make: (m) => ({ period: 'year', d: 0, n: 0, y: num(m[1]), fractionLike: false }),
  },
];

function findTokens(f: string): Token[] {
  const taken: Array<[number, number]> = [];
  const out: Token[] = [];
  for (const rule of TOKEN_RULES) {
    rule.re.lastIndex = 0;
    for (let m = rule.re.exec(f); m; m = rule.re.exec(f)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      taken.push([start, end]);
      out.push({ ...rule.make(m), start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

const CUE_WORDS = [
  'cham nhat', 'han chot', 'thoi han', 'thoi gian', 'hoan thanh', 'hoan tat', 'thuc hien xong', 'xong',
  'den het', 'den', 'ket thuc', 'nop', 'gui', 'trong', 'truoc', 'tu', 'het', 'cuoi',
];
const CUE_RE = new RegExp(`(?<![a-z])(${[...CUE_WORDS].sort((a, b) => b.length - a.length).join('|')})(?![a-z])`, 'g');
const CONFIRM_AFTER_RE = /^\s*(?:phai\s+)?(?:duoc\s+)?(?:thuc hien xong|hoan thanh|xong)(?![a-z])/;
const REFERENCE_BEFORE_RE = /\d+\/[a-z0-9.\-/]*[a-z][a-z0-9.-]*\s+(?:ngay\s+)?$/;
const REFERENCE_AFTER_RE = /^\s*,?\s*(?:cua|ve viec|v\/v)(?![a-z])/;
const DATA_CUTOFF_RE = /(chot so lieu|so lieu tinh den|tinh den|ky han bao cao|thoi diem chot)[^;.]*$/;
/** "chế độ báo cáo định kỳ" names the reporting regime; it is not a recurrence of the task. */
const ONGOING_RE = /(?<![a-z])(thuong xuyen|tiep tuc|lien tuc|(?<!che do (?:bao cao )?)dinh ky|hang (?:nam|quy|thang|tuan|ngay))(?![a-z])/;

/** Start of the clause holding `pos`: after the last ';', line break or sentence end. */
function clauseStart(f: string, pos: number): number {
  for (let i = pos - 1; i >= 0; i--) {
    const c = f.charAt(i);
    if (c === ';' || c === '\n') return i + 1;
    if ((c === '.' || c === '!' || c === '?') && /\s/.test(f.charAt(i + 1))) return i + 1;
  }
  return 0;
}

type Reading =
  | { kind: 'strict'; cueStart: number; confirmEnd: number }
  | { kind: 'inclusive'; cueStart: number; confirmEnd: number }
  | { kind: 'start' }
  | { kind: 'reference' }
  | { kind: 'uncued' };

function classify(f: string, t: Token): Reading {
  const from = Math.max(clauseStart(f, t.start), t.start - 60);
  const pre = f.slice(from, t.start);
  const post = f.slice(t.end, t.end + 40);
  if (REFERENCE_BEFORE_RE.test(pre) || REFERENCE_AFTER_RE.test(post)) return { kind: 'reference' };
  // A data cut-off ("chốt số liệu đến ngày 31/12") or a reporting period is not when to submit.
  if (DATA_CUTOFF_RE.test(pre)) return { kind: 'reference' };

  const cues = [...pre.matchAll(CUE_RE)];
  for (let i = cues.length - 1; i >= 0; i--) {
    const cue = cues[i];
    if (!cue) continue;
    const word = cue[1] ?? '';
    const gap = pre.slice(cue.index + cue[0].length);
    const cueStart = from + cue.index;
    const justBefore = /^\s*(?:ngay\s*)?$/.test(gap);
    if (word === 'tu') {
      if (justBefore) return { kind: 'start' };
      continue;
    }
    if (word === 'truoc') {
      if (justBefore) return { kind: 'strict', cueStart: verbBefore(f, from, cueStart), confirmEnd: t.end };
      continue;
    }
    if (['trong', 'het', 'den het', 'cuoi', 'den'].includes(word)) {
      if (t.period === 'day' ? justBefore : /^\s*(?:ca\s+)?$/.test(gap)) {
        return { kind: 'inclusive', cueStart: verbBefore(f, from, cueStart), confirmEnd: t.end };
      }
      continue;
    }
    // A deadline word ("chậm nhất", "thời gian", "hoàn thành", "nộp" ...): a day may follow a
    // few words later; a month, quarter or year must follow at once ("hoàn thành kế hoạch năm
    // 2022" names the plan, not a deadline).
    const near = t.period === 'day' ? gap.length <= 32 : /^\s*:?\s*(?:la\s+)?(?:trong\s+)?$/.test(gap);
    if (near) return { kind: 'inclusive', cueStart, confirmEnd: confirmEnd(f, t.end) };
  }
  const confirm = CONFIRM_AFTER_RE.exec(post);
  if (confirm && t.period === 'day') return { kind: 'inclusive', cueStart: t.start, confirmEnd: t.end + confirm[0].length };
  return { kind: 'uncued' };
}

/** Includes "hoàn thành" / "xong" / "nộp" directly before "trước"/"trong" in the quoted text. */
function verbBefore(f: string, from: number, cueStart: number): number {
  const m = /(?:hoan thanh|hoan tat|thuc hien xong|xong|nop|gui)\s+$/.exec(f.slice(from, cueStart));
  return m ? cueStart - m[0].length : cueStart;
}

function confirmEnd(f: string, end: number): number {
  const m = CONFIRM_AFTER_RE.exec(f.slice(end, end + 40));
  return m ? end + m[0].length : end;
}

/** The due day a token stands for (last day of a period), or null when it is no real date. */
function dueOf(t: Token, y: number, strict: boolean): string | null {
  switch (t.period) {
    case 'day': {
      const day = isoDate(y, t.n, t.d);
      return day && strict ? addDays(day, -1) : day;
    }
    case 'month': {
      const first = isoDate(y, t.n, 1);
      if (!first) return null;
      return strict ? addDays(first, -1) : lastDayOfMonth(y, t.n);
    }
    case 'quarter': {
      const first = isoDate(y, t.n * 3 - 2, 1);
      if (!first) return null;
      return strict ? addDays(first, -1) : lastDayOfQuarter(y, t.n);
    }
    case 'year':
      return strict ? isoDate(y - 1, 12, 31) : isoDate(y, 12, 31);
  }
}

export function parseDeadline(text: string, ctx: DeadlineContext = {}): DeadlineReading {
  const s = text.normalize('NFC');
  const rec = readRecurrence(s);
  if (rec) {
    const { text: words, ...rest } = rec;
    return { deadline: { kind: 'recurring', ...rest, text: words }, issues: [] };
  }
  const f = foldKeep(s);
  const issues: DeadlineIssue[] = [];
  const found: Array<{ date: string; text: string; beforeDay?: string }> = [];
  const unclear: string[] = [];
  const ref = ctx.referenceDate ? parseIsoDate(ctx.referenceDate) : null;
  const refYear = ref?.y ?? ctx.defaultYear ?? null;

  for (const t of findTokens(f)) {
    const reading = classify(f, t);
    const quoted = s.slice(t.start, t.end).trim();
    if (reading.kind === 'reference' || reading.kind === 'start') continue;
    if (reading.kind === 'uncued') {
      if (t.period === 'day' && t.y !== null && isoDate(t.y, t.n, t.d)) unclear.push(quoted);
      continue;
    }
    const cueText = s.slice(reading.cueStart, reading.confirmEnd).trim();
    const strict = reading.kind === 'strict';
    let y = t.y;
    if (y === null) {
      if (t.fractionLike && !isoDate(2000, t.n, t.d)) continue; // "13/14": a count, not a date
      if (refYear === null) {
        issues.push({ code: 'deadlineYearMissing', params: { text: cueText } });
        continue;
      }
      y = refYear;
      const guess = dueOf(t, y, strict);
      const refDay = ctx.referenceDate ? dayNumber(ctx.referenceDate) : null;
      const guessDay = guess ? dayNumber(guess) : null;
      // A notice dated December asking for "trước ngày 15/01" means next January.
      if (refDay !== null && guessDay !== null && guessDay < refDay) y += 1;
      issues.push({ code: 'deadlineYearAssumed', params: { text: cueText, year: y } });
    }
    const due = dueOf(t, y, strict);
    if (!due) {
      issues.push({ code: 'deadlineInvalidDate', params: { text: cueText } });
      continue;
    }
    if (/(?<![a-z])du kien(?![a-z])/.test(f.slice(clauseStart(f, t.start), t.start))) {
      issues.push({ code: 'deadlineTentative', params: { text: cueText } });
    }
    const named = strict && t.period === 'day' ? isoDate(y, t.n, t.d) : null;
    found.push({ date: due, text: cueText, ...(named ? { beforeDay: named } : {}) });
  }

  const dates = [...new Set(found.map((x) => x.date))];
  const first = found[0];
  if (dates.length === 1 && first) return { deadline: { kind: 'date', date: first.date, text: first.text }, issues, ...(first.beforeDay ? { beforeDay: first.beforeDay } : {}) };
  if (dates.length > 1) {
    issues.push({ code: 'deadlineAmbiguous', params: { candidates: found.map((x) => x.text).join(' | ') } });
    return { deadline: { kind: 'none' }, issues };
  }
  const ongoing = ONGOING_RE.exec(f);
  if (ongoing) {
    const start = ongoing.index;
    return { deadline: { kind: 'ongoing', text: s.slice(start, start + ongoing[0].length) }, issues };
  }
  const firstUnclear = unclear[0];
  if (firstUnclear !== undefined) issues.push({ code: 'deadlineUnclear', params: { text: firstUnclear } });
  return { deadline: { kind: 'none' }, issues };
}
