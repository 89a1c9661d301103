/**
 * The place and date line of an administrative document (Nghị định 30/2020, Phụ lục I):
 * "Lạng Sơn, ngày 05 tháng 01 năm 2022" — days below 10 and months 1 and 2 take a leading zero.
 */
export function ndDateLine(place: string, isoDate: string): string {
  const [y = '', m = '', d = ''] = isoDate.split('-');
  const day = Number(d);
  const month = Number(m);
  const dd = day < 10 ? `0${day}` : String(day);
  const mm = month <= 2 ? `0${month}` : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${y}`;
}

/** "Số:      /BC-SLĐTBXH": the number is left blank for the văn thư to fill in when it is issued. */
export function ndNumberLine(kindCode: string, issuerSymbol: string, number = ''): string {
  return `Số: ${number || '\u00a0'.repeat(6)}/${kindCode}-${issuerSymbol}`;
}
