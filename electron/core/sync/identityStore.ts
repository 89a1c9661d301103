import { AppError } from '../../domain/errors';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readStateFile } from '../store/stateFiles';
import {
  createIdentity,
  decryptPrivateKeys,
  encryptPrivateKeys,
  FileKeyProtector,
  type Identity,
  type KeyProtector,
} from '../bundles';
import { bundleError } from '../bundles/errors';
import { StoredIdentitySchema } from '../bundles/identity';
import { writeFileDurable } from '../store/durableFile';

/**
 * This installation's keys: <data>/keys/identity.json holds the public keys in clear and the
 * private keys sealed by a KeyProtector: Electron safeStorage (DPAPI, Keychain, libsecret)
 * when the desktop app passes one in, otherwise a random key file that only this OS account may
 * read (the harness and the CLI). That key file lives OUTSIDE the data folder (keyFilePath): the
 * data folder is what people copy to a USB stick as a backup, and a copy holding both the sealed
 * keys and the key that unseals them protects nothing. A key file found in the old place,
 * <data>/keys/device.key, is moved out once.
 */
export const KEYS_DIR = 'keys';
export const IDENTITY_FILE = 'identity.json';
export const DEVICE_KEY_FILE = 'device.key';

/** Where the CLI and harness keep key files, outside every data folder: SOVIEC_KEY_DIR or the user's config folder. */
export function keyDir(): string {
  return process.env.SOVIEC_KEY_DIR || path.join(process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'so-viec', 'keys');
}

/** An installation id as a file name. */
export function installationFileName(installationId: string): string {
  return installationId.replace(/[^0-9a-zA-Z-]/g, '_');
}

/** Where the CLI and harness keep an installation's key file. */
export function keyFilePath(installationId: string): string {
  return path.join(keyDir(), `${installationFileName(installationId)}.key`);
}

/** Moves <data>/keys/device.key to `target` once; a different key already there is left alone. */
async function migrateKeyFile(oldFile: string, target: string): Promise<void> {
  let old: Buffer;
  try {
    old = await fs.readFile(oldFile);
  } catch {
    return;
  }
  await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  const existing = await fs.readFile(target).catch(() => null);
  if (!existing) {
    await writeFileDurable(target, old);
    await fs.chmod(target, 0o600);
  } else if (!existing.equals(old)) {
    return; // two different keys: keep both, the identity says which one opens it
  }
  await fs.rm(oldFile, { force: true });
}

export interface IdentityStore {
  /** Loads, or creates on first use; memoised. */
  get(): Promise<Identity & { protector: string }>;
}

/** The installation id of a data folder, from its settings (for callers that do not hold them). */
async function installationOf(dataDir: string): Promise<string> {
  const raw = JSON.parse(await fs.readFile(path.join(dataDir, 'settings.json'), 'utf8')) as { installationId?: unknown };
  if (typeof raw.installationId !== 'string') throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'format' });
  return raw.installationId;
}

/** `readOnly`: the data folder cannot be written; an identity not made yet cannot be made now. */
export function createIdentityStore(dataDir: string, protector?: KeyProtector, installationId?: string, readOnly = false): IdentityStore {
  const dir = path.join(dataDir, KEYS_DIR);
  const file = path.join(dir, IDENTITY_FILE);
  const fileProtector = async (): Promise<KeyProtector> => {
    const keyFile = keyFilePath(installationId ?? (await installationOf(dataDir)));
    await migrateKeyFile(path.join(dir, DEVICE_KEY_FILE), keyFile);
    await fs.mkdir(path.dirname(keyFile), { recursive: true, mode: 0o700 });
    return FileKeyProtector.open(keyFile);
  };
  let loading: Promise<Identity & { protector: string }> | null = null;

  async function load(): Promise<Identity & { protector: string }> {
    if (!readOnly) await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    // A damaged identity is restored from the newest backup, or the folder is refused (stateFiles.ts).
    const stored = await readStateFile(
      dataDir,
      path.join(KEYS_DIR, IDENTITY_FILE),
      (text) => StoredIdentitySchema.parse(JSON.parse(text)),
      new Date(),
    );
    if (stored === null) {
      if (readOnly) throw new AppError('READ_ONLY', 'common:errors.READ_ONLY', { path: dataDir });
      const identity = createIdentity();
      const sealer = protector ?? (await fileProtector());
      await writeFileDurable(file, JSON.stringify(await encryptPrivateKeys(identity, sealer), null, 2));
      return { ...identity, protector: sealer.kind };
    }
    // Open with what sealed it: a data folder sealed by safeStorage cannot be read by the CLI.
    const kind = stored.protector;
    const opener = protector && protector.kind === kind ? protector : kind === 'file' ? await fileProtector() : null;
    if (!opener) throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'unseal', protector: kind });
    return { ...(await decryptPrivateKeys(stored, opener)), protector: kind };
  }

  return {
    get: () => {
      loading ??= load().catch((e: unknown) => {
        loading = null;
        throw e;
      });
      return loading;
    },
  };
}
