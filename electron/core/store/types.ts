import type { Doc, DocKind } from '../../domain/document';

export interface StoreOptions {
  dataDir: string;
  /** Short installation id; the node part of every HLC stamp this store makes. */
  node: string;
  now?: () => number;
  /** Minimum time between automatic snapshots after writes. */
  snapshotIntervalMs?: number;
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
