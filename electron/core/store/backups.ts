import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { BACKUP_DIR, DB_DIR } from './layout';
import type { DataCipher } from './sealedFile';
import { fsyncDir, writeFileDurable } from './durableFile';
import { stateFilesForBackup } from './stateFiles';

/**
 * Rolling backups of the data folder. A snapshot is a folder holding a copy of every shard
 * file plus `snapshot.json` (file -> sha256). Unchanged files are hard-linked to the previous
 * snapshot's copy, so a snapshot costs only the shards that changed. Copies are separate from
 * the live files, so damage to a live file (an antivirus or tool writing in place, a disk
 * error) does not reach the backups.
 *
 * Kept: the last KEEP_RECENT snapshots, plus the newest of each day for KEEP_DAYS days.
 */
export const KEEP_RECENT = 10;
export const KEEP_DAYS = 7;

export interface SnapshotInfo {
  name: string;
  createdAt: string;
  files: Record<string, string>;
}

export const SNAPSHOT_META = 'snapshot.json';

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Store files (everything under db/) are sealed with the data key; state files stay plain. */
export function isStoreFile(rel: string): boolean {
  return rel.split('\\').join('/').startsWith(`${DB_DIR}/`);
}

function stampName(date: Date, seq: number): string {
  return `${date.toISOString().replace(/[:.]/g, '-')}_${String(seq).padStart(4, '0')}`;
}

export async function listSnapshots(dataDir: string): Promise<SnapshotInfo[]> {
  const root = path.join(dataDir, BACKUP_DIR);
  let names: string[];
  try {
    names = await fs.readdir(root);
  } catch {
    return [];
  }
  const out: SnapshotInfo[] = [];
  for (const name of names.sort()) {
    try {
      const meta = JSON.parse(await fs.readFile(path.join(root, name, SNAPSHOT_META), 'utf8')) as SnapshotInfo;
      out.push({ ...meta, name });
    } catch {
      // An unfinished snapshot (crash while taking it) has no meta file: not a backup.
    }
  }
  return out; // oldest first
}

/**
 * Take a snapshot. `files` maps a path relative to the data folder to the bytes last written
 * there (known good: we wrote them), in plain. With a cipher, store files are sealed at their
 * live place (a copy can be put back as it is); the recorded hash is of the plain bytes, so an
 * unchanged shard is still hard-linked to the previous snapshot's copy.
 */
/** A file's text for a snapshot, or how to make it when its turn comes. */
export type SnapshotText = string | (() => string);

export async function takeSnapshot(
  dataDir: string,
  shardFiles: Map<string, SnapshotText>,
  now: Date,
  cipher: DataCipher | null = null,
): Promise<SnapshotInfo> {
  let files = shardFiles;
  const existing = await listSnapshots(dataDir);
  const prev = existing.at(-1);
  const name = stampName(now, existing.length);
  const dir = path.join(dataDir, BACKUP_DIR, name);
  const hashes: Record<string, string> = {};
  // The installation's state (settings, trusted peers, sealed keys) is backed up with the shards.
  for (const [rel, text] of await stateFilesForBackup(dataDir)) if (!files.has(rel)) files = new Map([...files, [rel, text]]);
  for (const [rel, textOrMake] of files) {
    const text = typeof textOrMake === 'string' ? textOrMake : textOrMake();
    const hash = sha256(text);
    hashes[rel] = hash;
    const target = path.join(dir, rel);
    await fs.mkdir(path.dirname(target), { recursive: true });
    if (prev && prev.files[rel] === hash) {
      try {
        await fs.link(path.join(dataDir, BACKUP_DIR, prev.name, rel), target);
        continue;
      } catch {
        // fall through to a copy (file system without hard links)
      }
    }
    await fs.writeFile(target, cipher && isStoreFile(rel) ? cipher.seal(rel, text) : text);
  }
  const info: SnapshotInfo = { name, createdAt: now.toISOString(), files: hashes };
  // The meta file is written last and durably: its presence marks a complete snapshot.
  await writeFileDurable(path.join(dir, SNAPSHOT_META), JSON.stringify(info));
  await prune(dataDir, [...existing, info], now);
  return info;
}

/** Which snapshots to keep: pure, so the policy has a table of tests. */
export function snapshotsToKeep(snapshots: SnapshotInfo[], now: Date): Set<string> {
  const keep = new Set<string>();
  for (const s of snapshots.slice(-KEEP_RECENT)) keep.add(s.name);
  const byDay = new Map<string, SnapshotInfo>();
  const oldest = now.getTime() - KEEP_DAYS * 86_400_000;
  for (const s of snapshots) {
    const t = Date.parse(s.createdAt);
    if (t < oldest) continue;
    byDay.set(s.createdAt.slice(0, 10), s); // newest of the day wins (input is oldest first)
  }
  for (const s of byDay.values()) keep.add(s.name);
  return keep;
}

async function prune(dataDir: string, snapshots: SnapshotInfo[], now: Date): Promise<void> {
  const keep = snapshotsToKeep(snapshots, now);
  for (const s of snapshots) {
    if (!keep.has(s.name)) await fs.rm(path.join(dataDir, BACKUP_DIR, s.name), { recursive: true, force: true });
  }
  await fsyncDir(path.join(dataDir, BACKUP_DIR)).catch(() => undefined);
}

/** The newest snapshot copy of `rel` whose bytes still match the recorded hash. */
export async function newestGoodCopy(
  dataDir: string,
  rel: string,
  cipher: DataCipher | null = null,
  /** Throws when the copy is unusable although its hash matches (a shard whose own checksum fails). */
  check: (text: string) => void = () => {},
): Promise<{ snapshot: SnapshotInfo; text: string } | null> {
  const snapshots = await listSnapshots(dataDir);
  for (const s of [...snapshots].reverse()) {
    const expected = s.files[rel];
    if (!expected) continue;
    try {
      const bytes = await fs.readFile(path.join(dataDir, BACKUP_DIR, s.name, rel));
      // A sealed copy that does not open (altered) throws: an older snapshot is tried.
      const text = (cipher && isStoreFile(rel) ? cipher.read(rel, bytes) : bytes).toString('utf8');
      if (sha256(text) !== expected) continue;
      // A snapshot taken after the damage (at an open, before the shard was first read) holds the
      // damaged bytes under their own hash: only the shard's checksum tells it apart.
      check(text);
      return { snapshot: s, text };
    } catch {
      // missing or unreadable copy: try an older snapshot
    }
  }
  return null;
}
