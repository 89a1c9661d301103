/**
 * The place and date line of an administrative document (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * "Văn Quan, ngày 05 tháng 01 năm 2022". Days below 10 and the months 1 and 2 take a leading
 * zero; other months do not ("ngày 22 tháng 7 năm 2022"). Without a valid date the blanks are
 * left for the clerk to write in by hand.
 */
export function dateLineVi(place: string, iso: string | null | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  const y = m ? Number(m[1]) : NaN;
  const mo = m ? Number(m[2]) : NaN;
  const d = m ? Number(m[3]) : NaN;
  const valid = m !== null && mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const where = place.trim();
  const prefix = where ? `${where}, ngày` : 'Ngày';
  if (!valid) return `${prefix} ... tháng ... năm ...`;
  const day = String(d).padStart(2, '0');
  const month = mo <= 2 ? String(mo).padStart(2, '0') : String(mo);
  return `${prefix} ${day} tháng ${month} năm ${y}`;
}

/** "Số:      /BC-SLĐTBXH": the number is left blank for the văn thư to fill in when it is issued. */
export function numberLineVi(kindCode: string, issuerSymbol: string, number = ''): string {
  return `Số: ${number || '\u00a0'.repeat(6)}/${kindCode}-${issuerSymbol}`;
}
