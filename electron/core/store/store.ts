import { promises as fs } from 'node:fs';
import path from 'node:path';
import { Low } from 'lowdb';
import { v7 as uuidv7 } from 'uuid';
import type { Doc, DocKind } from '../domain/document';
import { DOC_KINDS } from '../domain/document';
import { Hlc, compareHlc } from './hlc';
import { ShardFileAdapter, CorruptShardError, parseShard, serialiseShard, type ShardData } from './shardFile';
import { DAMAGED_DIR, DB_DIR, JOURNAL_FILE, SHARDS_PER_KIND, shardOf, shardRelPath } from './layout';
import { fsyncDir, removeDurable, writeFileDurable } from './durableFile';
import { listSnapshots, newestGoodCopy, takeSnapshot } from './backups';

export interface StoreOptions {
  dataDir: string;
  /** Short installation id; the node part of every HLC stamp this store makes. */
  node: string;
  now?: () => number;
  /** Minimum time between automatic snapshots after writes. */
  snapshotIntervalMs?: number;
}

/** What the user is told when a damaged file was found at start. */
export interface RecoveryNotice {
  file: string;
  reason: string;
  /** Snapshot the file was restored from, or null when no good copy existed. */
  restoredFrom: string | null;
  restoredFromDate: string | null;
  /** Where the damaged file was moved, kept for inspection. */
  movedTo: string;
}

/** A local edit: the store assigns rev and hlc. */
export interface LocalChange<D = Record<string, unknown>> {
  id?: string;
  kind: DocKind;
  owner: string;
  data: D;
  deleted?: boolean;
}

export type ChangeListener = (docs: Doc[]) => void;

