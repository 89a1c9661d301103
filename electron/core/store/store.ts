import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { v7 as uuidv7 } from 'uuid';
import type { Doc, DocKind } from '../../domain/document';
import { DOC_KINDS } from '../../domain/document';
import { checkDocument, parseData, type DataOf } from '../../domain/documentKinds';
import { AppError } from '../../domain/errors';
import { Hlc } from './hlc';
import { ShardFileAdapter, CorruptShardError, decodeUtf8, type ShardData } from './shardFile';
import type { DataCipher } from './sealedFile';
import { writeFileDurable } from './durableFile';
import { DB_DIR, shardFilesOnDisk, shardOf, shardRelPath } from './layout';
import { listSnapshots, takeSnapshot } from './backups';
import { restoreDamagedShard, type RecoveryNotice } from './recovery';
import { clearJournal, groupByShard, readJournal, writeJournal } from './journal';
import { WAL_FILE, WAL_IDLE_MS, WAL_MAX_BYTES, WAL_MAX_SHARDS, WAL_MIN_SHARD_DOCS, WriteAheadLog } from './wal';
import type { ChangeListener, LocalChange, StoreOptions } from './types';

/**
 * Kinds read from disk only when first asked for. Households are the bulk of a data folder
 * (hundreds of thousands at the Sở) and most screens (tasks, reports, sync status) never look
 * at them: opening the folder must not wait for them. See `ready` and `needKind`.
 */
