/**
 * Household codes (mã hộ) that carry no personal data. The old default, "<commune>-<CCCD>",
 * printed the head's full citizen ID wherever the code went (lists, exports, bundle ids), so
 * masking the ID column hid nothing. A new code is "<commune code>-<year first recorded>-<0001>":
 * stable across review years (the next year's record of the same household reuses it) and
 * meaningless outside the office's list.
 */

/** "TRANGCAC-2025-0007" */
export function householdCode(communeCode: string, year: number, sequence: number): string {
  return `${communeCode}-${year}-${String(sequence).padStart(4, '0')}`;
}

/** True when the code shows the ID number (9 or 12 digits) of the household's head. */
export function codeShowsIdNumber(code: string, idNumber: string): boolean {
  return /^(\d{9}|\d{12})$/.test(idNumber) && code.includes(idNumber);
}

/**
 * Hands out new codes of one office: per commune and year, the next sequence number that no
 * existing code uses. `taken` is every code the office already has (any year).
 */
export class CodeAllocator {
  private readonly taken: Set<string>;
  private readonly next = new Map<string, number>();

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  allocate(communeCode: string, year: number): string {
    const key = `${communeCode}|${year}`;
    let seq = this.next.get(key) ?? 1;
    let code = householdCode(communeCode, year, seq);
    while (this.taken.has(code)) code = householdCode(communeCode, year, ++seq);
    this.next.set(key, seq + 1);
    this.taken.add(code);
    return code;
  }
}
