import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/errors';

export const LOCK_FILE = 'soviec.lock';

interface LockInfo {
  pid: number;
  host: string;
  since: string;
  /** Unique per acquisition: tells one lock file from the next one at the same path. */
  nonce?: string;
}

/** A lock file as read: what it says, and an identity that no later lock file can share. */
interface Seen {
  info: LockInfo | null;
  identity: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? '';
}

/**
 * Creates `file` holding `text`, or fails with EEXIST, atomically: the bytes are written to a
 * private temp file and hard-linked into place, so nobody ever sees a lock file half written
 * (the old `open('wx')` then write let a racer read an empty lock, judge it stale and delete it).
 */
async function createExclusive(file: string, text: string): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(tmp, text, { flag: 'wx' });
  try {
    await fs.link(tmp, file);
    return true;
  } catch (e) {
    if (code(e) === 'EEXIST') return false;
    if (code(e) === 'EPERM' || code(e) === 'ENOTSUP' || code(e) === 'EXDEV') {
      // A file system without hard links (some network shares, FAT): exclusive create, then write.
      return createByOpen(file, text);
    }
    throw e;
  } finally {
    await fs.rm(tmp, { force: true });
  }
}

async function createByOpen(file: string, text: string): Promise<boolean> {
  let handle;
  try {
    handle = await fs.open(file, 'wx');
  } catch (e) {
    if (code(e) === 'EEXIST') return false;
    throw e;
  }
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return true;
}

async function readLock(file: string): Promise<Seen | null> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch (e) {
    if (code(e) === 'ENOENT') return null;
    throw e;
  }
  let info: LockInfo | null = null;
  try {
    const v = JSON.parse(bytes.toString('utf8')) as Partial<LockInfo>;
    if (typeof v.pid === 'number' && typeof v.host === 'string') info = { since: '', ...v } as LockInfo;
  } catch {
    info = null; // damaged by hand or by a disk error: its owner cannot be known
  }
  const identity = info?.nonce ?? `sha-${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
  return { info, identity };
}

/** Whether a lock was left by a process that no longer exists on this PC (or cannot be read). */
function isStale(seen: Seen): boolean {
  if (!seen.info) return true;
  return seen.info.host === os.hostname() && seen.info.pid !== process.pid && !alive(seen.info.pid);
}

/**
 * Removes `file` if it still is the stale file `seen`, and reports whether it did. Only the
 * process that exclusively creates the claim `<file>.takeover.<identity>` may remove the file
 * with that identity, and it checks after claiming that the file is still that one: a file's
 * identity is never reused, and nobody else may remove it, so between that check and the
 * removal it cannot change. A claim left by a taker that died is itself removed the same way
 * (one level deeper), so a crash during a takeover never blocks the folder for good.
 */
async function removeIfStill(file: string, seen: Seen, depth = 0): Promise<boolean> {
  const claim = `${file}.takeover.${seen.identity}`;
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), nonce: randomBytes(12).toString('hex') };
  if (!(await createExclusive(claim, JSON.stringify(mine)))) {
    if (depth >= 3) return false;
    const other = await readLock(claim);
    if (other && isStale(other)) await removeIfStill(claim, other, depth + 1);
    return false; // someone else is taking it over, or was: read the lock again
  }
  try {
    const now = await readLock(file);
    if (!now || now.identity !== seen.identity) return false;
    await fs.rm(file, { force: true });
    return true;
  } finally {
    // Safe to drop: the file it guarded is gone or changed identity, and identities are unique.
    await fs.rm(claim, { force: true });
  }
}

/**
 * One process owns a data folder. The lock file names the owner's pid, host and a nonce; it is
 * created atomically (complete or absent). A lock left by a process that no longer exists
 * (crash, power cut) is taken over at once, so a restart after a crash never waits, and the
 * takeover is itself exclusive (removeIfStill), so racers never end up with two holders.
 * Written by hand rather than with proper-lockfile because that library judges staleness by
 * mtime and would refuse a restart for its stale period after a crash.
 */
export async function acquireFolderLock(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, LOCK_FILE);
  const me: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString(), nonce: randomBytes(12).toString('hex') };
  for (let attempt = 0; attempt < 20; attempt++) {
    if (await createExclusive(file, JSON.stringify(me))) {
      return async () => {
        // Remove only our own lock (never one a later owner made after a takeover).
        const seen = await readLock(file).catch(() => null);
        if (seen?.identity === me.nonce) await fs.rm(file, { force: true });
      };
    }
    const seen = await readLock(file);
    if (!seen) continue; // released meanwhile: try again
    const holder = seen.info;
    if (holder && holder.host !== me.host) {
      // A folder on a network share opened from another PC: never take it over silently.
      throw new AppError('DATA_FOLDER_LOCKED', 'common:errors.DATA_FOLDER_LOCKED_OTHER_PC', { host: holder.host });
    }
    if (holder && !isStale(seen)) {
      throw new AppError('DATA_FOLDER_LOCKED', 'common:errors.DATA_FOLDER_LOCKED', { pid: holder.pid, since: holder.since });
    }
    await removeIfStill(file, seen);
  }
  throw new AppError('DATA_FOLDER_LOCKED', 'common:errors.DATA_FOLDER_LOCKED', { pid: 0, since: '' });
}
