import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain/errors';
import { DAMAGED_DIR } from './layout';
import { newestGoodCopy } from './backups';
import { writeFileDurable } from './durableFile';
import type { RecoveryNotice } from './recovery';

/**
 * The installation's state outside the document store: who this PC is (settings: installation
 * id, HLC node), whom it trusts (peers), its keys (identity, private keys sealed). They go into
 * every backup snapshot with the shards, and a damaged one is restored from the newest good
 * copy, never silently reset: a fresh installation id or an empty trust list would make every
 * peer see a stranger and throw away trust decisions made by phone.
 */
export const STATE_FILES = [
  'settings.json',
  path.join('sync', 'peers.json'),
  path.join('keys', 'identity.json'),
  // The data key, wrapped (core/atRest/dataKey.ts): without it no sealed shard opens.
  path.join('keys', 'datakey.json'),
] as const;

/** Notices of state files restored at open, per data folder, for the start-up banner. */
const restored = new Map<string, RecoveryNotice[]>();

/** Forget the notices of a previous open of this folder in this process (called at open). */
export function clearStateRecoveries(dataDir: string): void {
  restored.delete(path.resolve(dataDir));
}

export function stateRecoveries(dataDir: string): RecoveryNotice[] {
  return restored.get(path.resolve(dataDir)) ?? [];
}

/** The state files as they are on disk, for a snapshot: only those that still parse. */
export async function stateFilesForBackup(dataDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const rel of STATE_FILES) {
    try {
      const text = await fs.readFile(path.join(dataDir, rel), 'utf8');
      JSON.parse(text);
      out.set(rel, text);
    } catch {
      // missing (not set up yet) or damaged: the previous good copy stays in older snapshots
    }
  }
  return out;
}

/**
 * Reads a state file through `parse` (which throws on a damaged value). Missing: null. Damaged:
 * moved to damaged/, the newest backup copy that parses is put back and a notice recorded; when
 * no good copy exists the folder is refused with STATE_FILE_DAMAGED rather than started afresh.
 */
export async function readStateFile<T>(dataDir: string, rel: string, parse: (text: string) => T, now: Date): Promise<T | null> {
  const file = path.join(dataDir, rel);
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    return parse(text);
  } catch {
    // damaged: fall through to the backups
  }
  const movedTo = path.join(DAMAGED_DIR, now.toISOString().replace(/[:.]/g, '-'), rel);
  const good = await newestGoodCopy(dataDir, rel);
  let value: T | null = null;
  if (good) {
    try {
      value = parse(good.text);
    } catch {
      value = null;
    }
  }
  if (!good || value === null) {
    throw new AppError('STATE_FILE_DAMAGED', 'common:errors.STATE_FILE_DAMAGED', { file: rel, dataDir });
  }
  await fs.mkdir(path.dirname(path.join(dataDir, movedTo)), { recursive: true });
  await fs.rename(file, path.join(dataDir, movedTo));
  await writeFileDurable(file, good.text);
  const notices = restored.get(path.resolve(dataDir)) ?? [];
  notices.push({ file: rel, reason: 'damaged', restoredFrom: good.snapshot.name, restoredFromDate: good.snapshot.createdAt, movedTo, records: [] });
  restored.set(path.resolve(dataDir), notices);
  return value;
}
