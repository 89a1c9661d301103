import { describe, it, expect } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore } from '../../../electron/core';
import { LOCK_FILE } from '../../../electron/core/store/folderLock';

describe('one process owns a data folder', () => {
  it('refuses a second core on the same folder with DATA_FOLDER_LOCKED, then allows it after close', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-lock-'));
    const first = await openCore({ dataDir: dir });
    await expect(openCore({ dataDir: dir })).rejects.toMatchObject({ code: 'DATA_FOLDER_LOCKED' });
    await first.close();
    const second = await openCore({ dataDir: dir });
    await second.close();
  });

  it('takes over a lock left by a process that no longer exists', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-lock-'));
    writeFileSync(path.join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: '2026-01-01' }));
    const core = await openCore({ dataDir: dir });
    await core.close();
  });
});
