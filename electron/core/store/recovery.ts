import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DAMAGED_DIR } from './layout';
import { newestGoodCopy } from './backups';
import { parseShard, serialiseShard, type ShardData } from './shardFile';
import { writeFileDurable } from './durableFile';

/** What the user is told when a damaged file was found at start. */
export interface RecoveryNotice {
  file: string;
  reason: string;
  /** Snapshot the file was restored from, or null when no good copy existed. */
  restoredFrom: string | null;
  restoredFromDate: string | null;
  /** Where the damaged file was moved, kept for inspection. */
  movedTo: string;
}

/**
 * A damaged shard file: move it aside (never overwrite it), put back the newest backup copy
 * whose bytes still match their recorded hash, and say what happened. Without a good copy the
 * shard starts empty and the notice says so.
 */
export async function restoreDamagedShard(
  dataDir: string,
  rel: string,
  reason: string,
  now: Date,
): Promise<{ data: ShardData; text: string | null; notice: RecoveryNotice }> {
  const file = path.join(dataDir, rel);
  const movedTo = path.join(DAMAGED_DIR, now.toISOString().replace(/[:.]/g, '-'), rel);
  await fs.mkdir(path.dirname(path.join(dataDir, movedTo)), { recursive: true });
  await fs.rename(file, path.join(dataDir, movedTo));
  const good = await newestGoodCopy(dataDir, rel);
  const notice: RecoveryNotice = {
    file: rel,
    reason,
    restoredFrom: good?.snapshot.name ?? null,
    restoredFromDate: good?.snapshot.createdAt ?? null,
    movedTo,
  };
  if (!good) return { data: { format: 1, docs: [] }, text: null, notice };
  const data = parseShard(file, good.text);
  await writeFileDurable(file, serialiseShard(data));
  return { data, text: good.text, notice };
}
