import { z } from 'zod';
import { dayNumber, fromDayNumber, isoDate } from '../calendar';

/**
 * The Giấy đề nghị xác nhận hộ có mức sống trung bình: Quyết định 24/2021/QĐ-TTg (Điều 6) has a
 * household of nông, lâm, ngư or diêm nghiệp in the medium band confirmed only when it hands in
 * this request (sector.ts). The app records the day the commune received it; the form's own
 * content was not read (forms/public-listing.json, "mediumRequest"), so nothing else is asked.
 */

/** A calendar day as stored: 'YYYY-MM-DD', a real date. */
const IsoDay = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && dayNumber(s) !== null);

export const MediumRequestSchema = z
  .object({
    /** Ngày nộp giấy đề nghị: the day the commune received it. */
    receivedOn: IsoDay,
  })
  .strict();
export type MediumRequest = z.output<typeof MediumRequestSchema>;

/** Excel counts days from 30/12/1899 (its 1900 leap-year bug included): serial 45658 = 01/01/2025. */
const EXCEL_EPOCH_DAY = -25_569;

/**
 * A request date from a spreadsheet cell as officers fill it: "05/11/2025", "5/11/2025",
 * "05-11-2025", "05.11.2025", "2025-11-05", a date cell (exceljs gives a Date) or a date
 * typed into a General cell (Excel keeps its serial number, 45966). Two-digit years and
 * month-first orders are not guessed. Blank: undefined (no request handed in yet).
 */
export function parseRequestDay(cell: string | number | boolean | Date | null): string | undefined | null {
  if (cell === null) return undefined;
  if (cell instanceof Date) {
    // exceljs reads a date cell as that day at 00:00 UTC.
    return Number.isNaN(cell.getTime()) ? null : isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'boolean') return null;
  if (typeof cell === 'number') {
    // Serials of 1/1/2000 (36526) .. 31/12/2200; fractions are a time of day, dropped. A smaller
    // number (5, 2025) is not a date anyone typed: refused, not read as a day of 1900.
    if (!Number.isFinite(cell) || cell < 36_526 || cell > 110_575) return null;
    const day = fromDayNumber(Math.floor(cell) + EXCEL_EPOCH_DAY);
    return day <= '2200-12-31' ? day : null;
  }
  const t = cell.normalize('NFC').trim();
  if (t === '') return undefined;
  if (t.length > 20) return null;
  const dmy = /^(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})$/.exec(t);
  if (dmy) return isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  if (ymd) return isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  if (/^\d+(\.\d+)?$/.test(t)) return parseRequestDay(Number(t));
  return null;
}

/** A request received after `today` (Vietnam's day) cannot have been handed in yet. */
export function isAfter(day: string, today: string): boolean {
  return day > today;
}

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', the way the lists and files write a day. */
export function dayVi(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
