import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Files of the document store sealed with the folder's data key (AES-256-GCM, node:crypto).
 * Layout of a sealed file: "SVE1" | 12-byte nonce | ciphertext | 16-byte tag. Every write draws
 * a fresh random nonce. The associated data is the file's place in the store (its path relative
 * to the data folder, with forward slashes: `db/household/042.json`), so a file moved to another
 * place (one household shard put where another was, a backup copy of another shard) fails to
 * open, as does any flipped bit. A backup or damaged/ copy keeps the associated data of the live
 * file it copies: it can be put back as it is.
 *
 * Plain files are JSON and start with `{`; a sealed file starts with the magic, so the two are
 * told apart by their first bytes (while a folder is being migrated, both exist).
 */
export const SEAL_MAGIC = Buffer.from('SVE1', 'latin1');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const DATA_KEY_BYTES = 32;

/** A sealed file that does not open: wrong key, wrong place, or altered bytes. */
export class SealBrokenError extends Error {
  constructor(readonly rel: string) {
    super(`sealed file ${rel} does not open (altered, moved, or another key)`);
  }
}

export function isSealed(bytes: Uint8Array): boolean {
  return bytes.length >= SEAL_MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, SEAL_MAGIC.length).equals(SEAL_MAGIC);
}

/** The associated data of a store file: the same on every OS. */
export function placeOf(rel: string): Buffer {
  return Buffer.from(`soviec/store/v1:${rel.split('\\').join('/')}`, 'utf8');
}

export class DataCipher {
  /**
   * False until a folder written before encryption has been migrated (atRest/migrate.ts): only
   * then are plain files read. Afterwards a plain file where a sealed one belongs is damage (it
   * cannot have been written by this version), restored from a backup like any other.
   */
  acceptPlain: boolean;

  constructor(
    private readonly key: Buffer,
    opts: { acceptPlain?: boolean } = {},
  ) {
    if (key.length !== DATA_KEY_BYTES) throw new Error('data key must be 32 bytes');
    this.acceptPlain = opts.acceptPlain ?? false;
  }

  seal(rel: string, plain: string | Uint8Array): Buffer {
    const nonce = randomBytes(NONCE_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce);
    cipher.setAAD(placeOf(rel));
    const body = typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain;
    const ct = Buffer.concat([cipher.update(body), cipher.final()]);
    return Buffer.concat([SEAL_MAGIC, nonce, ct, cipher.getAuthTag()]);
  }

  /** The plain bytes of a sealed file; SealBrokenError when it does not open at `rel`. */
  open(rel: string, bytes: Uint8Array): Buffer {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!isSealed(buf) || buf.length < SEAL_MAGIC.length + NONCE_BYTES + TAG_BYTES) throw new SealBrokenError(rel);
    const nonce = buf.subarray(SEAL_MAGIC.length, SEAL_MAGIC.length + NONCE_BYTES);
    const tag = buf.subarray(buf.length - TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, nonce);
    decipher.setAAD(placeOf(rel));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(buf.subarray(SEAL_MAGIC.length + NONCE_BYTES, buf.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new SealBrokenError(rel);
    }
  }

  /**
   * What a sealed file that fails its tag still shows, decrypted WITHOUT authentication (GCM is
   * counter mode underneath: the keystream starts at counter 2). Never used as data: only to
   * name, in the recovery notice, the records a damaged file held (which were repaired, rolled
   * back or lost), as the plain checksum did before encryption. Null when not even the layout
   * is there.
   */
  openUnverified(bytes: Uint8Array): Buffer | null {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (!isSealed(buf) || buf.length < SEAL_MAGIC.length + NONCE_BYTES + TAG_BYTES) return null;
    const iv = Buffer.concat([buf.subarray(SEAL_MAGIC.length, SEAL_MAGIC.length + NONCE_BYTES), Buffer.from([0, 0, 0, 2])]);
    const ctr = createDecipheriv('aes-256-ctr', this.key, iv);
    return Buffer.concat([ctr.update(buf.subarray(SEAL_MAGIC.length + NONCE_BYTES, buf.length - TAG_BYTES)), ctr.final()]);
  }

  /**
   * The plain bytes of a store file as read from disk: opened when sealed, as they are when
   * plain and plain files are still accepted; otherwise SealBrokenError.
   */
  read(rel: string, bytes: Buffer): Buffer {
    if (isSealed(bytes)) return this.open(rel, bytes);
    if (this.acceptPlain) return bytes;
    throw new SealBrokenError(rel);
  }
}
