import { createReadStream, promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Doc } from '../../domain/document';
import { fsyncDir, removeDurable } from './durableFile';
import { DB_DIR } from './layout';
import type { DataCipher } from './sealedFile';
import type { LocalChange } from './types';
import { openLogLine, WriteAheadLog } from './wal';
import { requireFits } from './writeChecks';

/**
 * A write too large for the journal (journal.ts): an Excel import of 110,000 households. The
 * journal is one JSON text of every document, made and sealed in memory at once (with the
 * documents and the shard texts, 1.17 GB resident for that import). Here the documents are
 * staged batch by batch, each batch one sealed line (the write-ahead log's format, wal.ts)
 * appended to db/bulk.partial and made durable before the next batch is built, so memory holds
 * one batch's text at a time.
 *
 * All or nothing, as the journal:
 * - before the last batch is on disk the file is named bulk.partial: nothing of the write is
 *   anywhere else, and the next open removes the file (the write never happened);
 * - then it is renamed db/bulk.log, durably: from that moment the write lands, now or, after a
 *   crash, when the folder next opens (replayed into the shards, `readBulk`);
 * - once every shard holds its documents, the log is removed.
 * A document is in one line only as a whole; versions carry their ids, so replaying the log onto
 * shards that already hold some of it changes nothing: no duplicate, no half-written record.
 */
export const BULK_FILE = 'bulk.log';
const BULK_PARTIAL = 'bulk.partial';
/** Lines are sealed at the final name, so they open after the rename. */
const BULK_REL = `${DB_DIR}/${BULK_FILE}`;

const bulkPath = (dataDir: string): string => path.join(dataDir, DB_DIR, BULK_FILE);
const partialPath = (dataDir: string): string => path.join(dataDir, DB_DIR, BULK_PARTIAL);

export class BulkStage {
  private readonly log: WriteAheadLog;

  private constructor(private readonly dataDir: string, cipher: DataCipher | null) {
    this.log = new WriteAheadLog(partialPath(dataDir), cipher, BULK_REL);
  }

  /** A new staging file (a leftover one, never committed, is dropped first). */
  static async begin(dataDir: string, cipher: DataCipher | null): Promise<BulkStage> {
    await fs.rm(partialPath(dataDir), { force: true });
    return new BulkStage(dataDir, cipher);
  }

  /** One batch, durable when this resolves. */
  async append(docs: readonly Doc[]): Promise<void> {
    await this.log.append(docs);
  }

  /** Every batch is staged: from now on the write lands (see the class comment). */
  async commit(): Promise<void> {
    await this.log.close();
    await fs.rename(partialPath(this.dataDir), bulkPath(this.dataDir));
    await fsyncDir(path.join(this.dataDir, DB_DIR));
  }

  /** The write failed before commit: nothing of it stays. */
  async abandon(): Promise<void> {
    await this.log.close().catch(() => undefined);
    await fs.rm(partialPath(this.dataDir), { force: true });
  }
}

/**
 * Stages `batches` one by one (each built only as it is taken) and commits them; returns the
 * committed versions, none when the batches held no change (then nothing is committed). Every
 * change is checked before anything lands: a wrong batch writes nothing. `next` makes a change's
 * version from the versions staged so far; `beforeCommit` runs once every batch is on disk.
 */
export async function stageBulk(
  dataDir: string,
  cipher: DataCipher | null,
  batches: Iterable<readonly LocalChange[]>,
  next: (c: LocalChange, staged: ReadonlyMap<string, Doc>) => Doc,
  beforeCommit: (docs: readonly Doc[]) => Promise<void>,
): Promise<Doc[]> {
  const staged = new Map<string, Doc>();
  const stage = await BulkStage.begin(dataDir, cipher);
  try {
    for (const batch of batches) {
      for (const c of batch) requireFits({ ...c, id: c.id ?? '' }, c.id === undefined);
      const docs = batch.map((c) => next(c, staged));
      await stage.append(docs);
      for (const d of docs) staged.set(d.id, d);
    }
    if (staged.size === 0) {
      await stage.abandon();
      return [];
    }
    await beforeCommit([...staged.values()]);
    await stage.commit();
  } catch (e) {
    await stage.abandon();
    throw e;
  }
  return [...staged.values()];
}

/** A staging file a crash left before its commit: removed, as the write never happened. */
export async function dropUncommittedBulk(dataDir: string): Promise<void> {
  await fs.rm(partialPath(dataDir), { force: true });
}

export async function hasBulk(dataDir: string): Promise<boolean> {
  return fs.stat(bulkPath(dataDir)).then(
    () => true,
    () => false,
  );
}

/**
 * The committed batches, one at a time (the file is read line by line, never whole). A line
 * that does not open is counted in `damaged` (the file was complete and durable when renamed, so
 * that is damage on disk, not a torn write) and skipped.
 */
export async function* readBulk(dataDir: string, cipher: DataCipher | null, damaged: { count: number }): AsyncGenerator<Doc[]> {
  const lines = createInterface({ input: createReadStream(bulkPath(dataDir), { encoding: 'utf8' }), crlfDelay: Infinity });
  let index = 0;
  for await (const line of lines) {
    const at = index++;
    if (line === '') continue;
    let docs: Doc[];
    try {
      docs = openLogLine(line, at, cipher, BULK_REL);
    } catch {
      damaged.count++;
      continue;
    }
    yield docs;
  }
}

/** Every document is in its shard file: the log is removed, durably. */
export async function clearBulk(dataDir: string): Promise<void> {
  await removeDurable(bulkPath(dataDir));
}