interface Journal {
  format: 1;
  docs: Doc[];
}

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

  private constructor(private readonly opts: Required<StoreOptions>) {
    this.hlc = new Hlc(opts.node, opts.now);
    for (const kind of DOC_KINDS) this.byKind.set(kind, new Map());
  }

  static async open(options: StoreOptions): Promise<Store> {
    const store = new Store({ now: Date.now, snapshotIntervalMs: 10 * 60_000, ...options });
    await store.load();
    return store;
  }

  get dataDir(): string {
    return this.opts.dataDir;
  }

  get(id: string): Doc | undefined {
    return this.byId.get(id);
  }

  /** Current versions of a kind, deleted ones left out unless asked for. */
  list<D = Record<string, unknown>>(kind: DocKind, opts: { includeDeleted?: boolean } = {}): Doc<D>[] {
    const docs = [...(this.byKind.get(kind)?.values() ?? [])] as Doc<D>[];
    return opts.includeDeleted ? docs : docs.filter((d) => !d.deleted);
  }

  count(kind: DocKind): number {
    return this.byKind.get(kind)?.size ?? 0;
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Local edits by this installation. Resolves once every change is durable. */
  async write<D extends Record<string, unknown>>(changes: LocalChange<D>[]): Promise<Doc<D>[]> {
    return this.enqueue(async () => {
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
      return docs as Doc<D>[];
    });
  }

  /**
   * Store versions made elsewhere (an imported bundle, a chosen conflict version) exactly as
   * they are. The caller has decided they win; this only makes them durable, all or nothing.
   */
  async putVersions(docs: Doc[]): Promise<void> {
    if (docs.length === 0) return;
    await this.enqueue(async () => {
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
    if (this.dirtySinceSnapshot) await this.snapshot().catch(() => undefined);
    this.closed = true;
  }

  // ---- internals -------------------------------------------------------------------------

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store closed'));
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async persist(docs: Doc[]): Promise<void> {
    const touched = new Map<string, Doc[]>();
    for (const d of docs) {
      const rel = shardRelPath(d.kind, shardOf(d.kind, d.id));
      const list = touched.get(rel) ?? [];
      list.push(d);
      touched.set(rel, list);
    }
    const journal = path.join(this.opts.dataDir, DB_DIR, JOURNAL_FILE);
    if (touched.size > 1) {
      await writeFileDurable(journal, JSON.stringify({ format: 1, docs } satisfies Journal));
    }
    for (const [rel, list] of touched) await this.writeShard(rel, list);
    if (touched.size > 1) await removeDurable(journal);
    for (const d of docs) this.index(d);
    this.dirtySinceSnapshot = true;
    for (const l of this.listeners) l(docs);
    if (this.opts.now() - this.lastSnapshotAt >= this.opts.snapshotIntervalMs) {
      // Runs after this write is acknowledged, never in its way.
      this.lastSnapshotAt = this.opts.now();
      void this.enqueue(() => this.snapshot()).catch(() => undefined);
    }
  }

  private async writeShard(rel: string, docs: Doc[]): Promise<void> {
    const db = await this.shard(rel);
    const data = db.data;
    for (const d of docs) {
      const i = data.docs.findIndex((x) => x.id === d.id);
      if (i >= 0) data.docs[i] = d;
      else data.docs.push(d);
    }
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
    let db = this.shards.get(rel);
    if (!db) {
      const file = path.join(this.opts.dataDir, rel);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const adapter = new ShardFileAdapter(file);
      db = new Low<ShardData>(adapter, { format: 1, docs: [] });
      this.shards.set(rel, db);
      this.adapters.set(rel, adapter);
    }
    return db;
  }

  private index(d: Doc): void {
    const prev = this.byId.get(d.id);
    if (prev && prev.kind !== d.kind) this.byKind.get(prev.kind)?.delete(d.id);
    this.byId.set(d.id, d);
    this.byKind.get(d.kind)?.set(d.id, d);
  }

  private async load(): Promise<void> {
    const root = path.join(this.opts.dataDir, DB_DIR);
    await fs.mkdir(root, { recursive: true });
    for (const kind of DOC_KINDS) {
      const dir = path.join(root, kind);
      let names: string[];
      try {
        names = await fs.readdir(dir);
      } catch {
        continue;
      }
      for (const name of names) {
        if (name.startsWith('.') && name.endsWith('.tmp')) {
          // Temp file of a write that never reached its rename: the old version is intact.
          await fs.rm(path.join(dir, name), { force: true });
          continue;
        }
        if (!/^\d{3}\.json$/.test(name)) continue;
        const shardNo = Number(name.slice(0, 3));
        if (shardNo >= SHARDS_PER_KIND[kind]) continue;
        await this.loadShard(path.join(DB_DIR, kind, name));
      }
    }
    await this.replayJournal();
    for (const d of this.byId.values()) this.hlc.observe(d.hlc);
    // First snapshot of this session runs after open returns, off the start-up path.
    void this.enqueue(async () => {
      const snaps = await listSnapshots(this.opts.dataDir);
      const last = snaps.at(-1);
      const current = this.currentFiles();
      const changed =
        !last ||
        current.size !== Object.keys(last.files).length ||
        [...current.keys()].some((rel) => !last.files[rel]);
      if (changed || this.recoveries.length > 0) await this.snapshot();
      else this.lastSnapshotAt = Date.parse(last.createdAt) || 0;
    }).catch(() => undefined);
  }

  private async loadShard(rel: string): Promise<void> {
    const db = await this.shard(rel);
    try {
      await db.read();
    } catch (e) {
      if (!(e instanceof CorruptShardError)) throw e;
      await this.recover(rel, e.reason);
    }
    for (const d of db.data.docs) this.index(d);
  }

  /** A damaged shard: move it aside, restore the newest good backup copy, tell the user. */
  private async recover(rel: string, reason: string): Promise<void> {
    const file = path.join(this.opts.dataDir, rel);
    const stamp = new Date(this.opts.now()).toISOString().replace(/[:.]/g, '-');
    const movedTo = path.join(DAMAGED_DIR, stamp, rel);
    await fs.mkdir(path.dirname(path.join(this.opts.dataDir, movedTo)), { recursive: true });
    await fs.rename(file, path.join(this.opts.dataDir, movedTo));
    const good = await newestGoodCopy(this.opts.dataDir, rel);
    const db = await this.shard(rel);
    if (good) {
      const data = parseShard(file, good.text);
      await writeFileDurable(file, serialiseShard(data));
      db.data = data;
      const adapter = this.adapters.get(rel);
      if (adapter) adapter.lastWritten = good.text;
    } else {
      db.data = { format: 1, docs: [] };
    }
    this.recoveries.push({
      file: rel,
      reason,
      restoredFrom: good?.snapshot.name ?? null,
      restoredFromDate: good?.snapshot.createdAt ?? null,
      movedTo,
    });
  }

  /** Finish a multi-shard write that a crash interrupted (the journal holds all of it). */
  private async replayJournal(): Promise<void> {
    const file = path.join(this.opts.dataDir, DB_DIR, JOURNAL_FILE);
    let journal: Journal;
    try {
      journal = JSON.parse(await fs.readFile(file, 'utf8')) as Journal;
    } catch {
      await fs.rm(file, { force: true });
      return;
    }
    const touched = new Map<string, Doc[]>();
    for (const d of journal.docs) {
      const rel = shardRelPath(d.kind, shardOf(d.kind, d.id));
      touched.set(rel, [...(touched.get(rel) ?? []), d]);
    }
    for (const [rel, docs] of touched) await this.writeShard(rel, docs);
    for (const d of journal.docs) this.index(d);
    await removeDurable(file);
  }

  private currentFiles(): Map<string, string> {
    const files = new Map<string, string>();
    for (const [rel, adapter] of this.adapters) {
      if (adapter.lastWritten !== null) files.set(rel, adapter.lastWritten);
    }
    return files;
  }

  private async snapshot(): Promise<void> {
    await takeSnapshot(this.opts.dataDir, this.currentFiles(), new Date(this.opts.now()));
    this.lastSnapshotAt = this.opts.now();
    this.dirtySinceSnapshot = false;
  }
}

/** Newest version first by HLC; used to pick winners when two versions of a document meet. */
export function newerOf(a: Doc, b: Doc): Doc {
  return compareHlc(a.hlc, b.hlc) >= 0 ? a : b;
}

export { fsyncDir };
