import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Doc } from '../../domain/document';
import { DAMAGED_DIR } from './layout';
import { newestGoodCopy } from './backups';
import { parseShard, parseShardUnchecked, serialiseShard, type ShardData } from './shardFile';
import { writeFileDurable } from './durableFile';
import { isSealed, type DataCipher } from './sealedFile';

/**
 * A record a recovery touched, named so the user knows what to check or enter again:
 * - lost: the damaged file held it and the backup does not (made after the backup);
 * - rolledBack: the backup holds an older version (changes since the backup are gone);
 * - repaired: the damaged bytes were inside it and the backup holds the same version intact.
 */
export interface RecoveredRecord {
  id: string;
  kind: string;
  /** What a person calls it: the household head's name, a task's content; else the id. */
  label: string;
  outcome: 'lost' | 'rolledBack' | 'repaired';
  /** The stamp of the version the damaged file held, when it could be read. */
  hlc: string | null;
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
  /** The records lost, rolled back or repaired by this recovery. */
  records: RecoveredRecord[];
}

/** Lines of a log (`file`, under the data folder) that did not open at replay: skipped, nothing restored. */
export function unreadableLogNotice(file: string, count: number): RecoveryNotice {
  return { file, reason: `${count} unreadable log entries`, restoredFrom: null, restoredFromDate: null, movedTo: '', records: [] };
}

export function recordLabel(d: Pick<Doc, 'id' | 'data'>): string {
  const data = (d.data ?? {}) as Record<string, unknown>;
  for (const key of ['headName', 'name', 'title', 'content']) {
    const v = data[key];
    if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 80);
  }
  return d.id;
}

/**
 * The versions a damaged file still shows: all of them when its JSON parses (the damage sits in
 * a value), else those whose head (id, kind, owner, rev, hlc, as the store writes them) can
 * still be read from the text.
 */
function versionsInDamaged(file: string, text: string): Map<string, { kind: string; rev: number; hlc: string; doc: Doc | null }> {
  const out = new Map<string, { kind: string; rev: number; hlc: string; doc: Doc | null }>();
  try {
    for (const d of parseShardUnchecked(file, text).docs) out.set(d.id, { kind: d.kind, rev: d.rev, hlc: d.hlc, doc: d });
    return out;
  } catch {
    // not JSON any more: read what heads remain
  }
  const head = /\{"id":"([^"\\]{1,200})","kind":"([a-zA-Z]{1,40})","owner":"[^"\\]{0,64}","rev":(\d{1,9}),"hlc":"([^"\\]{1,64})"/g;
  for (const m of text.matchAll(head)) out.set(m[1] as string, { kind: m[2] as string, rev: Number(m[3]), hlc: m[4] as string, doc: null });
  return out;
}

/** Which records the swap from the damaged file to the backup copy loses, rolls back or repairs. */
export function compareRecovered(file: string, damagedText: string | null, restored: readonly Doc[]): RecoveredRecord[] {
  const records: RecoveredRecord[] = [];
  const seen = damagedText === null ? new Map() : versionsInDamaged(file, damagedText);
  const backup = new Map(restored.map((d) => [d.id, d]));
  for (const [id, v] of seen) {
    const b = backup.get(id);
    if (!b) {
      records.push({ id, kind: v.kind, label: v.doc ? recordLabel(v.doc) : id, outcome: 'lost', hlc: v.hlc });
    } else if (b.hlc !== v.hlc || b.rev !== v.rev) {
      records.push({ id, kind: b.kind, label: recordLabel(v.doc ?? b), outcome: 'rolledBack', hlc: v.hlc });
    } else if (v.doc && JSON.stringify(v.doc) !== JSON.stringify(b)) {
      records.push({ id, kind: b.kind, label: recordLabel(b), outcome: 'repaired', hlc: v.hlc });
    }
  }
  // In the backup and nowhere readable in the damaged file: its newer state cannot be known.
  for (const b of restored) if (!seen.has(b.id)) records.push({ id: b.id, kind: b.kind, label: recordLabel(b), outcome: 'rolledBack', hlc: null });
  return records;
}

/**
 * A damaged shard file: move it aside (never overwrite it), put back the newest backup copy
 * whose bytes still match their recorded hash, and say what happened, naming the records.
 * Without a good copy the shard starts empty and the notice names what the damaged file held.
 */
export async function restoreDamagedShard(
  dataDir: string,
  rel: string,
  reason: string,
  now: Date,
  cipher: DataCipher | null = null,
): Promise<{ data: ShardData; text: string | null; notice: RecoveryNotice }> {
  const file = path.join(dataDir, rel);
  const movedTo = path.join(DAMAGED_DIR, now.toISOString().replace(/[:.]/g, '-'), rel);
  const damagedBytes = await fs.readFile(file).catch(() => null);
  await fs.mkdir(path.dirname(path.join(dataDir, movedTo)), { recursive: true });
  if (cipher && damagedBytes && !isSealed(damagedBytes)) {
    // A plain file where a sealed one belongs (or one damaged before migration): its copy in
    // damaged/ is sealed like everything else, so personal data never stays there in plain.
    await writeFileDurable(path.join(dataDir, movedTo), cipher.seal(rel, damagedBytes));
    await fs.rm(file, { force: true });
  } else {
    await fs.rename(file, path.join(dataDir, movedTo));
  }
  // What the damaged file still shows, only to name its records in the notice: a sealed file
  // whose tag fails is read without authentication here (sealedFile.ts, openUnverified).
  const damagedText = damagedBytes === null ? null : (cipher && isSealed(damagedBytes) ? cipher.openUnverified(damagedBytes) : damagedBytes)?.toString('utf8') ?? null;
  const good = await newestGoodCopy(dataDir, rel, cipher, (text) => void parseShard(file, text));
  const data = good ? parseShard(file, good.text) : { format: 1 as const, docs: [] };
  const notice: RecoveryNotice = {
    file: rel,
    reason,
    restoredFrom: good?.snapshot.name ?? null,
    restoredFromDate: good?.snapshot.createdAt ?? null,
    movedTo,
    records: compareRecovered(rel, damagedText, data.docs),
  };
  if (!good) return { data, text: null, notice };
  const text = serialiseShard(data);
  await writeFileDurable(file, cipher ? cipher.seal(rel, text) : text);
  return { data, text, notice };
}

/**
 * A record a recovery called lost or rolled back whose damaged version the journal or the log
 * has put back (`current` holds the same or a newer version) was not lost after all.
 */
export function forgetRecordsReplayed(notices: RecoveryNotice[], current: (id: string) => Doc | undefined): void {
  for (const notice of notices) {
    notice.records = notice.records.filter((r) => {
      if (r.outcome === 'repaired' || r.hlc === null) return true;
      const now = current(r.id);
      return !now || now.hlc < r.hlc;
    });
  }
}
