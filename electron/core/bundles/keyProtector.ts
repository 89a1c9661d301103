import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, linkSync, lstatSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { asBuffer, utf8 } from './bytes';
import { bundleError } from './errors';

/**
 * Seals the private keys at rest. The core never imports 'electron', so the app passes in
 * an implementation: Electron safeStorage (DPAPI on Windows, Keychain on macOS, libsecret
 * on Linux) in the desktop app, FileKeyProtector in the harness and the CLI.
 * May answer asynchronously: in the desktop app the core runs in a utility process and
 * safeStorage lives in the main process, so sealing is a round trip (electron/coreHost).
 */
export interface KeyProtector {
  /** Recorded next to the sealed keys, e.g. 'safeStorage' or 'file'. */
  readonly kind: string;
  protect(plain: Uint8Array): Buffer | Promise<Buffer>;
  /** Throws (or rejects) when the bytes were not sealed by this protector or were altered. */
  unprotect(sealed: Uint8Array): Buffer | Promise<Buffer>;
}

const SEAL_VERSION = 1;
const SEAL_AAD = utf8('soviec/keyfile/v1');
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;

/**
 * A random 32-byte key in its own file (mode 0600), used with AES-256-GCM.
 *
 * What it protects against, honestly: someone who copies the identity/data file alone (a
 * backup, a USB copy of the data folder without the key file, a file attached by mistake)
 * cannot read the private keys. It does NOT protect against anyone who can read both files,
 * i.e. the same OS user, an administrator, or malware running as that user; on Windows the
 * mode bits are ignored and the file relies on the profile folder's ACL. Prefer safeStorage
 * in the desktop app; keep the key file outside the data folder when possible.
 */
export class FileKeyProtector implements KeyProtector {
  readonly kind = 'file';
  private readonly key: Buffer;

  private constructor(key: Buffer) {
    this.key = key;
  }

  /**
   * Loads the key file, creating it if it does not exist. Creation writes a temporary file
   * (0600, fsync) and hard-links it into place, so a crash never leaves an empty key file
   * and two processes racing cannot both win.
   */
  static open(keyFilePath: string): FileKeyProtector {
    if (!existsSync(keyFilePath)) {
      const tmp = `${keyFilePath}.${randomBytes(6).toString('hex')}.tmp`;
      const key = randomBytes(KEY_BYTES);
      const fd = openSync(tmp, 'wx', 0o600);
      try {
        writeSync(fd, key);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      try {
        linkSync(tmp, keyFilePath);
        fsyncDir(dirname(keyFilePath));
        return new FileKeyProtector(key);
      } catch (e) {
        if (!isErrno(e, 'EEXIST')) throw e;
      } finally {
        rmSync(tmp, { force: true });
      }
    }
    const st = lstatSync(keyFilePath);
    if (!st.isFile()) throw bundleError('KEY_FILE_UNSAFE', { path: keyFilePath, reason: 'notAFile' });
    // Like ssh: a key file that others can read is not silently trusted.
    if (process.platform !== 'win32' && (st.mode & 0o077) !== 0) {
      throw bundleError('KEY_FILE_UNSAFE', { path: keyFilePath, reason: 'permissions' });
    }
    const key = readFileSync(keyFilePath);
    if (key.length !== KEY_BYTES) throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'keyFile' });
    return new FileKeyProtector(key);
  }

  protect(plain: Uint8Array): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(SEAL_AAD);
    const ct = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.from([SEAL_VERSION]), iv, cipher.getAuthTag(), ct]);
  }

  unprotect(sealed: Uint8Array): Buffer {
    const buf = asBuffer(sealed);
    if (buf.length < 1 + IV_BYTES + TAG_BYTES || buf[0] !== SEAL_VERSION) {
      throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'format' });
    }
    const iv = buf.subarray(1, 1 + IV_BYTES);
    const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.key, iv);
    decipher.setAAD(SEAL_AAD);
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'unseal', protector: this.kind });
    }
  }
}

/** The part of Electron's `safeStorage` we use, typed structurally so core stays Electron-free. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only; 'basic_text' means a hard-coded password, i.e. no real protection. */
  getSelectedStorageBackend?(): string;
}

/** True when safeStorage really protects secrets; otherwise use FileKeyProtector. */
export function safeStorageUsable(ss: SafeStorageLike): boolean {
  if (!ss.isEncryptionAvailable()) return false;
  const backend = ss.getSelectedStorageBackend?.();
  return backend === undefined || (backend !== 'basic_text' && backend !== 'unknown');
}

export function safeStorageKeyProtector(ss: SafeStorageLike): KeyProtector {
  return {
    kind: 'safeStorage',
    protect(plain) {
      if (!safeStorageUsable(ss)) throw new Error('safeStorage is not available');
      // Base64 keeps arbitrary bytes intact through the string API.
      return ss.encryptString(asBuffer(plain).toString('base64'));
    },
    unprotect(sealed) {
      try {
        return Buffer.from(ss.decryptString(asBuffer(sealed)), 'base64');
      } catch {
        throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'unseal', protector: 'safeStorage' });
      }
    },
  };
}

function isErrno(e: unknown, code: string): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}

/** Makes the new directory entry survive a power cut (POSIX; Windows cannot open folders). */
function fsyncDir(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
