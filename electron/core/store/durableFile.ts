import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Error codes Windows raises while an antivirus or indexer holds a file we are renaming over. */
const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES']);

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  let delay = 20;
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code ?? '';
      if (!RETRYABLE_RENAME.has(code) || attempt >= 10) throw e;
      await sleep(delay);
      delay = Math.min(delay * 2, 500);
    }
  }
}

/** fsync a folder so a rename inside it survives a power cut. Windows cannot open folders: skip. */
export async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Write a file so that after a crash or power cut it holds either the old or the new bytes,
 * never a mix: temp file, fsync, rename over the target, fsync the folder. Only after all of
 * that does the promise resolve, so "saved" means durable.
 */
export async function writeFileDurable(file: string, bytes: Uint8Array | string): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'w');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await renameWithRetry(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await fsyncDir(dir);
}

/** Remove a file durably (the removal itself survives a power cut). */
export async function removeDurable(file: string): Promise<void> {
  await fs.rm(file, { force: true });
  await fsyncDir(path.dirname(file));
}
