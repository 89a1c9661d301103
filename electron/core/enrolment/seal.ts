import { createHash, createHmac, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * The secret both sides share after the phone call: a 32-byte key derived from the enrolment
 * code with scrypt, salted with the enrolment id. It keys an HMAC over the setup package (so
 * the office knows the package, and the Sở key card in it, came from whoever read it the code)
 * and over the office's reply card (so the Sở knows the card came from whoever typed it).
 *
 * The code has 95 random bits: nobody holding a package or a reply can search for it, and
 * scrypt makes each guess cost ~100 ms and 32 MiB on top. Guesses against the Sở (forged
 * replies) are bounded by its attempt counter.
 */
const KDF = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const SALT = 'soviec/enrol/v1\0';

export function deriveEnrolmentKey(code: string, enrolmentId: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(code, SALT + enrolmentId, 32, KDF, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** HMAC-SHA256 over labelled, NUL-separated parts (no part can be shifted into another). */
export function macOf(key: Uint8Array, label: string, parts: readonly string[]): string {
  const h = createHmac('sha256', key);
  h.update(`${label}\0`);
  for (const p of parts) h.update(`${Buffer.byteLength(p, 'utf8')}:${p}\0`);
  return h.digest('base64');
}

export function macEquals(a: string, b: string): boolean {
  const x = Buffer.from(a, 'base64');
  const y = Buffer.from(b, 'base64');
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