export const LAZY_KINDS: ReadonlySet<DocKind> = new Set<DocKind>(['household']);

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
  private readonly shards = new Map<string, Low<ShardData>>();
  private readonly adapters = new Map<string, ShardFileAdapter>();
  private readonly byId = new Map<string, Doc>();
  private readonly byKind = new Map<DocKind, Map<string, Doc>>();
  private readonly listeners = new Set<ChangeListener>();
  private queue: Promise<unknown> = Promise.resolve();
  private lastSnapshotAt = 0;
  private dirtySinceSnapshot = false;
  private closed = false;
  private readonly wal: WriteAheadLog;
  /** Shards changed in memory by log entries and not yet rewritten. */
  private readonly walDirty = new Set<string>();
  private compactTimer: ReturnType<typeof setTimeout> | null = null;
  /** Lazy kinds not read yet, with their shard files on disk. */
  private readonly unread = new Map<DocKind, string[]>();
  private readonly beforeWrite = new Set<(docs: readonly Doc[]) => Promise<void>>();

  private readonly cipher: DataCipher | null;

  private constructor(private readonly opts: Required<StoreOptions>) {
    this.hlc = new Hlc(opts.node, opts.now);
    this.cipher = opts.cipher ?? null;
    this.wal = new WriteAheadLog(path.join(opts.dataDir, DB_DIR, WAL_FILE), this.cipher);
    for (const kind of DOC_KINDS) this.byKind.set(kind, new Map());
  }

  static async open(options: StoreOptions): Promise<Store> {
    const store = new Store({ now: Date.now, snapshotIntervalMs: 10 * 60_000, readOnly: false, cipher: null, ...options });
    await store.load();
    return store;
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  /**
   * A file derived from the documents (summary rows) kept under db/: sealed like the shards.
   * Null when missing or when it does not open (a cache is then rebuilt).
   */
  readDerivedSync(rel: string): string | null {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path.join(this.opts.dataDir, rel));
    } catch {
      return null;
    }
    try {
      return decodeUtf8(this.cipher ? this.cipher.read(rel, bytes) : bytes);
    } catch {
      return null;
    }
  }

  async writeDerived(rel: string, text: string): Promise<void> {
    const file = path.join(this.opts.dataDir, rel);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeFileDurable(file, this.cipher ? this.cipher.seal(rel, text) : text);
  }

  get(id: string): Doc | undefined {
    const d = this.byId.get(id);
    if (d || this.unread.size === 0) return d;
    // Not among what is read: it may be in a kind not read yet.
    for (const kind of [...this.unread.keys()]) this.needKind(kind);
    return this.byId.get(id);
  }

  /** Whether a kind's documents are in memory (lazy kinds are read on first use). */
  isRead(kind: DocKind): boolean {
    return !this.unread.has(kind);
  }

  /**
   * Reads lazy kinds now (all of them when none is named), restoring a damaged shard from its
   * backup as opening does. Operations that will read a lazy kind call this first; a read
   * without it still works (see needKind) but cannot repair a damaged file.
   */
  async ready(...kinds: DocKind[]): Promise<void> {
    for (const kind of kinds.length > 0 ? kinds : [...this.unread.keys()]) {
      const rels = this.unread.get(kind);
      if (!rels) continue;
      for (const rel of rels) {
        const damage = this.readShardSync(rel);
        if (damage) await this.recover(rel, damage.reason);
      }
      this.indexLazyKind(kind, rels);
    }
  }

  /**
   * A document of `kind` with its data read through the kind's schema (see
   * domain/documentKinds); undefined when missing, of another kind, or not fitting the schema
   * (a record written by a version this one does not read). Deleted ones are returned: the
   * caller decides.
   */
  getAs<K extends DocKind>(kind: K, id: string): Doc<DataOf<K>> | undefined {
    this.needKind(kind);
    const d = this.byId.get(id);
    return d && d.kind === kind ? this.typed(kind, d) : undefined;
  }

  /** list(), typed like getAs; documents that do not fit their schema are left out. */
  listAs<K extends DocKind>(kind: K, opts: { includeDeleted?: boolean } = {}): Doc<DataOf<K>>[] {
    this.needKind(kind);
    const out: Doc<DataOf<K>>[] = [];
    for (const d of this.byKind.get(kind)?.values() ?? []) {
      if (d.deleted && !opts.includeDeleted) continue;
      const t = this.typed(kind, d);
      if (t) out.push(t);
    }
    return out;
  }

  /** Current versions of a kind, deleted ones left out unless asked for. */
  list<D = Record<string, unknown>>(kind: DocKind, opts: { includeDeleted?: boolean } = {}): Doc<D>[] {
    this.needKind(kind);
    const docs = [...(this.byKind.get(kind)?.values() ?? [])] as Doc<D>[];
    return opts.includeDeleted ? docs : docs.filter((d) => !d.deleted);
  }

  /**
   * Current versions of a kind, deleted ones included, as the store holds them (not copied):
   * for building an index in one pass. Not to be kept across a write.
   */
  values(kind: DocKind): IterableIterator<Doc> {
    this.needKind(kind);
    return (this.byKind.get(kind) ?? new Map<string, Doc>()).values();
  }

  count(kind: DocKind): number {
    this.needKind(kind);
    return this.byKind.get(kind)?.size ?? 0;
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
      const docs: Doc[] = changes.map((c) => {
        const id = c.id ?? uuidv7();
        const prev = this.byId.get(id);
        const doc: Doc = {
          id,
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
      });
      await this.persist(docs);
      return docs;
    });
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
    if (this.compactTimer) clearTimeout(this.compactTimer);
    await this.enqueue(() => this.compact()).catch(() => undefined); // what stays in the log is replayed at next open
    if (this.dirtySinceSnapshot) await this.snapshot().catch(() => undefined);
    await this.wal.close();
    this.closed = true;
  }

  // ---- internals -------------------------------------------------------------------------

  /** Typed versions are made once per stored version (versions are never changed in place). */
  private readonly typedCache = new WeakMap<Doc, Doc<unknown> | null>();

  private typed<K extends DocKind>(kind: K, d: Doc): Doc<DataOf<K>> | undefined {
    let t = this.typedCache.get(d);
    if (t === undefined) {
      const data = parseData(kind, d.data);
      t = data === undefined ? null : { ...d, data };
      this.typedCache.set(d, t);
    }
    // The cache holds what parseData(kind) returned for a document of this kind.
    return (t ?? undefined) as Doc<DataOf<K>> | undefined;
  }

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
    for (const fn of this.beforeWrite) await fn(docs);
    const touched = groupByShard(docs);
    const [only] = touched.keys();
    if (touched.size === 1 && only !== undefined && !this.wal.broken && (await this.shard(only)).data.docs.length >= WAL_MIN_SHARD_DOCS) {
      await this.wal.append(docs);
      this.apply(this.shardSync(only), docs);
      this.walDirty.add(only);
      this.scheduleCompaction();
    } else {
      // Everything else writes shard files: the log is emptied first so it never holds an
      // older version of a document than its shard file (replay must only move forward).
      if (this.walDirty.size > 0 || this.wal.bytes > 0) await this.compact();
      if (touched.size > 1) await writeJournal(this.opts.dataDir, docs, this.cipher);
      for (const [rel, list] of touched) await this.writeShard(rel, list);
      if (touched.size > 1) await clearJournal(this.opts.dataDir);
    }
    for (const d of docs) this.index(d);
    this.dirtySinceSnapshot = true;
    for (const l of this.listeners) l(docs);
    if (this.opts.now() - this.lastSnapshotAt >= this.opts.snapshotIntervalMs) {
      // Runs after this write is acknowledged, never in its way.
      this.lastSnapshotAt = this.opts.now();
      void this.enqueue(() => this.snapshot()).catch(() => undefined);
    }
  }

  /** Puts document versions into a shard's in-memory data (replacing the same id). */
  private apply(db: Low<ShardData>, docs: readonly Doc[]): void {
    const data = db.data;
    for (const d of docs) {
      const i = data.docs.findIndex((x) => x.id === d.id);
      if (i >= 0) data.docs[i] = d;
      else data.docs.push(d);
    }
  }

  private scheduleCompaction(): void {
    if (this.wal.bytes >= WAL_MAX_BYTES || this.walDirty.size >= WAL_MAX_SHARDS) {
      // Runs after this write is acknowledged, never in its way.
      void this.enqueue(() => this.compact()).catch(() => undefined);
      return;
    }
    if (this.compactTimer) clearTimeout(this.compactTimer);
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null;
      if (!this.closed) void this.enqueue(() => this.compact()).catch(() => undefined);
    }, WAL_IDLE_MS);
    this.compactTimer.unref?.();
  }

  /**
   * Rewrites the shards the log changed, then empties the log. A crash part way leaves the log
   * whole, and replaying it onto shards that already hold some of its entries changes nothing.
   */
  private async compact(): Promise<void> {
    // Read-only: what the log holds stays applied in memory, and in the log for the next writable open.
    if (this.opts.readOnly) return;
    for (const rel of [...this.walDirty]) {
      const db = this.shardSync(rel);
      await (this.adapters.get(rel) as ShardFileAdapter).write(db.data);
      this.walDirty.delete(rel);
    }
    if (this.wal.bytes > 0 || this.wal.broken) await this.wal.clear();
  }

  /** Applies what the last session logged but had not yet put in its shard files; returns it. */
  private async replayWal(): Promise<Doc[]> {
    const { entries, damaged, nonEmpty } = WriteAheadLog.read(this.wal.file, this.cipher);
    for (const docs of entries) {
      for (const d of docs) {
        const rel = shardRelPath(d.kind, shardOf(d.kind, d.id));
        await this.shard(rel);
        this.apply(this.shardSync(rel), [d]);
        this.walDirty.add(rel);
        this.index(d);
      }
    }
    if (damaged > 0) {
      this.recoveries.push({ file: path.join(DB_DIR, WAL_FILE), reason: `${damaged} unreadable log entries`, restoredFrom: null, restoredFromDate: null, movedTo: '', records: [] });
    }
    // Emptied when it holds anything, a torn line too: the next append must start a line.
    this.wal.bytes = entries.length > 0 || damaged > 0 || nonEmpty ? 1 : 0;
    if (this.wal.bytes > 0) await this.compact();
    return entries.flat();
  }

  private async writeShard(rel: string, docs: Doc[]): Promise<void> {
    const db = await this.shard(rel);
    this.apply(db, docs);
    try {
      await db.write();
    } catch (e) {
      // Put the in-memory shard back to what is on disk so memory never claims unsaved data.
      const onDisk = await db.adapter.read().catch(() => null);
      db.data = onDisk ?? { format: 1, docs: [] };
      throw e;
    }
  }

  private async shard(rel: string): Promise<Low<ShardData>> {
    if (!this.shards.has(rel)) await fs.mkdir(path.dirname(path.join(this.opts.dataDir, rel)), { recursive: true });
    return this.shardSync(rel);
  }

  /** The lowdb instance of a shard whose folder exists. */
  private shardSync(rel: string): Low<ShardData> {
    let db = this.shards.get(rel);
    if (!db) {
      const adapter = new ShardFileAdapter(path.join(this.opts.dataDir, rel), rel, this.cipher);
      db = new Low<ShardData>(adapter, { format: 1, docs: [] });
      this.shards.set(rel, db);
      this.adapters.set(rel, adapter);
    }
    return db;
  }

  /**
   * A lazy kind read on first use, synchronously (reads are synchronous; the files are read
   * synchronously at open too). A damaged shard cannot be restored here (that is async): the
   * read fails with the file named and `ready` repairs it.
   */
  private needKind(kind: DocKind): void {
    const rels = this.unread.get(kind);
    if (!rels) return;
    for (const rel of rels) {
      const damage = this.readShardSync(rel);
      if (damage) throw damage;
    }
    this.indexLazyKind(kind, rels);
  }

  /** A lazy kind whose shards are read now: indexed, its stamps seen by the clock. */
  private indexLazyKind(kind: DocKind, rels: readonly string[]): void {
    let newest = '';
    for (const rel of rels) newest = this.indexShard(kind, this.shardSync(rel).data.docs, newest);
    this.unread.delete(kind);
    if (newest) this.hlc.observe(newest);
  }

  private index(d: Doc): void {
    const prev = this.byId.get(d.id);
    if (prev && prev.kind !== d.kind) this.byKind.get(prev.kind)?.delete(d.id);
    this.byId.set(d.id, d);
    this.byKind.get(d.kind)?.set(d.id, d);
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
    const replayPending = journal !== null || (await fs.stat(this.wal.file).then((s) => s.size > 0, () => false));
    for (const kind of DOC_KINDS) {
      const rels = await shardFilesOnDisk(this.opts.dataDir, kind);
      if (LAZY_KINDS.has(kind) && !replayPending && rels.length > 0) {
        this.unread.set(kind, rels);
        continue;
      }
      // Shards are read synchronously: 512 small files one await after another cost more than
      // parsing them, and nothing else runs while the folder opens.
      for (const rel of rels) {
        const damage = this.readShardSync(rel);
        if (damage) await this.recover(rel, damage.reason);
        newest = this.indexShard(kind, this.shardSync(rel).data.docs, newest);
      }
    }
    for (const d of [...(await this.replayJournal(journal)), ...(await this.replayWal())]) if (d.hlc > newest) newest = d.hlc;
    this.forgetRecoveredByReplay();
    if (newest) this.hlc.observe(newest);
    // First snapshot of this session runs after open returns, off the start-up path.
    if (this.opts.readOnly) return;
    void this.enqueue(async () => {
      const snaps = await listSnapshots(this.opts.dataDir);
      const last = snaps.at(-1);
      const current = this.currentFileNames();
      const changed =
        !last ||
        current.length !== Object.keys(last.files).length ||
        current.some((rel) => !last.files[rel]);
      if (changed || this.recoveries.length > 0) await this.snapshot();
      else this.lastSnapshotAt = Date.parse(last.createdAt) || 0;
    }).catch(() => undefined);
  }

  /**
   * index() for every document of a shard just read, in the one pass that also finds the newest
   * stamp: the kind's map is looked up once per shard, and an id seen before (a document that
   * changed kind) is told by the map not growing rather than by a lookup per document.
   */
  private indexShard(kind: DocKind, docs: readonly Doc[], newest: string): string {
    const byId = this.byId;
    const ofKind = this.byKind.get(kind) as Map<string, Doc>;
    for (const d of docs) {
      if (d.hlc > newest) newest = d.hlc;
      if (d.kind !== kind) {
        this.index(d);
        continue;
      }
      const size = byId.size;
      byId.set(d.id, d);
      if (byId.size === size) for (const [k, m] of this.byKind) if (k !== kind) m.delete(d.id);
      ofKind.set(d.id, d);
    }
    return newest;
  }

  /** Reads one shard into its lowdb instance; a damaged file comes back as the error. */
  private readShardSync(rel: string): CorruptShardError | null {
    const db = this.shardSync(rel);
    try {
      const data = (this.adapters.get(rel) as ShardFileAdapter).readSync();
      if (data) db.data = data;
      return null;
    } catch (e) {
      if (e instanceof CorruptShardError) return e;
      throw e;
    }
  }

  /** A damaged shard: moved aside and restored from the newest good backup (recovery.ts). */
  private async recover(rel: string, reason: string): Promise<void> {
    const restored = await restoreDamagedShard(this.opts.dataDir, rel, reason, new Date(this.opts.now()), this.cipher);
    const db = await this.shard(rel);
    db.data = restored.data;
    const adapter = this.adapters.get(rel);
    if (adapter && restored.text !== null) adapter.lastWritten = restored.text;
    this.recoveries.push(restored.notice);
  }

  /**
   * A record a recovery called lost or rolled back whose damaged version the journal or the
   * log has put back (they hold the same or a newer version) was not lost after all.
   */
  private forgetRecoveredByReplay(): void {
    for (const notice of this.recoveries) {
      notice.records = notice.records.filter((r) => {
        if (r.outcome === 'repaired' || r.hlc === null) return true;
        const now = this.byId.get(r.id);
        return !now || now.hlc < r.hlc;
      });
    }
  }

  /** Finish a multi-shard write that a crash interrupted (`docs`, read from the journal at open); returns it. */
  private async replayJournal(docs: Doc[] | null): Promise<Doc[]> {
    if (!docs) return [];
    if (this.opts.readOnly) {
      // Applied in memory; the journal stays for the next writable open to finish.
      for (const [rel, list] of groupByShard(docs)) this.apply(await this.shard(rel), list);
      for (const d of docs) this.index(d);
      return docs;
    }
    for (const [rel, list] of groupByShard(docs)) await this.writeShard(rel, list);
    for (const d of docs) this.index(d);
    await clearJournal(this.opts.dataDir);
    return docs;
  }

  private currentFileNames(): string[] {
    const names = [...this.adapters].filter(([, adapter]) => adapter.hasText()).map(([rel]) => rel);
    for (const rels of this.unread.values()) names.push(...rels);
    return names;
  }

  private currentFiles(): Map<string, string> {
    const files = new Map<string, string>();
    for (const [rel, adapter] of this.adapters) {
      const text = adapter.text();
      if (text !== null) files.set(rel, text);
    }
    // Kinds not read yet are backed up too, from their files as they are (unchanged since open).
    for (const rels of this.unread.values()) {
      for (const rel of rels) {
        const bytes = readFileSync(path.join(this.opts.dataDir, rel));
        if (!this.cipher) {
          files.set(rel, decodeUtf8(bytes));
          continue;
        }
        try {
          files.set(rel, decodeUtf8(this.cipher.read(rel, bytes)));
        } catch {
          // Damaged and not read yet: left out, older snapshots keep its good copy for `ready`.
        }
      }
    }
    return files;
  }

  private async snapshot(): Promise<void> {
    this.refuseIfReadOnly();
    if (this.walDirty.size > 0 || this.wal.bytes > 0) await this.compact(); // backups copy shard files
    await takeSnapshot(this.opts.dataDir, this.currentFiles(), new Date(this.opts.now()), this.cipher);
    this.lastSnapshotAt = this.opts.now();
    this.dirtySinceSnapshot = false;
  }
}

/**
 * Every write is checked against its kind (domain/documentKinds): RECORD_SHAPE_INVALID names
 * the kind and the field; RECORD_ID_NOT_OWNERS an id (or office field) naming another office.
 * A new document's id is made by the store, so only its data is checked.
 */
function requireFits(d: { id: string; kind: DocKind; owner: string; data: Record<string, unknown> }, newId: boolean): void {
  const problem = checkDocument(d);
  if (!problem || (newId && problem.problem !== 'shape')) return;
  const params = { kind: d.kind, field: problem.field, id: d.id, owner: d.owner };
  if (problem.problem === 'shape') throw new AppError('RECORD_SHAPE_INVALID', 'common:errors.RECORD_SHAPE_INVALID', params);
  if (problem.problem === 'id') throw new AppError('RECORD_ID_INVALID', 'common:errors.RECORD_ID_INVALID', params);
  throw new AppError('RECORD_ID_NOT_OWNERS', 'common:errors.RECORD_ID_NOT_OWNERS', params);
}
