import { createHash, randomBytes, scrypt } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { DataCipher, SealBrokenError } from '../store/sealedFile';
import { writePrivateFile } from './privateFile';

/**
 * The CLI and the web harness have no OS key store: their data keys are sealed under a key
 * derived from a passphrase with scrypt (N = 2^17, r = 8, p = 1: about 128 MiB and a few
 * hundred ms per derivation, so a stolen key file costs an attacker that much per guess).
 * One `passphrase.json` per key folder (SOVIEC_KEY_DIR, outside every data folder) holds the
 * salt, the parameters and a check value, so a wrong passphrase is told as such
 * (DATA_KEY_WRONG) instead of as a damaged key. The derived key is kept in memory for the
 * process: tests and the harness open many folders with one passphrase.
 */
export const PASSPHRASE_FILE = 'passphrase.json';
const SCRYPT = { r: 8, p: 1 } as const;
/**
 * log2 N for a NEW passphrase file: 17 unless SOVIEC_SCRYPT_LOG_N says otherwise (14..20). Test
 * suites set 14: they start hundreds of CLI processes, each paying the derivation once. The value
 * is recorded in passphrase.json, so an existing file keeps its own.
 */
function costForNewFile(): number {
  const asked = Number(process.env.SOVIEC_SCRYPT_LOG_N);
  return 1 << (Number.isInteger(asked) && asked >= 14 && asked <= 20 ? asked : 17);
}
const CHECK = 'soviec/passphrase-check/v1';

const KeyringSchema = z.object({
  format: z.literal(1),
  kdf: z.literal('scrypt'),
  N: z.number().int().min(1 << 14).max(1 << 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16).max(64),
  check: z.string().min(16).max(256),
});
type Keyring = z.infer<typeof KeyringSchema>;

const derived = new Map<string, Buffer>();

function derive(passphrase: string, k: Pick<Keyring, 'N' | 'r' | 'p' | 'salt'>): Promise<Buffer> {
  const memo = `${k.salt}|${k.N}|${k.r}|${k.p}|${createHash('sha256').update(passphrase).digest('hex')}`;
  const hit = derived.get(memo);
  if (hit) return Promise.resolve(hit);
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), Buffer.from(k.salt, 'base64'), 32, { N: k.N, r: k.r, p: k.p, maxmem: 256 * k.N * k.r + (1 << 20) }, (err, key) => {
      if (err) return reject(err);
      derived.set(memo, key);
      resolve(key);
    });
  });
}

/** The key that seals data keys in `dir` for this passphrase; the first use sets the passphrase. */
export async function passphraseKey(dir: string, passphrase: string): Promise<DataCipher> {
  const file = path.join(dir, PASSPHRASE_FILE);
  let text = await fs.readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null;
    throw e;
  });
  if (text === null) {
    const fresh = { format: 1 as const, kdf: 'scrypt' as const, N: costForNewFile(), ...SCRYPT, salt: randomBytes(16).toString('base64') };
    const key = new DataCipher(await derive(passphrase, fresh));
    const keyring: Keyring = { ...fresh, check: key.seal(CHECK, CHECK).toString('base64') };
    // Another process may set it at the same moment: the first one wins, the other reads it.
    await writePrivateFile(file, JSON.stringify(keyring, null, 1), { exclusive: true });
    text = await fs.readFile(file, 'utf8');
  }
  const parsed = KeyringSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new AppError('DATA_KEY_MISSING', 'common:errors.DATA_KEY_FILE_DAMAGED', { file });
  const key = new DataCipher(await derive(passphrase, parsed.data));
  try {
    key.open(CHECK, Buffer.from(parsed.data.check, 'base64'));
  } catch (e) {
    if (e instanceof SealBrokenError) throw new AppError('DATA_KEY_WRONG', 'common:errors.DATA_KEY_WRONG', { dir });
    throw e;
  }
  return key;
}
