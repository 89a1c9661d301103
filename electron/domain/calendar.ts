/**
 * Calendar days as 'YYYY-MM-DD' strings. All arithmetic goes through Date.UTC so the host's
 * own time zone (a district PC may be set to anything) can never shift a day.
 */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const DAY_MS = 86_400_000;

/**
 * Asia/Ho_Chi_Minh is UTC+7 all year: Vietnam has kept no daylight saving time since 1975.
 * A fixed offset is therefore exact, needs no ICU time-zone data (which minimal Node or
 * Electron builds may lack) and is cheap enough for dashboards over thousands of tasks.
 */
export const VN_OFFSET_MS = 7 * 3_600_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** A valid calendar date as ISO text, or null (31/2, month 13, ...). */
export function isoDate(y: number, m: number, d: number): string | null {
  if (![y, m, d].every(Number.isInteger)) return null;
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return null;
  if (d > daysInMonth(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

export function parseIsoDate(iso: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return null;
  const ymd = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isoDate(ymd.y, ymd.m, ymd.d) ? ymd : null;
}

/** Days since 1970-01-01 for a valid ISO date, null otherwise. */
export function dayNumber(iso: string): number | null {
  const p = parseIsoDate(iso);
  return p ? Date.UTC(p.y, p.m - 1, p.d) / DAY_MS : null;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, n: number): string | null {
  const day = dayNumber(iso);
  return day === null ? null : fromDayNumber(day + n);
}

export function lastDayOfMonth(y: number, m: number): string | null {
  return isoDate(y, m, daysInMonth(y, m));
}

export function lastDayOfQuarter(y: number, q: number): string | null {
  return q >= 1 && q <= 4 ? lastDayOfMonth(y, q * 3) : null;
}

/**
 * Where "now" comes from. Code that needs today takes a Clock (the core passes ctx.now, tests a
 * fixed instant), so no rule and no test depends on the machine's date.
 */
export type Clock = () => Date;

/** The real clock, for the outermost callers only (the renderer, the CLI). */
export const systemClock: Clock = () => new Date();

/** The calendar day in Vietnam at a given instant (23:30 UTC is already tomorrow there). */
export function vnDay(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today in Vietnam, 'YYYY-MM-DD', by the given clock. */
export function todayInVietnam(now: Clock): string {
  return vnDay(now());
}

/** The year in Vietnam at an instant (on 31/12 from 17:00 UTC it is already next year there). */
export function vnYear(instant: Date | number): number {
  return Number(vnDay(instant).slice(0, 4));
}

/** Hours and minutes in Vietnam at an instant, "08:05" (24-hour clock). */
export function vnTime(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return new Date(ms + VN_OFFSET_MS).toISOString().slice(11, 16);
}

/**
 * Reads a stamp as a Vietnamese day: 'YYYY-MM-DD' as is (when a valid date), an HLC
 * ("<15-digit ms>-<counter>-<node>") or an ISO instant ("2022-07-10T03:00:00Z") by its instant.
 * Null when unreadable.
 */
export function vnDayOfStamp(stamp: string): string | null {
  // The same shape test as periods' IsoDateSchema (a day text is taken as the officer wrote it).
  if (/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(stamp)) return stamp;
  const hlc = /^(\d{15})-\d{6}-[0-9a-z]{1,16}$/.exec(stamp);
  if (hlc) return vnDay(Number(hlc[1]));
  if (!/^\d{4}-\d{2}-\d{2}T/.test(stamp)) return null;
  const ms = Date.parse(stamp);
  return Number.isFinite(ms) ? vnDay(ms) : null;
}
