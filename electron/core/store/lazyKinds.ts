import type { DocKind } from '../../domain/document';
import type { DocIndex } from './docIndex';
import type { Hlc } from './hlc';
import type { ShardCache } from './shardCache';

/**
 * Kinds read from disk only when first asked for. Households are the bulk of a data folder
 * (hundreds of thousands at the Sở) and most screens (tasks, reports, sync status) never look
 * at them: opening the folder must not wait for them. See Store.ready and `UnreadKinds`.
 */
export const LAZY_KINDS: ReadonlySet<DocKind> = new Set<DocKind>(['household']);

/**
 * The lazy kinds a store has not read yet, each with its shard files on disk (listed at open),
 * and their reading into the store's index on first use: indexed, their stamps seen by the clock.
 */
export class UnreadKinds {
  private readonly files = new Map<DocKind, string[]>();

  constructor(
    private readonly shards: ShardCache,
    private readonly docs: DocIndex,
    private readonly hlc: Hlc,
  ) {}

  /** At open: a lazy kind with shard files, left unread. */
  defer(kind: DocKind, rels: string[]): void {
    this.files.set(kind, rels);
  }

  has(kind: DocKind): boolean {
    return this.files.has(kind);
  }

  get size(): number {
    return this.files.size;
  }

  kinds(): DocKind[] {
    return [...this.files.keys()];
  }

  /** Their shard files, unchanged since open: a snapshot copies them as they are. */
  shardFiles(): IterableIterator<string[]> {
    return this.files.values();
  }

  /**
   * A lazy kind read on first use, synchronously (reads are synchronous; the files are read
   * synchronously at open too). A damaged shard cannot be restored here (that is async): the
   * read fails with the file named and `read` repairs it.
   */
  readSync(kind: DocKind): void {
    const rels = this.files.get(kind);
    if (!rels) return;
    for (const rel of rels) {
      const damage = this.shards.readSync(rel);
      if (damage) throw damage;
    }
    this.index(kind, rels);
  }

  /** A lazy kind read now, a damaged shard first handed to `recover` (restored from its backup). */
  async read(kind: DocKind, recover: (rel: string, reason: string) => Promise<void>): Promise<void> {
    const rels = this.files.get(kind);
    if (!rels) return;
    for (const rel of rels) {
      const damage = this.shards.readSync(rel);
      if (damage) await recover(rel, damage.reason);
    }
    this.index(kind, rels);
  }

  private index(kind: DocKind, rels: readonly string[]): void {
    let newest = '';
    for (const rel of rels) newest = this.docs.putShard(kind, this.shards.getSync(rel).data.docs, newest);
    this.files.delete(kind);
    if (newest) this.hlc.observe(newest);
  }
}
