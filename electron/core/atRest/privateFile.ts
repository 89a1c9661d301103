import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fsyncDir } from '../store/durableFile';

/**
 * Writes a key file readable by this OS account only (0600 in a 0700 folder), durably: a temp
 * file then a rename, or with `exclusive` a hard link that fails when the file exists (two
 * processes racing to create it: the first wins, neither is left half written).
 */
export async function writePrivateFile(file: string, text: string, opts: { exclusive?: boolean } = {}): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (opts.exclusive) {
      await fs.link(tmp, file).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
    } else {
      await fs.rename(tmp, file);
    }
  } finally {
    await fs.rm(tmp, { force: true });
  }
  await fsyncDir(path.dirname(file));
}
