import { promises as fs } from 'node:fs';
import path from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Doc, DocKind } from '../../domain/document';
import { DOC_KINDS } from '../../domain/document';
import type { DataOf } from '../../domain/documentKinds';
import { AppError } from '../../domain/errors';
import { Hlc } from './hlc';
import { ShardCache } from './shardCache';
import { DocIndex } from './docIndex';
import { requireFits } from './writeChecks';
import type { DataCipher } from './sealedFile';
import { readDerivedSync, writeDerived } from './derivedFiles';
import { DB_DIR, shardFilesOnDisk } from './layout';
import { takeSnapshot } from './backups';
import { currentSnapshotTime, storeFilesForSnapshot } from './snapshotFiles';
import { forgetRecordsReplayed, restoreDamagedShard, type RecoveryNotice } from './recovery';
import { clearJournal, groupByShard, readJournal, writeJournal } from './journal';
import { dropUncommittedBulk, hasBulk, stageBulk } from './bulkWrite';
import { landBulk } from './bulkLanding';
import { replayUnfinished } from './openReplay';
import { WalCompaction } from './walCompaction';
import { LAZY_KINDS, UnreadKinds } from './lazyKinds';
import type { ChangeListener, LocalChange, StoreOptions } from './types';

export { LAZY_KINDS };
export type { RecoveryNotice };
export type { ChangeListener, LocalChange, StoreOptions };

/**
 * The document store: lowdb shard files (see layout.ts), an in-memory index of current
 * versions, a hybrid logical clock, and a write queue so that every write is acknowledged only
 * after it is on disk. Writes that touch several shards go through a journal so they land all
 * or nothing.
 */
export class Store {
  readonly hlc: Hlc;
  readonly recoveries: RecoveryNotice[] = [];
  private readonly shards: ShardCache;
  private readonly docs = new DocIndex();
  private readonly listeners = new Set<ChangeListener>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastSnapshotAt = 0;
  private dirtySinceSnapshot = false;
  private closed = false;
  private readonly log: WalCompaction;
  /** Lazy kinds not read yet, with their shard files on disk. */
  private readonly unread: UnreadKinds;
  private readonly beforeWrite = new Set<(docs: readonly Doc[]) => Promise<void>>();
  /**
   * A committed bulk write (bulkWrite.ts) is not yet in every shard file (a shard write failed
   * after the commit): it is finished before any other write, so that nothing written later is
   * older than it on disk.
   */
  private bulkPending: Doc[] | null = null;

  private readonly cipher: DataCipher | null;

  private constructor(private readonly opts: Required<StoreOptions>) {
    this.hlc = new Hlc(opts.node, opts.now);
    this.cipher = opts.cipher ?? null;
    this.shards = new ShardCache(opts.dataDir, this.cipher);
    this.unread = new UnreadKinds(this.shards, this.docs, this.hlc);
    this.log = new WalCompaction(opts.dataDir, this.cipher, this.shards, opts.readOnly, (fn) => void this.enqueue(fn).catch(() => undefined));
  }

