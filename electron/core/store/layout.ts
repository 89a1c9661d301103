import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { DocKind } from '../../domain/document';
import { DOCUMENT_KINDS } from '../../domain/documentKinds';

/**
 * Store layout: one folder per document kind, each split into a fixed number of shard files
 * chosen by a hash of the document id. An edit rewrites one shard, so its cost depends on the
 * shard size (about total / shards), not on the whole data set. Households are the big
 * collection (tens of thousands per district, hundreds of thousands at the Sở): 512 shards keep
 * a shard near 100 KB at 50k households; small kinds need few. The counts are the registry's
 * (domain/documentKinds); changing one moves documents between files, so it needs a migration.
 */
const shardsOf = (kind: DocKind): number => DOCUMENT_KINDS[kind].shards;

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
  return hashId(id) % shardsOf(kind);
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
    if (/^\d{3}\.json$/.test(name) && Number(name.slice(0, 3)) < shardsOf(kind)) rels.push(path.join(DB_DIR, kind, name));
  }
  return rels;
}
