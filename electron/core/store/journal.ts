import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Doc } from '../../domain/document';
import { DB_DIR, JOURNAL_FILE, shardOf, shardRelPath } from './layout';
import { removeDurable, writeFileDurable } from './durableFile';
import type { DataCipher } from './sealedFile';
import type { ShardCache } from './shardCache';

/**
 * The journal makes a write that spans several shard files all or nothing: the whole write is
 * made durable in one file first, then the shards are written, then the journal is removed. A
 * crash in between leaves the journal, which the next open replays.
 */
interface Journal {
  format: 1;
  docs: Doc[];
}

const JOURNAL_REL = path.join(DB_DIR, JOURNAL_FILE);
const journalPath = (dataDir: string): string => path.join(dataDir, JOURNAL_REL);

/** With a cipher the journal is sealed like a shard (it holds the same records). */
export async function writeJournal(dataDir: string, docs: Doc[], cipher: DataCipher | null = null): Promise<void> {
  const text = JSON.stringify({ format: 1, docs } satisfies Journal);
  await writeFileDurable(journalPath(dataDir), cipher ? cipher.seal(JOURNAL_REL, text) : text);
}

/**
 * The interrupted write, or null. A journal that never finished writing was never acted on; one
 * that does not open with the data key was not written by this folder's store: dropped alike.
 */
export async function readJournal(dataDir: string, cipher: DataCipher | null = null): Promise<Doc[] | null> {
  try {
    const bytes = await fs.readFile(journalPath(dataDir));
    const plain = cipher ? cipher.read(JOURNAL_REL, bytes) : bytes;
    return (JSON.parse(plain.toString('utf8')) as Journal).docs;
  } catch {
    await fs.rm(journalPath(dataDir), { force: true });
    return null;
  }
}

export async function clearJournal(dataDir: string): Promise<void> {
  await removeDurable(journalPath(dataDir));
}

/**
 * Finishes a multi-shard write that a crash interrupted (`docs`, read from the journal at open):
 * its shards written, each version handed to `put` (the store's index), the journal removed.
 * Read-only: applied in memory; the journal stays for the next writable open to finish.
 */
export async function replayJournal(dataDir: string, docs: Doc[], shards: ShardCache, readOnly: boolean, put: (d: Doc) => void): Promise<void> {
  if (readOnly) {
    for (const [rel, list] of groupByShard(docs)) {
      await shards.get(rel);
      shards.apply(rel, list);
    }
    for (const d of docs) put(d);
    return;
  }
  for (const [rel, list] of groupByShard(docs)) await shards.write(rel, list);
  for (const d of docs) put(d);
  await clearJournal(dataDir);
}

/** Documents grouped by the shard file that holds them. */
export function groupByShard(docs: readonly Doc[]): Map<string, Doc[]> {
  const touched = new Map<string, Doc[]>();
  for (const d of docs) {
    const rel = shardRelPath(d.kind, shardOf(d.kind, d.id));
    const list = touched.get(rel) ?? [];
    list.push(d);
    touched.set(rel, list);
  }
  return touched;
}
