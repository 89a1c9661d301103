import type { Doc, DocKind } from '../../domain/document';
import type { DataOf } from '../../domain/documentKinds';
import type { DataCipher } from './sealedFile';

export interface StoreOptions {
  dataDir: string;
  /** Short installation id; the node part of every HLC stamp this store makes. */
  node: string;
  now?: () => number;
  /** Minimum time between automatic snapshots after writes. */
  snapshotIntervalMs?: number;
  /**
   * The folder cannot be written (read-only medium, no permission): everything is read, a log or
   * journal left by a crash is applied in memory only, and every write is refused with READ_ONLY.
   */
  readOnly?: boolean;
  /**
   * The folder's data key (sealedFile.ts): every file under db/ (shards, journal, log entries,
   * their backup copies) is sealed with it. The app always passes one (core/atRest); without
   * one the store writes plain files (store-level tests, tools).
   */
  cipher?: DataCipher | null;
}

/**
 * A local edit: the store assigns rev and hlc. Its data has its kind's type (the registry's
 * schema, domain/documentKinds); the store checks the value again when it is written.
 */
export type LocalChange = {
  [K in DocKind]: { id?: string; kind: K; owner: string; data: DataOf<K>; deleted?: boolean };
}[DocKind];

export type ChangeListener = (docs: Doc[]) => void;
