import { mkdtempSync, readFileSync, rmSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  createIdentity,
  decryptPrivateKeys,
  encryptPrivateKeys,
  fingerprint,
  publicKeysOf,
} from '../../../electron/core/bundles/identity';
import { FileKeyProtector, safeStorageKeyProtector, safeStorageUsable, type SafeStorageLike } from '../../../electron/core/bundles/keyProtector';
import { codeOf } from './fixtures';

/** The code of the AppError a promise rejects with ('OK' when it resolves). */
async function codeOfAsync(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'OK';
  } catch (e) {
    return codeOf(() => {
      throw e;
    });
  }
}

const dir = mkdtempSync(join(tmpdir(), 'soviec-identity-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('identity', () => {
  it('creates Ed25519 + X25519 keys with raw 32-byte public keys', () => {
    const id = createIdentity();
    expect(Buffer.from(id.signingPublicKey, 'base64')).toHaveLength(32);
    expect(Buffer.from(id.agreementPublicKey, 'base64')).toHaveLength(32);
    expect(publicKeysOf(id)).toEqual({ signingPublicKey: id.signingPublicKey, agreementPublicKey: id.agreementPublicKey });
    expect(createIdentity().signingPublicKey).not.toBe(id.signingPublicKey);
  });

  it('shows a fingerprint of 8 groups of 5 digits that covers both keys', () => {
    const id = createIdentity();
    const other = createIdentity();
    expect(id.fingerprint).toMatch(/^\d{5}( \d{5}){7}$/);
    expect(fingerprint(id)).toBe(id.fingerprint);
    expect(fingerprint({ ...id, agreementPublicKey: other.agreementPublicKey })).not.toBe(id.fingerprint);
    expect(fingerprint({ ...id, signingPublicKey: other.signingPublicKey })).not.toBe(id.fingerprint);
    // Pinned vector (checked independently with Python's hashlib): the fingerprint is part
    // of the protocol and must not drift.
    const zeros = Buffer.alloc(32).toString('base64');
    const ones = Buffer.alloc(32, 1).toString('base64');
    expect(fingerprint({ signingPublicKey: zeros, agreementPublicKey: ones })).toBe('42393 55752 09731 13949 43241 98031 59111 31206');
  });
});

describe('private keys at rest', () => {
  it('round-trips through a 0600 key file and keeps the keys out of the stored JSON', async () => {
    const id = createIdentity();
    const keyFile = join(dir, 'a.key');
    const stored = await encryptPrivateKeys(id, FileKeyProtector.open(keyFile));
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile)).toHaveLength(32);
    const text = JSON.stringify(stored);
    expect(text).not.toContain(id.signingPrivateKey);
    expect(text).not.toContain(id.agreementPrivateKey);
    expect(stored.fingerprint).toBe(id.fingerprint);
    // Re-opening loads the same key file.
    const back = await decryptPrivateKeys(JSON.parse(text), FileKeyProtector.open(keyFile));
    expect(back).toEqual(id);
  });

  it('cannot be unlocked with another key file, or after tampering', async () => {
    const id = createIdentity();
    const stored = await encryptPrivateKeys(id, FileKeyProtector.open(join(dir, 'b.key')));
    expect(await codeOfAsync(decryptPrivateKeys(stored, FileKeyProtector.open(join(dir, 'c.key'))))).toBe('PRIVATE_KEYS_UNREADABLE');
    const sealed = Buffer.from(stored.sealedPrivateKeys, 'base64');
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] ?? 0) ^ 1;
    const tampered = { ...stored, sealedPrivateKeys: sealed.toString('base64') };
    expect(await codeOfAsync(decryptPrivateKeys(tampered, FileKeyProtector.open(join(dir, 'b.key'))))).toBe('PRIVATE_KEYS_UNREADABLE');
    expect(await codeOfAsync(decryptPrivateKeys({ v: 2 }, FileKeyProtector.open(join(dir, 'b.key'))))).toBe('PRIVATE_KEYS_UNREADABLE');
  });

  it('refuses private keys that do not belong to the stored public keys', async () => {
    const id = createIdentity();
    const protector = FileKeyProtector.open(join(dir, 'd.key'));
    const stored = await encryptPrivateKeys(id, protector);
    const other = createIdentity();
    const swapped = { ...stored, signingPublicKey: other.signingPublicKey };
    expect(await codeOfAsync(decryptPrivateKeys(swapped, protector))).toBe('PRIVATE_KEYS_UNREADABLE');
  });

  it.skipIf(process.platform === 'win32')('refuses a key file others can read', () => {
    const keyFile = join(dir, 'e.key');
    FileKeyProtector.open(keyFile);
    chmodSync(keyFile, 0o644);
    expect(codeOf(() => FileKeyProtector.open(keyFile))).toBe('KEY_FILE_UNSAFE');
  });

  it('refuses a key file of the wrong size', () => {
    const keyFile = join(dir, 'f.key');
    writeFileSync(keyFile, Buffer.alloc(7), { mode: 0o600 });
    expect(codeOf(() => FileKeyProtector.open(keyFile))).toBe('PRIVATE_KEYS_UNREADABLE');
  });

  it('works with an Electron safeStorage-like object, and refuses the Linux plain-text backend', async () => {
    const fake = (backend?: string): SafeStorageLike => ({
      isEncryptionAvailable: () => true,
      encryptString: (s) => Buffer.from(`enc:${s}`),
      decryptString: (b) => {
        const s = b.toString();
        if (!s.startsWith('enc:')) throw new Error('bad');
        return s.slice(4);
      },
      ...(backend ? { getSelectedStorageBackend: () => backend } : {}),
    });
    const id = createIdentity();
    const protector = safeStorageKeyProtector(fake());
    const stored = await encryptPrivateKeys(id, protector);
    expect(stored.protector).toBe('safeStorage');
    expect(await decryptPrivateKeys(stored, protector)).toEqual(id);
    expect(safeStorageUsable(fake('gnome_libsecret'))).toBe(true);
    expect(safeStorageUsable(fake('basic_text'))).toBe(false);
    await expect(encryptPrivateKeys(id, safeStorageKeyProtector(fake('basic_text')))).rejects.toThrow();
  });
});