  static async open(options: StoreOptions): Promise<Store> {
    const store = new Store({ now: Date.now, snapshotIntervalMs: 10 * 60_000, readOnly: false, cipher: null, ...options });
    await store.load();
    return store;
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  /** A file derived from the documents, kept under db/ and sealed like the shards (derivedFiles.ts). */
  readDerivedSync(rel: string): string | null {
    return readDerivedSync(this.opts.dataDir, this.cipher, rel);
  }

  async writeDerived(rel: string, text: string): Promise<void> {
    await writeDerived(this.opts.dataDir, this.cipher, rel, text);
  }

  get(id: string): Doc | undefined {
    const d = this.docs.get(id);
    if (d || this.unread.size === 0) return d;
    // Not among what is read: it may be in a kind not read yet.
    for (const kind of this.unread.kinds()) this.unread.readSync(kind);
    return this.docs.get(id);
  }

  /** Whether a kind's documents are in memory (lazy kinds are read on first use). */
  isRead(kind: DocKind): boolean {
    return !this.unread.has(kind);
  }

  /**
   * Reads lazy kinds now (all of them when none is named), restoring a damaged shard from its
   * backup as opening does. Operations that will read a lazy kind call this first; a read
   * without it still works (UnreadKinds.readSync) but cannot repair a damaged file.
   */
  async ready(...kinds: DocKind[]): Promise<void> {
    for (const kind of kinds.length > 0 ? kinds : this.unread.kinds()) await this.unread.read(kind, (rel, reason) => this.recover(rel, reason));
  }

  /**
   * A document of `kind` with its data read through the kind's schema (see
   * domain/documentKinds); undefined when missing, of another kind, or not fitting the schema
   * (a record written by a version this one does not read). Deleted ones are returned: the
   * caller decides.
   */
  getAs<K extends DocKind>(kind: K, id: string): Doc<DataOf<K>> | undefined {
    this.unread.readSync(kind);
    const d = this.docs.get(id);
    return d && d.kind === kind ? this.docs.typed(kind, d) : undefined;
  }

  /** list(), typed like getAs; documents that do not fit their schema are left out. */
  listAs<K extends DocKind>(kind: K, opts: { includeDeleted?: boolean } = {}): Doc<DataOf<K>>[] {
    this.unread.readSync(kind);
    const out: Doc<DataOf<K>>[] = [];
    for (const d of this.docs.ofKind(kind).values()) {
      if (d.deleted && !opts.includeDeleted) continue;
      const t = this.docs.typed(kind, d);
      if (t) out.push(t);
    }
    return out;
  }

  /** Current versions of a kind, deleted ones left out unless asked for. */
  list<D = Record<string, unknown>>(kind: DocKind, opts: { includeDeleted?: boolean } = {}): Doc<D>[] {
    this.unread.readSync(kind);
    const docs = [...this.docs.ofKind(kind).values()] as Doc<D>[];
    return opts.includeDeleted ? docs : docs.filter((d) => !d.deleted);
  }

  /**
   * Current versions of a kind, deleted ones included, as the store holds them (not copied):
   * for building an index in one pass. Not to be kept across a write.
   */
  values(kind: DocKind): IterableIterator<Doc> {
    this.unread.readSync(kind);
    return this.docs.ofKind(kind).values();
  }

  count(kind: DocKind): number {
    this.unread.readSync(kind);
    return this.docs.ofKind(kind).size;
  }

  /**
   * Awaited before a write reaches any file (after it is checked): for files derived from the
   * documents (summaries) to mark themselves stale first, so a crash part way is noticed.
   */
  onBeforeWrite(fn: (docs: readonly Doc[]) => Promise<void>): () => void {
    this.beforeWrite.add(fn);
    return () => this.beforeWrite.delete(fn);
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Local edits by this installation. Resolves once every change is durable. */
  async write(changes: readonly LocalChange[]): Promise<Doc[]> {
    // Checked before queueing: a wrong shape is the caller's mistake and writes nothing.
    for (const c of changes) requireFits({ ...c, id: c.id ?? '' }, c.id === undefined);
    return this.enqueue(async () => {
      // A new stamp must follow every stamp in the folder (peers' vectors rely on it), so the
      // clock sees the lazy kinds before it ticks.
      await this.ready();
      const docs: Doc[] = changes.map((c) => this.versionOf(c, this.docs.get(c.id ?? '')));
      await this.persist(docs);
      return docs;
    });
  }

  /**
   * Local edits too many for one write (an Excel import of 110,000 households), given in
   * batches that are built only as they are taken, and written all or nothing like write(): the
   * batches are staged to disk one by one (bulkWrite.ts) and each shard file is then written
   * once. Memory holds the new versions and one batch's text, never the text of all of them.
   * Every batch is checked before anything lands: a wrong one writes nothing. Resolves with the
   * number of versions once all are durable.
   */
  async writeBulk(batches: Iterable<readonly LocalChange[]>): Promise<number> {
    return this.enqueue(async () => {
      this.refuseIfReadOnly();
      await this.ready();
      if (this.bulkPending) await this.finishBulk();
      // The log must never hold an older version than a shard file: emptied first.
      if (this.log.pending) await this.log.compact();
      const committed = await stageBulk(
        this.opts.dataDir,
        this.cipher,
        batches,
        (c, staged) => this.versionOf(c, staged.get(c.id ?? '') ?? this.docs.get(c.id ?? '')),
        async (docs) => {
          for (const fn of this.beforeWrite) await fn(docs);
        },
      );
      if (committed.length === 0) return 0;
      // Committed: if a shard write fails now, it lands before the next write, or at the next open.
      this.bulkPending = committed;
      await this.finishBulk();
      return committed.length;
    });
  }

  /** The next version of a document after `prev` (its current version, if any). */
  private versionOf(c: LocalChange, prev: Doc | undefined): Doc {
    const doc: Doc = {
      id: c.id ?? uuidv7(),
      kind: c.kind,
      owner: c.owner,
      rev: (prev?.rev ?? 0) + 1,
      hlc: this.hlc.tick(),
      author: this.opts.node,
      data: c.data,
    };
    if (prev) doc.prevHlc = prev.hlc;
    if (c.deleted) doc.deleted = true;
    return doc;
  }

  /**
   * Store versions made elsewhere (an imported bundle, a chosen conflict version) exactly as
   * they are. The caller has decided they win; this only makes them durable, all or nothing.
   */
  async putVersions(docs: Doc[]): Promise<void> {
    if (docs.length === 0) return;
    for (const d of docs) requireFits(d, false);
    await this.enqueue(async () => {
      await this.ready(...new Set(docs.map((d) => d.kind)));
      for (const d of docs) this.hlc.observe(d.hlc);
      await this.persist(docs);
    });
  }

  /** Wait for queued writes and background work (tests, shutdown). */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  async snapshotNow(): Promise<void> {
    await this.enqueue(() => this.snapshot());
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.idle();
    this.log.stop();
    await this.enqueue(() => this.log.compact()).catch(() => undefined); // what stays in the log is replayed at next open
    if (this.dirtySinceSnapshot) await this.snapshot().catch(() => undefined);
    await this.log.close();
    this.closed = true;
  }

  // ---- internals -------------------------------------------------------------------------

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store closed'));
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Whether the folder was opened read-only (see StoreOptions.readOnly). */
  get readOnly(): boolean {
    return this.opts.readOnly;
  }

  private refuseIfReadOnly(): void {
    if (this.opts.readOnly) throw new AppError('READ_ONLY', 'common:errors.READ_ONLY', { path: this.opts.dataDir });
  }

  private async persist(docs: Doc[]): Promise<void> {
    this.refuseIfReadOnly();
    if (this.bulkPending) await this.finishBulk();
    for (const fn of this.beforeWrite) await fn(docs);
    const touched = groupByShard(docs);
    const [only] = touched.keys();
    if (touched.size === 1 && only !== undefined && (await this.log.takes(only))) {
      await this.log.append(only, docs);
    } else {
      // Everything else writes shard files: the log is emptied first so it never holds an
      // older version of a document than its shard file (replay must only move forward).
      if (this.log.pending) await this.log.compact();
      if (touched.size > 1) await writeJournal(this.opts.dataDir, docs, this.cipher);
      for (const [rel, list] of touched) await this.shards.write(rel, list);
      if (touched.size > 1) await clearJournal(this.opts.dataDir);
    }
    this.afterPersist(docs);
  }

  /** Durable versions into the index, the listeners told, a snapshot taken when one is due. */
  private afterPersist(docs: Doc[]): void {
    for (const d of docs) this.docs.put(d);
    this.dirtySinceSnapshot = true;
    for (const l of this.listeners) l(docs);
    if (this.opts.now() - this.lastSnapshotAt >= this.opts.snapshotIntervalMs) {
      // Runs after this write is acknowledged, never in its way.
      this.lastSnapshotAt = this.opts.now();
      void this.enqueue(() => this.snapshot()).catch(() => undefined);
    }
  }

  private async load(): Promise<void> {
    const root = path.join(this.opts.dataDir, DB_DIR);
    if (!this.opts.readOnly) await fs.mkdir(root, { recursive: true });
    // Stamps are fixed-width text in clock order: observing the greatest one read (found while
    // indexing, not by another pass) is observing them all.
    let newest = '';
    // After a crash the journal or the log may hold documents of any kind; they are put into
    // shards read in full, so then every kind is read now.
    const journal = await readJournal(this.opts.dataDir, this.cipher);
    // A bulk write staged but never committed did not happen; a committed one lands now.
    if (!this.opts.readOnly) await dropUncommittedBulk(this.opts.dataDir);
    const bulk = await hasBulk(this.opts.dataDir);
    const replayPending = bulk || journal !== null || (await fs.stat(this.log.file).then((s) => s.size > 0, () => false));
    for (const kind of DOC_KINDS) {
      const rels = await shardFilesOnDisk(this.opts.dataDir, kind);
      if (LAZY_KINDS.has(kind) && !replayPending && rels.length > 0) {
        this.unread.defer(kind, rels);
        continue;
      }
      // Shards are read synchronously: 512 small files one await after another cost more than
      // parsing them, and nothing else runs while the folder opens.
      for (const rel of rels) {
        const damage = this.shards.readSync(rel);
        if (damage) await this.recover(rel, damage.reason);
        newest = this.docs.putShard(kind, this.shards.getSync(rel).data.docs, newest);
      }
    }
    const { dataDir, readOnly } = this.opts;
    const replayed = await replayUnfinished({ dataDir, cipher: this.cipher, readOnly, shards: this.shards, log: this.log }, { journal, bulk }, (d) => this.docs.put(d), this.recoveries);
    if (replayed > newest) newest = replayed;
    forgetRecordsReplayed(this.recoveries, (id) => this.docs.get(id));
    if (newest) this.hlc.observe(newest);
    // First snapshot of this session runs after open returns, off the start-up path.
    if (this.opts.readOnly) return;
    void this.enqueue(async () => {
      const takenAt = await currentSnapshotTime(this.opts.dataDir, this.shards, this.unread.shardFiles());
      if (takenAt === null || this.recoveries.length > 0) await this.snapshot();
      else this.lastSnapshotAt = takenAt;
    }).catch(() => undefined);
  }

  /** A damaged shard: moved aside and restored from the newest good backup (recovery.ts). */
  private async recover(rel: string, reason: string): Promise<void> {
    const restored = await restoreDamagedShard(this.opts.dataDir, rel, reason, new Date(this.opts.now()), this.cipher);
    await this.shards.restored(rel, restored.data, restored.text);
    this.recoveries.push(restored.notice);
  }

  /** The committed bulk write's versions into their shard files (each written once), then its log removed. */
  private async finishBulk(): Promise<void> {
    const docs = this.bulkPending;
    if (!docs) return;
    await landBulk(this.opts.dataDir, this.shards, docs);
    this.bulkPending = null;
    this.afterPersist(docs);
  }

  private async snapshot(): Promise<void> {
    this.refuseIfReadOnly();
    if (this.log.pending) await this.log.compact(); // backups copy shard files
    const files = storeFilesForSnapshot(this.opts.dataDir, this.shards, this.unread.shardFiles(), this.cipher);
    await takeSnapshot(this.opts.dataDir, files, new Date(this.opts.now()), this.cipher);
    this.lastSnapshotAt = this.opts.now();
    this.dirtySinceSnapshot = false;
  }
}
