/**
 * "0201******89": enough to tell records apart on screen or on a posted list, not enough to copy.
 * The one masking of citizen ID numbers (CCCD/CMND): the household list, the form and the printed
 * public lists all use it.
 */
export function maskIdNumber(id: string): string {
  if (id.length <= 6) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 6)}${id.slice(-2)}`;
}
