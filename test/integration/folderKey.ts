import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDataKey } from '../../electron/core/atRest/dataKey';
import type { DataCipher } from '../../electron/core/store/sealedFile';

/**
 * The data key of a closed test folder, unlocked the way the CLI does (passphrase from the
 * test environment): for tests that read or alter a sealed store file as an attacker or a
 * damaged disk would.
 */
export async function folderCipher(dataDir: string): Promise<DataCipher> {
  const settings = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as { installationId: string };
  const key = await openDataKey({ dataDir, installationId: settings.installationId, passphrase: process.env.SOVIEC_PASSPHRASE, now: new Date() });
  return key.cipher;
}
