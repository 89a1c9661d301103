import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isStoreFile, listSnapshots, sha256, SNAPSHOT_META, type SnapshotInfo, type SnapshotText } from './backups';
import { BACKUP_DIR } from './layout';
import type { DataCipher } from './sealedFile';
import type { ShardCache } from './shardCache';
import { decodeUtf8 } from './shardFile';
import { stateFilesForBackup } from './stateFiles';

/**
 * What a snapshot of the store copies (backups.ts): the shard files the store has read or
 * written, plus those of lazy kinds not read yet (`unread`: their files, unchanged since open).
 */
function storeFileNames(shards: ShardCache, unread: Iterable<readonly string[]>): string[] {
  const names = shards.namesOnDisk();
  for (const rels of unread) names.push(...rels);
  return names;
}

/**
 * Whether the newest snapshot already backs up this folder as it is: the same set of store files,
 * none of them written since the snapshot was completed (by the file times: a session that
 * crashed after a write, or a log or journal replayed at this open, leaves a newer one), and the
 * same state files, byte for byte (`state`: stateFilesForBackup). Then a new session need not
 * take one — taking it means reading, opening and hashing every shard, households included, on
 * the way to the first screen. A snapshot also holds the state files, so they are compared apart
 * from the store files rather than counted with them.
 */
function snapshotHoldsFiles(dataDir: string, last: SnapshotInfo | undefined, names: readonly string[], state: ReadonlyMap<string, string>): boolean {
  if (!last) return false;
  const inLast = Object.keys(last.files);
  const storeInLast = inLast.filter(isStoreFile);
  if (names.length !== storeInLast.length || !names.every((rel) => !!last.files[rel])) return false;
  if (inLast.length - storeInLast.length !== state.size) return false;
  for (const [rel, text] of state) if (last.files[rel] !== sha256(text)) return false;
  const completedAt = mtimeOf(path.join(dataDir, BACKUP_DIR, last.name, SNAPSHOT_META));
  if (completedAt === null) return false;
  return names.every((rel) => (mtimeOf(path.join(dataDir, rel)) ?? Infinity) <= completedAt);
}

/**
 * When the newest snapshot was taken, if it still backs up the folder as it is
 * (snapshotHoldsFiles over the store's files and the state files); null when there is none or it
 * is out of date: a new one is due.
 */
export async function currentSnapshotTime(dataDir: string, shards: ShardCache, unread: Iterable<readonly string[]>): Promise<number | null> {
  const last = (await listSnapshots(dataDir)).at(-1);
  const state = await stateFilesForBackup(dataDir);
  if (!last || !snapshotHoldsFiles(dataDir, last, storeFileNames(shards, unread), state)) return null;
  return Date.parse(last.createdAt) || 0;
}

function mtimeOf(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** The plain text of every store file, for a snapshot. */
export function storeFilesForSnapshot(dataDir: string, shards: ShardCache, unread: Iterable<readonly string[]>, cipher: DataCipher | null): Map<string, SnapshotText> {
  const files = shards.texts();
  // Kinds not read yet are backed up too, from their files as they are (unchanged since open).
  for (const rels of unread) {
    for (const rel of rels) {
      const bytes = readFileSync(path.join(dataDir, rel));
      if (!cipher) {
        files.set(rel, decodeUtf8(bytes));
        continue;
      }
      try {
        files.set(rel, decodeUtf8(cipher.read(rel, bytes)));
      } catch {
        // Damaged and not read yet: left out, older snapshots keep its good copy for `ready`.
      }
    }
  }
  return files;
}
