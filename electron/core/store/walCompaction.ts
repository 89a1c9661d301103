import path from 'node:path';
import type { Doc } from '../../domain/document';
import { DB_DIR, shardOf, shardRelPath } from './layout';
import type { DataCipher } from './sealedFile';
import type { ShardCache } from './shardCache';
import { WAL_FILE, WAL_IDLE_MS, WAL_MAX_BYTES, WAL_MAX_SHARDS, WAL_MIN_SHARD_DOCS, WriteAheadLog } from './wal';

/**
 * Single-shard writes to large shards go through the write-ahead log (wal.ts): applied to the
 * shard in memory at once, written to its shard file later, in one batch (compaction), after
 * which the log is emptied. Compaction runs on the store's queue (`later`), never in a write's way.
 */
export class WalCompaction {
  private readonly wal: WriteAheadLog;
  /** Shards changed in memory by log entries and not yet rewritten. */
  private readonly dirty = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    dataDir: string,
    private readonly cipher: DataCipher | null,
    private readonly shards: ShardCache,
    private readonly readOnly: boolean,
    /** Queues background work after the current write (the store's queue; failures ignored). */
    private readonly later: (fn: () => Promise<void>) => void,
  ) {
    this.wal = new WriteAheadLog(path.join(dataDir, DB_DIR, WAL_FILE), cipher);
  }

  get file(): string {
    return this.wal.file;
  }

  /** Anything logged that is not yet in its shard file (or a log to empty). */
  get pending(): boolean {
    return this.dirty.size > 0 || this.wal.bytes > 0;
  }

  /** Whether a write touching only shard `rel` goes to the log: its shard is large and the log works. */
  async takes(rel: string): Promise<boolean> {
    return !this.wal.broken && (await this.shards.get(rel)).data.docs.length >= WAL_MIN_SHARD_DOCS;
  }

  /** Logs a write to shard `rel`, durably, and applies it in memory. */
  async append(rel: string, docs: readonly Doc[]): Promise<void> {
    await this.wal.append(docs);
    this.shards.apply(rel, docs);
    this.dirty.add(rel);
    this.schedule();
  }

  private schedule(): void {
    if (this.wal.bytes >= WAL_MAX_BYTES || this.dirty.size >= WAL_MAX_SHARDS) {
      // Runs after this write is acknowledged, never in its way.
      this.later(() => this.compact());
      return;
    }
    this.stop();
    this.timer = setTimeout(() => {
      this.timer = null;
      this.later(() => this.compact());
    }, WAL_IDLE_MS);
    this.timer.unref?.();
  }

  /** Cancels a compaction waiting for the log to go idle. */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
  }

  /**
   * Rewrites the shards the log changed, then empties the log. A crash part way leaves the log
   * whole, and replaying it onto shards that already hold some of its entries changes nothing.
   */
  async compact(): Promise<void> {
    // Read-only: what the log holds stays applied in memory, and in the log for the next writable open.
    if (this.readOnly) return;
    for (const rel of [...this.dirty]) {
      await this.shards.rewrite(rel);
      this.dirty.delete(rel);
    }
    if (this.wal.bytes > 0 || this.wal.broken) await this.wal.clear();
  }

  /**
   * Applies to the shards in memory what the last session logged but had not yet put in its
   * shard files, then compacts; returns the documents, and how many entries were unreadable.
   */
  async replay(): Promise<{ docs: Doc[]; damaged: number }> {
    const { entries, damaged, nonEmpty } = WriteAheadLog.read(this.wal.file, this.cipher);
    for (const docs of entries) {
      for (const d of docs) {
        const rel = shardRelPath(d.kind, shardOf(d.kind, d.id));
        await this.shards.get(rel);
        this.shards.apply(rel, [d]);
        this.dirty.add(rel);
      }
    }
    // Emptied when it holds anything, a torn line too: the next append must start a line.
    this.wal.bytes = entries.length > 0 || damaged > 0 || nonEmpty ? 1 : 0;
    if (this.wal.bytes > 0) await this.compact();
    return { docs: entries.flat(), damaged };
  }

  async close(): Promise<void> {
    await this.wal.close();
  }
}
