import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { DataCipher, DATA_KEY_BYTES, isSealed, SealBrokenError } from '../store/sealedFile';
import { readStateFile } from '../store/stateFiles';
import { writeFileDurable } from '../store/durableFile';
import { DB_DIR } from '../store/layout';
import type { KeyProtector } from '../bundles';
import { installationFileName, keyDir } from '../sync/identityStore';
import { passphraseKey } from './passphrase';
import { writePrivateFile } from './privateFile';
import { newRecoveryCode, normaliseRecoveryCode, recoveryWrapKey } from './recoveryCode';

/**
 * The folder's data key (32 random bytes, AES-256-GCM: store/sealedFile.ts) and the ways to
 * unlock it. `keys/datakey.json` in the data folder holds no key in clear:
 * - `recovery`: the data key wrapped under the recovery code (shown once at setup): opens the
 *   folder on any PC, then the key is sealed again for that PC;
 * - `machine`: in the desktop app, the data key sealed by the OS (Electron safeStorage: DPAPI for
 *   this Windows user), like the private keys in identity.json;
 * - in the CLI and the harness the key is in `<SOVIEC_KEY_DIR>/<installation>.datakey.json`,
 *   OUTSIDE the data folder, sealed under the passphrase (passphrase.ts).
 * The file is a state file: backed up with every snapshot and restored when damaged.
 */
export const DATA_KEY_FILE = path.join('keys', 'datakey.json');

const b64 = z.string().min(16).max(512);
const FolderKeySchema = z.object({
  format: z.literal(1),
  keyId: z.string().regex(/^[0-9a-f]{32}$/),
  createdAt: z.string(),
  recovery: z.object({ kdf: z.literal('hkdf-sha256'), salt: b64, sealed: b64 }),
  /** False until the person confirmed they wrote the code down: until then a new one is made at each open. */
  recoveryShown: z.boolean(),
  /** Plain files written before encryption have all been sealed (migrate.ts). */
  migrated: z.boolean(),
  machine: z.object({ protector: z.string().min(1).max(32), sealed: b64 }).optional(),
});
export type FolderKey = z.infer<typeof FolderKeySchema>;

const PcKeySchema = z.object({ format: z.literal(1), keyId: z.string().regex(/^[0-9a-f]{32}$/), sealed: b64 });

export interface DataKeySources {
  dataDir: string;
  installationId: string;
  /** The OS key store (desktop app); absent in the CLI and the harness. */
  protector?: KeyProtector | undefined;
  /** CLI/harness: the passphrase (SOVIEC_PASSPHRASE or a prompt). */
  passphrase?: string | undefined;
  /** Opens the folder with the recovery code and seals its key for this PC. */
  recoveryCode?: string | undefined;
  /** The folder cannot be written: nothing is made, re-sealed or renewed, plain files are read as they are. */
  readOnly?: boolean;
  now: Date;
}

export interface OpenedDataKey {
  cipher: DataCipher;
  folder: FolderKey;
  /** The recovery code to show (a new folder, or one whose code was never confirmed). */
  pendingCode: string | null;
  /** The person wrote the code down: it is never shown again. */
  confirmShown(): Promise<void>;
  /** Every plain file of the folder is sealed now (migrate.ts). */
  markMigrated(): Promise<void>;
}

const pcKeyFile = (installationId: string): string => path.join(keyDir(), `${installationFileName(installationId)}.datakey.json`);
const recoveryPlace = (keyId: string): string => `keys/datakey#recovery:${keyId}`;
const machinePlace = (keyId: string): string => `keys/datakey#passphrase:${keyId}`;

function wrapForRecovery(key: Buffer, keyId: string): { code: string; recovery: FolderKey['recovery'] } {
  const code = newRecoveryCode();
  const salt = randomBytes(16);
  const wrap = new DataCipher(recoveryWrapKey(normaliseRecoveryCode(code) as string, salt));
  return { code, recovery: { kdf: 'hkdf-sha256', salt: salt.toString('base64'), sealed: wrap.seal(recoveryPlace(keyId), key).toString('base64') } };
}

function unwrapRecovery(folder: FolderKey, typed: string): Buffer {
  const canonical = normaliseRecoveryCode(typed);
  if (canonical === null) throw new AppError('DATA_KEY_WRONG', 'common:errors.DATA_KEY_WRONG_RECOVERY');
  const wrap = new DataCipher(recoveryWrapKey(canonical, Buffer.from(folder.recovery.salt, 'base64')));
  try {
    return wrap.open(recoveryPlace(folder.keyId), Buffer.from(folder.recovery.sealed, 'base64'));
  } catch (e) {
    if (e instanceof SealBrokenError) throw new AppError('DATA_KEY_WRONG', 'common:errors.DATA_KEY_WRONG_RECOVERY');
    throw e;
  }
}

/** Seals the data key for this PC: in `folder.machine` (OS key store) or the passphrase key file. */
async function sealForThisPc(src: DataKeySources, key: Buffer, folder: FolderKey): Promise<FolderKey> {
  if (src.protector) {
    return { ...folder, machine: { protector: src.protector.kind, sealed: Buffer.from(await src.protector.protect(key)).toString('base64') } };
  }
  const wrap = await passphraseKey(keyDir(), requirePassphrase(src));
  const pc = { format: 1 as const, keyId: folder.keyId, sealed: wrap.seal(machinePlace(folder.keyId), key).toString('base64') };
  await writePrivateFile(pcKeyFile(src.installationId), JSON.stringify(pc, null, 1));
  return folder;
}

