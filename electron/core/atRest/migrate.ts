import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BACKUP_DIR, DAMAGED_DIR, DB_DIR } from '../store/layout';
import { writeFileDurable } from '../store/durableFile';
import { isSealed, type DataCipher } from '../store/sealedFile';
import { WAL_FILE, WriteAheadLog } from '../store/wal';

/**
 * A folder written before encryption, sealed in place at its first open with a data key:
 * every plain file under `db/` (shards, summary rows, journal, log), then every copy of them
 * in `backups/<snapshot>/db/` and `damaged/<time>/db/`. Old backups are RE-WRITTEN sealed, not
 * removed: they are the only way back to an earlier state, and removing them would turn the
 * migration into a loss. Each file is replaced atomically (temp file, rename), so a crash part
 * way leaves every file either plain or sealed, and the next open finishes the job (sealed
 * files are skipped). Snapshot copies shared by hard links stay shared.
 * Runs before the store opens, with the folder lock held.
 */
export interface MigrationReport {
  live: number;
  backups: number;
  damaged: number;
}

async function filesUnder(dir: string): Promise<string[]> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await filesUnder(p)));
    else if (e.isFile() && !(e.name.startsWith('.') && e.name.endsWith('.tmp'))) out.push(p);
  }
  return out;
}

/** Seals the plain store files under `root` (a data folder, or a snapshot / damaged copy of one). */
async function sealTree(root: string, cipher: DataCipher, links: Map<string, string>): Promise<number> {
  let count = 0;
  for (const file of await filesUnder(path.join(root, DB_DIR))) {
    const rel = path.relative(root, file);
    const st = await fs.stat(file);
    const bytes = await fs.readFile(file);
    if (isSealed(bytes)) continue;
    const sharedKey = `${st.dev}:${st.ino}:${rel}`;
    // (Looked up whatever nlink says now: sealing the first name already dropped one link.)
    const sealedTwin = links.get(sharedKey);
    if (sealedTwin) {
      // Another name of the same copy was sealed already: point this one at it too.
      const tmp = `${file}.link.tmp`;
      await fs.rm(tmp, { force: true });
      await fs.link(sealedTwin, tmp);
      await fs.rename(tmp, file);
    } else {
      const sealed = rel === path.join(DB_DIR, WAL_FILE) ? WriteAheadLog.sealText(bytes.toString('utf8'), cipher) : cipher.seal(rel, bytes);
      await writeFileDurable(file, sealed);
      if (st.nlink > 1) links.set(sharedKey, file);
    }
    count++;
  }
  return count;
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    return (await fs.readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name));
  } catch {
    return [];
  }
}

export async function sealPlainFiles(dataDir: string, cipher: DataCipher): Promise<MigrationReport> {
  const links = new Map<string, string>();
  const report: MigrationReport = { live: await sealTree(dataDir, cipher, links), backups: 0, damaged: 0 };
  for (const snap of await subfolders(path.join(dataDir, BACKUP_DIR))) report.backups += await sealTree(snap, cipher, links);
  for (const stamp of await subfolders(path.join(dataDir, DAMAGED_DIR))) report.damaged += await sealTree(stamp, cipher, links);
  return report;
}
