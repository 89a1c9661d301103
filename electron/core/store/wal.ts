import { promises as fs, readFileSync } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Doc } from '../../domain/document';
import { fsyncDir } from './durableFile';
import type { DataCipher } from './sealedFile';

/**
 * A single-shard write goes to the write-ahead log when its shard holds at least this many
 * documents (households at district scale); smaller shards are cheaper to rewrite in place and
 * their file then holds the truth at once.
 */
export const WAL_MIN_SHARD_DOCS = 24;
/** The log is emptied into the shards once it holds this much, or this many shards wait... */
export const WAL_MAX_BYTES = 1 << 20;
export const WAL_MAX_SHARDS = 64;
/** ...or after this long without writes. */
export const WAL_IDLE_MS = 1000;

/**
 * The write-ahead log of single-shard edits to large shards. Rewriting a shard of a hundred
 * households durably costs a temp file, two fsyncs (file and folder) and 60-70 KB of writing;
 * appending the changed document to this log costs one small append and one fsync, which is
 * what an edit at district scale must cost. The store applies the entry in memory, acknowledges
 * it, and rewrites the touched shards later in one batch (compaction), then empties the log.
 *
 * Each entry is one line of JSON. A crash while appending leaves at most a torn last line, which
 * was never acknowledged and is dropped on replay; a complete line is applied even if its
 * acknowledgement never reached the caller (as a write that landed just before the crash).
 *
 * With the folder's data key each line is one sealed entry in base64 (sealedFile.ts), sealed at
 * the place `db/wal.log#<line number>`: entries cannot be reordered, repeated or moved into
 * another file without failing to open.
 */
export const WAL_FILE = 'wal.log';

export interface WalReplay {
  entries: Doc[][];
  /** Lines that could not be read other than a torn last one (a damaged disk). */
  damaged: number;
  /** The file holds anything at all (a torn line too): it must be emptied before new appends. */
  nonEmpty: boolean;
}

const WAL_REL = `db/${WAL_FILE}`;
/** Where a line is sealed: the log's place in the data folder and the line's number. */
const entryPlace = (line: number, rel: string = WAL_REL): string => `${rel}#${line}`;

/**
 * The documents of one line of a log (line `index`, counted from 0, sealed at `rel`). Throws
 * when the line does not open or is not an entry.
 */
export function openLogLine(line: string, index: number, cipher: DataCipher | null, rel: string = WAL_REL): Doc[] {
  // A plain line (a log written before encryption) is read only while plain files are.
  const plain = !cipher || (cipher.acceptPlain && line.startsWith('{')) ? line : cipher.open(entryPlace(index, rel), Buffer.from(line, 'base64')).toString('utf8');
  const value = JSON.parse(plain) as { docs?: unknown };
  if (!Array.isArray(value.docs)) throw new Error('no docs');
  return value.docs as Doc[];
}

export class WriteAheadLog {
  private handle: FileHandle | null = null;
  /** Bytes appended since the log was last emptied. */
  bytes = 0;
  /** An append failed and could not be undone: no more appends until the log is emptied. */
  broken = false;
  /** Lines appended since the log was last emptied: the next entry's line number. */
  private lines = 0;

  /**
   * `rel` is the place entries are sealed at (the WAL's own by default; a bulk write's staging
   * file is sealed at the name it is renamed to, bulkWrite.ts).
   */
  constructor(
    readonly file: string,
    private readonly cipher: DataCipher | null = null,
    private readonly rel: string = WAL_REL,
  ) {}

  /** Appends one entry and returns once it is on disk. */
  async append(docs: readonly Doc[]): Promise<void> {
    if (!this.handle) {
      this.handle = await fs.open(this.file, 'a');
      await fsyncDir(path.dirname(this.file)); // the file's own name must survive a power cut
    }
    const json = JSON.stringify({ docs });
    const line = `${this.cipher ? this.cipher.seal(entryPlace(this.lines, this.rel), json).toString('base64') : json}\n`;
    try {
      await this.handle.appendFile(line, 'utf8');
      await this.handle.datasync();
    } catch (e) {
      // Never leave a fragment that the next entry would be glued to.
      await this.handle.truncate(this.bytes).catch(() => {
        this.broken = true;
      });
      throw e;
    }
    this.bytes += Buffer.byteLength(line);
    this.lines++;
  }

  /** Empties the log, durably: called once every entry is in its shard file. */
  async clear(): Promise<void> {
    if (this.handle) {
      await this.handle.truncate(0);
      await this.handle.sync();
    } else {
      const h = await fs.open(this.file, 'r+').catch(() => null);
      if (h) {
        try {
          await h.truncate(0);
          await h.sync();
        } finally {
          await h.close();
        }
      }
    }
    this.bytes = 0;
    this.lines = 0;
    this.broken = false;
  }

  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = null;
  }

  /** Entries left by the last session, oldest first. */
  /**
   * A log written before encryption, sealed line by line (migration, atRest/migrate.ts); a torn
   * last line, never acknowledged, is dropped.
   */
  static sealText(text: string, cipher: DataCipher): string {
    const out: string[] = [];
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        JSON.parse(line);
      } catch {
        continue; // torn or damaged: replay would drop it too
      }
      out.push(`${cipher.seal(entryPlace(out.length), line).toString('base64')}\n`);
    }
    return out.join('');
  }

  static read(file: string, cipher: DataCipher | null = null): WalReplay {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], damaged: 0, nonEmpty: false };
      throw e;
    }
    const lines = text.split('\n');
    const entries: Doc[][] = [];
    let damaged = 0;
    lines.forEach((line, i) => {
      if (line === '') return;
      try {
        entries.push(openLogLine(line, i, cipher));
      } catch {
        // The last line may be torn by a crash mid-append; anything else is damage.
        if (i < lines.length - 1) damaged++;
      }
    });
    return { entries, damaged, nonEmpty: text.length > 0 };
  }
}
