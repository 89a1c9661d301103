import { hkdfSync, randomBytes } from 'node:crypto';

/**
 * The recovery code shown once at setup: 40 characters of Crockford's base32 (no I, L, O, U:
 * nothing to confuse with 1, 0 or V when read off paper), 200 random bits, printed as 8 groups of
 * 5. With that much entropy no slow key derivation is needed (no one guesses 2^200); HKDF turns it
 * into the key that wraps the folder's data key (dataKey.ts).
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const RECOVERY_CODE_CHARS = 40;
const GROUP = 5;

export function newRecoveryCode(): string {
  // 40 characters × 5 bits = 25 bytes; each byte pair of bits is taken in order.
  const bytes = randomBytes(25);
  let bits = 0;
  let acc = 0;
  let out = '';
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += ALPHABET[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return formatRecoveryCode(out);
}

export function formatRecoveryCode(plain: string): string {
  const groups: string[] = [];
  for (let i = 0; i < plain.length; i += GROUP) groups.push(plain.slice(i, i + GROUP));
  return groups.join('-');
}

/**
 * A code as typed (any case, spaces or dashes, I/L read as 1 and O as 0) in its canonical form,
 * or null when it cannot be a recovery code (wrong length, other letters).
 */
export function normaliseRecoveryCode(typed: string): string | null {
  const plain = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  if (plain.length !== RECOVERY_CODE_CHARS || [...plain].some((c) => !ALPHABET.includes(c))) return null;
  return plain;
}

/** The key that wraps the data key for a canonical code. */
export function recoveryWrapKey(canonical: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(canonical, 'latin1'), salt, 'soviec/recovery/v1', 32));
}
