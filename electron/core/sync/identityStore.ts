import { promises as fs } from 'node:fs';
import path from 'node:path';
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
 * when the desktop app passes one in, otherwise a random key in <data>/keys/device.key that
 * only this OS account may read (the harness and the CLI).
 */
export const KEYS_DIR = 'keys';
export const IDENTITY_FILE = 'identity.json';
export const DEVICE_KEY_FILE = 'device.key';

export interface IdentityStore {
  /** Loads, or creates on first use; memoised. */
  get(): Promise<Identity & { protector: string }>;
}

export function createIdentityStore(dataDir: string, protector?: KeyProtector): IdentityStore {
  const dir = path.join(dataDir, KEYS_DIR);
  const file = path.join(dir, IDENTITY_FILE);
  const fileProtector = (): KeyProtector => FileKeyProtector.open(path.join(dir, DEVICE_KEY_FILE));
  let loading: Promise<Identity & { protector: string }> | null = null;

  async function load(): Promise<Identity & { protector: string }> {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    let text: string | null = null;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (text === null) {
      const identity = createIdentity();
      const sealer = protector ?? fileProtector();
      await writeFileDurable(file, JSON.stringify(await encryptPrivateKeys(identity, sealer), null, 2));
      return { ...identity, protector: sealer.kind };
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'format' });
    }
    const parsed = StoredIdentitySchema.safeParse(raw);
    if (!parsed.success) throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'format' });
    // Open with what sealed it: a data folder sealed by safeStorage cannot be read by the CLI.
    const kind = parsed.data.protector;
    const opener = protector && protector.kind === kind ? protector : kind === 'file' ? fileProtector() : null;
    if (!opener) throw bundleError('PRIVATE_KEYS_UNREADABLE', { reason: 'unseal', protector: kind });
    return { ...(await decryptPrivateKeys(parsed.data, opener)), protector: kind };
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
