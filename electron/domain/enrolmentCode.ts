/**
 * The enrolment code ("mã đăng ký") read over the phone when an office's PC is enrolled:
 * 19 random Crockford base32 characters (95 bits) and one check character, shown as four
 * groups of five ("7K3QD-MX2VB-0TRNC-9HW4E"). Crockford's alphabet has no I, L, O or U, so
 * what is heard as "O" is a zero and "I"/"L" a one; case, spaces and dashes do not matter.
 *
 * The check character catches a mistyped code before it counts as a wrong attempt: it is the
 * sum of each value times an odd weight, modulo 32, so any single wrong character changes it
 * (an odd weight times a non-zero difference is never a multiple of 32), and two neighbours
 * swapped change it unless their values differ by exactly 16.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_DATA_CHARS = 19;
export const CODE_CHARS = CODE_DATA_CHARS + 1;
/** Random bits in a code (19 characters × 5 bits). */
export const CODE_BITS = CODE_DATA_CHARS * 5;

const valueOf = (c: string): number => CROCKFORD.indexOf(c);

function checkChar(data: string): string {
  let sum = 0;
  for (let i = 0; i < data.length; i++) sum += valueOf(data[i] as string) * (2 * i + 1);
  return CROCKFORD[sum % 32] as string;
}

/** A code from at least 12 random bytes (95 bits are used). */
export function codeFromRandom(bytes: Uint8Array): string {
  if (bytes.length < 12) throw new Error('12 random bytes needed');
  let bits = 0n;
  for (const b of bytes.subarray(0, 12)) bits = (bits << 8n) | BigInt(b);
  let data = '';
  for (let i = 0; i < CODE_DATA_CHARS; i++) {
    data += CROCKFORD[Number(bits & 31n)];
    bits >>= 5n;
  }
  return formatCode(data + checkChar(data));
}

/** "7K3QDMX2VB0TRNC9HW4E" → "7K3QD-MX2VB-0TRNC-9HW4E". */
export function formatCode(normalised: string): string {
  return normalised.match(/.{1,5}/g)?.join('-') ?? normalised;
}

export type CodeCheck = { ok: true; code: string } | { ok: false; reason: 'length' | 'character' | 'check' };

/** What a person typed, normalised and checked; `code` is the 20 characters without dashes. */
export function parseCode(typed: string): CodeCheck {
  const s = typed
    .toUpperCase()
    .replace(/[\s\-–—_.]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== CODE_CHARS) return { ok: false, reason: 'length' };
  if ([...s].some((c) => valueOf(c) < 0)) return { ok: false, reason: 'character' };
  if (checkChar(s.slice(0, CODE_DATA_CHARS)) !== s[CODE_DATA_CHARS]) return { ok: false, reason: 'check' };
  return { ok: true, code: s };
}
