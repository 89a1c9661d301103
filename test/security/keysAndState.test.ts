import { describe, it, expect } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../electron/core';
import { createIdentityStore, keyFilePath } from '../../electron/core/sync/identityStore';
import { createIdentity, encryptPrivateKeys, FileKeyProtector } from '../../electron/core/bundles';
import { createPeerStore } from '../../electron/core/sync/peers';

/**
 * Class 8 of issue 10: the CLI/harness key that unseals the private keys sat inside the data
 * folder people copy as a backup; settings, trusted peers and identity were not backed up and
 * a damaged one was silently replaced (a new installation id, every trusted key gone).
 */

async function setUpFolder(): Promise<{ dir: string; installationId: string }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-state-'));
  const core = await openCore({ dataDir: dir });
  await core.service['app.setup']({ profileId: 'lang-son-2022', role: 'office', officeCode: 'VANQUAN', officerName: 'Hoàng Thị Lan' });
  await createIdentityStore(dir).get();
  await createPeerStore(dir).update(() => undefined);
  await core.context.store.snapshotNow();
  const installationId = core.context.settings().installationId;
  await core.close();
  return { dir, installationId };
}

describe('keys and installation state (issue 10, class 8)', () => {
  it('the key that unseals the private keys is not in the data folder', async () => {
    const { dir, installationId } = await setUpFolder();
    expect(existsSync(path.join(dir, 'keys', 'device.key'))).toBe(false);
    expect(existsSync(keyFilePath(installationId))).toBe(true);
    expect(keyFilePath(installationId).startsWith(dir)).toBe(false);
  });

  it('a key file in the old place inside the data folder is moved out once and still opens the keys', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-state-'));
    const core = await openCore({ dataDir: dir });
    const installationId = core.context.settings().installationId;
    await core.close();
    mkdirSync(path.join(dir, 'keys'), { recursive: true });
    const old = FileKeyProtector.open(path.join(dir, 'keys', 'device.key'));
    const identity = createIdentity();
    writeFileSync(path.join(dir, 'keys', 'identity.json'), JSON.stringify(await encryptPrivateKeys(identity, old)));
    const opened = await createIdentityStore(dir, undefined, installationId).get();
    expect(opened.signingPublicKey).toEqual(identity.signingPublicKey);
    expect(existsSync(path.join(dir, 'keys', 'device.key'))).toBe(false);
    expect(existsSync(keyFilePath(installationId))).toBe(true);
  });

  it('damaged settings are restored from the backup: same installation, and the banner says so', async () => {
    const { dir, installationId } = await setUpFolder();
    writeFileSync(path.join(dir, 'settings.json'), '{"format":1,"installationId":');
    const core = await openCore({ dataDir: dir });
    try {
      expect(core.context.settings().installationId).toBe(installationId);
      expect(core.context.settings().session?.officerName).toBe('Hoàng Thị Lan');
      const state = await core.service['app.state']({});
      expect(state.recoveries.map((r) => r.file)).toContain('settings.json');
    } finally {
      await core.close();
    }
  });

  it('damaged trusted peers and identity are restored from the backup, not started afresh', async () => {
    const { dir } = await setUpFolder();
    const identityBefore = readFileSync(path.join(dir, 'keys', 'identity.json'), 'utf8');
    const peersBefore = readFileSync(path.join(dir, 'sync', 'peers.json'), 'utf8');
    writeFileSync(path.join(dir, 'keys', 'identity.json'), identityBefore.slice(0, 40));
    writeFileSync(path.join(dir, 'sync', 'peers.json'), '\u0000\u0000');
    const core = await openCore({ dataDir: dir });
    try {
      await createIdentityStore(dir).get();
      await createPeerStore(dir).read();
      expect(readFileSync(path.join(dir, 'keys', 'identity.json'), 'utf8')).toBe(identityBefore);
      expect(readFileSync(path.join(dir, 'sync', 'peers.json'), 'utf8')).toBe(peersBefore);
    } finally {
      await core.close();
    }
  });

  it('damaged settings with no good backup: the folder is refused with a sentence, never reset', async () => {
    const { dir } = await setUpFolder();
    rmSync(path.join(dir, 'backups'), { recursive: true, force: true });
    writeFileSync(path.join(dir, 'settings.json'), 'garbage');
    await expect(openCore({ dataDir: dir })).rejects.toMatchObject({ code: 'STATE_FILE_DAMAGED' });
    expect(readFileSync(path.join(dir, 'settings.json'), 'utf8')).toBe('garbage');
  });
});
