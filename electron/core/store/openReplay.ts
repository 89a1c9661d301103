import path from 'node:path';
import type { Doc } from '../../domain/document';
import { replayBulk } from './bulkLanding';
import { replayJournal } from './journal';
import { DB_DIR } from './layout';
import { unreadableLogNotice, type RecoveryNotice } from './recovery';
import type { DataCipher } from './sealedFile';
import type { ShardCache } from './shardCache';
import { WAL_FILE } from './wal';
import type { WalCompaction } from './walCompaction';

/**
 * What the last session wrote but had not put in its shard files, landed as the folder opens, in
 * the order it was written: a multi-shard write a crash interrupted (the journal's `docs`), then
 * what the write-ahead log holds, last a committed bulk write (`bulk`: nothing was written after
 * one that had not landed, see Store.bulkPending). Read-only: applied in memory, the files kept.
 * Every version is handed to `put` (the store's index); unreadable log lines are told in
 * `notices`. Returns the newest stamp replayed, '' when none.
 */
export async function replayUnfinished(
  at: { dataDir: string; cipher: DataCipher | null; readOnly: boolean; shards: ShardCache; log: WalCompaction },
  pending: { journal: Doc[] | null; bulk: boolean },
  put: (d: Doc) => void,
  notices: RecoveryNotice[],
): Promise<string> {
  let newest = '';
  if (pending.journal) await replayJournal(at.dataDir, pending.journal, at.shards, at.readOnly, put);
  const wal = await at.log.replay();
  for (const d of wal.docs) put(d);
  if (wal.damaged > 0) notices.push(unreadableLogNotice(path.join(DB_DIR, WAL_FILE), wal.damaged));
  for (const d of [...(pending.journal ?? []), ...wal.docs]) if (d.hlc > newest) newest = d.hlc;
  if (pending.bulk) {
    const bulk = await replayBulk(at.dataDir, at.cipher, at.shards, at.readOnly, put);
    if (bulk.damage) notices.push(bulk.damage);
    if (bulk.newest > newest) newest = bulk.newest;
  }
  return newest;
}
