import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A temp file younger than this may belong to a write in flight (a racer for the lock): kept. */
const TMP_MIN_AGE_MS = 60_000;

/**
 * Removes temp files left by writes that never reached their rename (crash, power cut,
 * full disk) anywhere under the data folder: db/, sync/, keys/, backups/, the folder itself.
 * The file each was replacing is intact (writeFileDurable renames only complete files).
 * Called at open, with the folder lock held. Returns how many were removed.
 */
export async function removeStaleTempFiles(dataDir: string, now = Date.now()): Promise<number> {
  let removed = 0;
  async function walk(dir: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < 6) await walk(full, depth + 1);
      } else if (e.isFile() && e.name.endsWith('.tmp')) {
        const st = await fs.stat(full).catch(() => null);
        if (st && now - st.mtimeMs >= TMP_MIN_AGE_MS) {
          await fs.rm(full, { force: true }).catch(() => undefined);
          removed++;
        }
      }
    }
  }
  await walk(dataDir, 0);
  return removed;
}
