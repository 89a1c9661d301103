import path from 'node:path';
import type { Doc } from '../../domain/document';
import { BULK_FILE, clearBulk, readBulk } from './bulkWrite';
import { groupByShard } from './journal';
import { DB_DIR } from './layout';
import { unreadableLogNotice, type RecoveryNotice } from './recovery';
import type { DataCipher } from './sealedFile';
import type { ShardCache } from './shardCache';

/**
 * A committed bulk write (bulkWrite.ts) put where it belongs: its versions into their shard
 * files, then its log removed. Either right after the commit (`landBulk`) or, when the session
 * ended before that, at the next open (`replayBulk`).
 */

/** The committed versions into their shard files (each written once), then the log removed. */
export async function landBulk(dataDir: string, shards: ShardCache, docs: readonly Doc[]): Promise<void> {
  for (const [rel, list] of groupByShard(docs)) await shards.write(rel, list);
  await clearBulk(dataDir);
}

/**
 * The committed log put into the shards, batch by batch as it is read (each version also handed
 * to `put`, for the store's index), then the log removed. Read-only: applied in memory, the log
 * kept. Returns the newest stamp in it, and a notice when lines of it did not open.
 */
export async function replayBulk(
  dataDir: string,
  cipher: DataCipher | null,
  shards: ShardCache,
  readOnly: boolean,
  put: (d: Doc) => void,
): Promise<{ newest: string; damage: RecoveryNotice | null }> {
  const damaged = { count: 0 };
  const touched = new Set<string>();
  let newest = '';
  for await (const batch of readBulk(dataDir, cipher, damaged)) {
    for (const [rel, list] of groupByShard(batch)) {
      await shards.get(rel);
      shards.apply(rel, list);
      touched.add(rel);
    }
    for (const d of batch) {
      put(d);
      if (d.hlc > newest) newest = d.hlc;
    }
  }
  const damage = damaged.count > 0 ? unreadableLogNotice(path.join(DB_DIR, BULK_FILE), damaged.count) : null;
  if (readOnly) return { newest, damage };
  for (const rel of touched) await shards.rewrite(rel);
  await clearBulk(dataDir);
  return { newest, damage };
}
