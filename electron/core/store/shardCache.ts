import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import type { Doc } from '../../domain/document';
import { ShardFileAdapter, CorruptShardError, type ShardData } from './shardFile';
import type { DataCipher } from './sealedFile';
import type { SnapshotText } from './backups';

/**
 * The shard files the store has opened, each a lowdb instance over its ShardFileAdapter (which
 * keeps the bytes last read or written, for backups). Paths are relative to the data folder.
 */
export class ShardCache {
  private readonly shards = new Map<string, Low<ShardData>>();
  private readonly adapters = new Map<string, ShardFileAdapter>();

  constructor(
    private readonly dataDir: string,
    private readonly cipher: DataCipher | null,
  ) {}

  /** The lowdb instance of a shard, its folder made first when it is new. */
  async get(rel: string): Promise<Low<ShardData>> {
    if (!this.shards.has(rel)) await fs.mkdir(path.dirname(path.join(this.dataDir, rel)), { recursive: true });
    return this.getSync(rel);
  }

  /** The lowdb instance of a shard whose folder exists. */
  getSync(rel: string): Low<ShardData> {
    let db = this.shards.get(rel);
    if (!db) {
      const adapter = new ShardFileAdapter(path.join(this.dataDir, rel), rel, this.cipher);
      db = new Low<ShardData>(adapter, { format: 1, docs: [] });
      this.shards.set(rel, db);
      this.adapters.set(rel, adapter);
    }
    return db;
  }

  /** Reads one shard into its lowdb instance; a damaged file comes back as the error. */
  readSync(rel: string): CorruptShardError | null {
    const db = this.getSync(rel);
    try {
      const data = this.adapter(rel).readSync();
      if (data) db.data = data;
      return null;
    } catch (e) {
      if (e instanceof CorruptShardError) return e;
      throw e;
    }
  }

  /** Puts document versions into a shard's in-memory data (replacing the same id). */
  apply(rel: string, docs: readonly Doc[]): void {
    const data = this.getSync(rel).data;
    for (const d of docs) {
      const i = data.docs.findIndex((x) => x.id === d.id);
      if (i >= 0) data.docs[i] = d;
      else data.docs.push(d);
    }
  }

  /** Applies `docs` and writes the shard file, durably. */
  async write(rel: string, docs: Doc[]): Promise<void> {
    const db = await this.get(rel);
    this.apply(rel, docs);
    try {
      await db.write();
    } catch (e) {
      // Put the in-memory shard back to what is on disk so memory never claims unsaved data.
      const onDisk = await db.adapter.read().catch(() => null);
      db.data = onDisk ?? { format: 1, docs: [] };
      throw e;
    }
  }

  /** Writes a shard file from what memory holds (log compaction). */
  async rewrite(rel: string): Promise<void> {
    await this.adapter(rel).write(this.getSync(rel).data);
  }

  /** A shard put back from a backup (recovery.ts): `text` is the file's bytes, null when none was written. */
  async restored(rel: string, data: ShardData, text: string | null): Promise<void> {
    const db = await this.get(rel);
    db.data = data;
    if (text !== null) this.adapter(rel).lastWritten = text;
  }

  /** Shards that exist on disk. */
  namesOnDisk(): string[] {
    return [...this.adapters].filter(([, adapter]) => adapter.hasText()).map(([rel]) => rel);
  }

  /**
   * Each shard's bytes as last read or written (in plain), for a snapshot: made one file at a
   * time as the snapshot asks (all of them at once would be the whole store's text in memory).
   */
  texts(): Map<string, SnapshotText> {
    const files = new Map<string, SnapshotText>();
    for (const [rel, adapter] of this.adapters) if (adapter.hasText()) files.set(rel, () => adapter.text() ?? '');
    return files;
  }

  private adapter(rel: string): ShardFileAdapter {
    return this.adapters.get(rel) as ShardFileAdapter;
  }
}
