import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../domain/errors';

export const LOCK_FILE = 'soviec.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One process owns a data folder. The lock file names the owner's pid and host; a lock left by
 * a process that no longer exists (crash, power cut) is taken over at once, so a restart after
 * a crash never waits. Written by hand rather than with proper-lockfile because that library
 * judges staleness by mtime and would refuse a restart for its stale period after a crash.
 */
export async function acquireFolderLock(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await fs.open(file, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.sync();
      await handle.close();
      return async () => {
        await fs.rm(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let holder: LockInfo | null = null;
    try {
      holder = JSON.parse(await fs.readFile(file, 'utf8')) as LockInfo;
    } catch {
      holder = null; // half-written lock of a crashed process
    }
    const sameHost = holder?.host === me.host;
    if (holder && holder.pid !== process.pid && sameHost && alive(holder.pid)) {
      throw new AppError('DATA_FOLDER_LOCKED', 'common:errors.DATA_FOLDER_LOCKED', {
        pid: holder.pid,
        since: holder.since,
      });
    }
    if (holder && !sameHost) {
      // A folder on a network share opened from another PC: never take it over silently.
      throw new AppError('DATA_FOLDER_LOCKED', 'common:errors.DATA_FOLDER_LOCKED_OTHER_PC', { host: holder.host });
    }
    if (holder?.pid === process.pid) {
      throw new AppError('DATA_FOLDER_LOCKED', 'common:errors.DATA_FOLDER_LOCKED', { pid: holder.pid, since: holder.since });
    }
    await fs.rm(file, { force: true });
  }
  throw new AppError('DATA_FOLDER_LOCKED', 'common:errors.DATA_FOLDER_LOCKED', { pid: 0, since: '' });
}
