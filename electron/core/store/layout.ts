import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DocKind } from '../../domain/document';

/**
 * Store layout: one folder per document kind, each split into a fixed number of shard files
 * chosen by a hash of the document id. An edit rewrites one shard, so its cost depends on the
 * shard size (about total / shards), not on the whole data set. Households are the big
 * collection (tens of thousands per district, hundreds of thousands at the Sở): 512 shards keep
 * a shard near 100 KB at 50k households; small kinds need few.
 */
export const SHARDS_PER_KIND: Record<DocKind, number> = {
  orgUnit: 1,
  field: 1,
  directive: 4,
  task: 8,
  progress: 16,
  review: 8,
  report: 8,
  reportForm: 1,
  target: 4,
  reportReview: 4,
  household: 512,
  commune: 4,
  attachment: 8,
  audit: 32,
  conflict: 4,
  peer: 1,
  setting: 1,
};

export const DB_DIR = 'db';
export const JOURNAL_FILE = 'journal.json';
export const BACKUP_DIR = 'backups';
export const DAMAGED_DIR = 'damaged';

/** FNV-1a, 32 bit: stable across runs and platforms. */
export function hashId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function shardOf(kind: DocKind, id: string): number {
  return hashId(id) % SHARDS_PER_KIND[kind];
}

export function shardRelPath(kind: DocKind, shard: number): string {
  return path.join(DB_DIR, kind, `${String(shard).padStart(3, '0')}.json`);
}

/**
 * The shard files of one kind present on disk (paths relative to the data folder), in name
 * order. Temp files of writes that never reached their rename are removed on the way: the old
 * version they were replacing is intact. Files that are not shards of this layout are ignored.
 */
export async function shardFilesOnDisk(dataDir: string, kind: DocKind): Promise<string[]> {
  const dir = path.join(dataDir, DB_DIR, kind);
  let names: string[];
  try {
    names = (await fs.readdir(dir)).sort();
  } catch {
    return [];
  }
  const rels: string[] = [];
  for (const name of names) {
    if (name.startsWith('.') && name.endsWith('.tmp')) {
      await fs.rm(path.join(dir, name), { force: true });
      continue;
    }
    if (/^\d{3}\.json$/.test(name) && Number(name.slice(0, 3)) < SHARDS_PER_KIND[kind]) rels.push(path.join(DB_DIR, kind, name));
  }
  return rels;
}