function requirePassphrase(src: DataKeySources): string {
  if (!src.passphrase) throw new AppError('DATA_KEY_MISSING', 'common:errors.DATA_KEY_NO_PASSPHRASE');
  return src.passphrase;
}

async function unsealOnThisPc(src: DataKeySources, folder: FolderKey): Promise<Buffer> {
  if (src.protector) {
    if (!folder.machine || folder.machine.protector !== src.protector.kind) {
      throw new AppError('DATA_KEY_MISSING', 'common:errors.DATA_KEY_MISSING', { dataDir: src.dataDir });
    }
    try {
      return await src.protector.unprotect(Buffer.from(folder.machine.sealed, 'base64'));
    } catch {
      // Another PC or another Windows user sealed it: only the recovery code opens it here.
      throw new AppError('DATA_KEY_WRONG', 'common:errors.DATA_KEY_WRONG_MACHINE', { dataDir: src.dataDir });
    }
  }
  const text = await fs.readFile(pcKeyFile(src.installationId), 'utf8').catch(() => null);
  const pc = text === null ? null : PcKeySchema.safeParse(safeJson(text));
  if (!pc?.success || pc.data.keyId !== folder.keyId) {
    throw new AppError('DATA_KEY_MISSING', 'common:errors.DATA_KEY_MISSING', { dataDir: src.dataDir });
  }
  const wrap = await passphraseKey(keyDir(), requirePassphrase(src));
  try {
    return wrap.open(machinePlace(folder.keyId), Buffer.from(pc.data.sealed, 'base64'));
  } catch (e) {
    if (e instanceof SealBrokenError) throw new AppError('DATA_KEY_WRONG', 'common:errors.DATA_KEY_WRONG', { dir: keyDir() });
    throw e;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Whether any file under db/ is sealed: a folder whose key file is gone must not get a new key. */
async function hasSealedFiles(dir: string): Promise<boolean> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (await hasSealedFiles(p)) return true;
    } else if (e.isFile()) {
      const h = await fs.open(p, 'r');
      try {
        const head = Buffer.alloc(4);
        const { bytesRead } = await h.read(head, 0, 4, 0);
        if (isSealed(head.subarray(0, bytesRead))) return true;
      } finally {
        await h.close();
      }
    }
  }
  return false;
}

/**
 * The data key of a folder, made at its first open with this version (a new folder, or one
 * written before encryption: then `folder.migrated` is false and migrate.ts seals its files).
 */
export async function openDataKey(src: DataKeySources): Promise<OpenedDataKey> {
  const fileOf = path.join(src.dataDir, DATA_KEY_FILE);
  const parse = (text: string): FolderKey => FolderKeySchema.parse(JSON.parse(text));
  const found = await readStateFile(src.dataDir, DATA_KEY_FILE, parse, src.now);
  let folder: FolderKey;
  let key: Buffer;
  let pendingCode: string | null = null;
  const save = async (f: FolderKey): Promise<void> => {
    await fs.mkdir(path.dirname(fileOf), { recursive: true, mode: 0o700 });
    await writeFileDurable(fileOf, JSON.stringify(f, null, 1));
    folder = f;
  };
  if (found === null && src.readOnly) {
    // A folder of the previous version on a read-only medium: read as it is, nothing sealed.
    const cipher = new DataCipher(randomBytes(DATA_KEY_BYTES), { acceptPlain: true });
    return { cipher, folder: { format: 1, keyId: '0'.repeat(32), createdAt: src.now.toISOString(), recovery: { kdf: 'hkdf-sha256', salt: '', sealed: '' }, recoveryShown: true, migrated: true }, pendingCode: null, confirmShown: async () => undefined, markMigrated: async () => undefined };
  }
  if (found === null) {
    if (await hasSealedFiles(path.join(src.dataDir, DB_DIR))) {
      throw new AppError('DATA_KEY_MISSING', 'common:errors.DATA_KEY_FILE_GONE', { dataDir: src.dataDir });
    }
    key = randomBytes(DATA_KEY_BYTES);
    const keyId = randomBytes(16).toString('hex');
    const { code, recovery } = wrapForRecovery(key, keyId);
    const fresh: FolderKey = { format: 1, keyId, createdAt: src.now.toISOString(), recovery, recoveryShown: false, migrated: false };
    // Sealed for this PC before the folder names the key: a crash in between leaves no folder
    // key, and the next open makes a new one (nothing was sealed with this one yet).
    folder = await sealForThisPc(src, key, fresh);
    await save(folder);
    pendingCode = code;
  } else if (src.recoveryCode !== undefined) {
    key = unwrapRecovery(found, src.recoveryCode);
    folder = src.readOnly ? found : await sealForThisPc(src, key, found);
    if (!src.readOnly) await save(folder);
  } else {
    folder = found;
    key = await unsealOnThisPc(src, found);
  }
  if (pendingCode === null && !folder.recoveryShown && !src.readOnly) {
    // Never confirmed as written down (the app closed first): a new code replaces the old one.
    const { code, recovery } = wrapForRecovery(key, folder.keyId);
    await save({ ...folder, recovery });
    pendingCode = code;
  }
  const cipher = new DataCipher(key, { acceptPlain: !folder.migrated });
  return {
    cipher,
    get folder() {
      return folder;
    },
    get pendingCode() {
      return pendingCode;
    },
    async confirmShown() {
      if (pendingCode === null) return;
      await save({ ...folder, recoveryShown: true });
      pendingCode = null;
    },
    async markMigrated() {
      await save({ ...folder, migrated: true });
      cipher.acceptPlain = false;
    },
  };
}
