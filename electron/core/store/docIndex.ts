import type { Doc, DocKind } from '../../domain/document';
import { DOC_KINDS } from '../../domain/document';
import { parseData, type DataOf } from '../../domain/documentKinds';

const NONE: ReadonlyMap<string, Doc> = new Map();

/**
 * The store's in-memory index of current versions: by id, and by kind for listing. Versions are
 * never changed in place, so a version's typed form (its data read through its kind's schema)
 * is made once and cached.
 */
export class DocIndex {
  private readonly byId = new Map<string, Doc>();
  private readonly byKind = new Map<DocKind, Map<string, Doc>>();
  /** Typed versions are made once per stored version (versions are never changed in place). */
  private readonly typedCache = new WeakMap<Doc, Doc<unknown> | null>();

  constructor() {
    for (const kind of DOC_KINDS) this.byKind.set(kind, new Map());
  }

  get(id: string): Doc | undefined {
    return this.byId.get(id);
  }

  /** Current versions of a kind, deleted ones included, as held (not copied). */
  ofKind(kind: DocKind): ReadonlyMap<string, Doc> {
    return this.byKind.get(kind) ?? NONE;
  }

  put(d: Doc): void {
    const prev = this.byId.get(d.id);
    if (prev && prev.kind !== d.kind) this.byKind.get(prev.kind)?.delete(d.id);
    this.byId.set(d.id, d);
    this.byKind.get(d.kind)?.set(d.id, d);
  }

  /**
   * put() for every document of a shard just read, in the one pass that also finds the newest
   * stamp: the kind's map is looked up once per shard, and an id seen before (a document that
   * changed kind) is told by the map not growing rather than by a lookup per document.
   */
  putShard(kind: DocKind, docs: readonly Doc[], newest: string): string {
    const byId = this.byId;
    const ofKind = this.byKind.get(kind) as Map<string, Doc>;
    for (const d of docs) {
      if (d.hlc > newest) newest = d.hlc;
      if (d.kind !== kind) {
        this.put(d);
        continue;
      }
      const size = byId.size;
      byId.set(d.id, d);
      if (byId.size === size) for (const [k, m] of this.byKind) if (k !== kind) m.delete(d.id);
      ofKind.set(d.id, d);
    }
    return newest;
  }

  typed<K extends DocKind>(kind: K, d: Doc): Doc<DataOf<K>> | undefined {
    let t = this.typedCache.get(d);
    if (t === undefined) {
      const data = parseData(kind, d.data);
      t = data === undefined ? null : { ...d, data };
      this.typedCache.set(d, t);
    }
    // The cache holds what parseData(kind) returned for a document of this kind.
    return (t ?? undefined) as Doc<DataOf<K>> | undefined;
  }
}
