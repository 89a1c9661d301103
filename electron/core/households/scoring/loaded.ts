import type { Doc } from '../../../domain/document';
import { tableStamp, type LoadedTables } from '../../../domain/households/classOf';
import type { ScoreTable } from '../../../domain/households/scoring/schema';
import type { Store } from '../../store/store';

/**
 * The score tables in a store by document id: what a household's class may follow (classOf.ts
 * decidingTable). One map per store, made on first use and dropped when a scoreTable document
 * changes. Readers that handle that same change (the household index, the summary rows) call
 * `changed` first, so the order of the store's listeners does not matter.
 */

const byStore = new WeakMap<Store, ScoreTables>();

export class ScoreTables {
  private map: Map<string, ScoreTable> | undefined;

  private constructor(private readonly store: Store) {
    store.onChange((docs) => {
      if (ScoreTables.touched(docs)) this.map = undefined;
    });
  }

  static of(store: Store): ScoreTables {
    let t = byStore.get(store);
    if (!t) {
      t = new ScoreTables(store);
      byStore.set(store, t);
    }
    return t;
  }

  /** Whether a change holds a score table document. */
  static touched(docs: readonly Doc[]): boolean {
    return docs.some((d) => d.kind === 'scoreTable');
  }

  /** Forget the map (a scoreTable document changed); the next `get` reads the store again. */
  changed(): void {
    this.map = undefined;
  }

  get(): LoadedTables {
    if (!this.map) {
      this.map = new Map();
      for (const d of this.store.listAs('scoreTable')) if (!d.deleted) this.map.set(d.id, d.data.table);
    }
    return this.map;
  }

  /** The official tables' ids and fingerprints: what a file of cached classes must have been made with. */
  officialKey(): string {
    return [...this.get()]
      .filter(([, t]) => !t.testOnly)
      .map(([id, t]) => `${id}:${tableStamp(t)}`)
      .sort()
      .join(',');
  }
}
