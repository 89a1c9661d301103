import { isAscii, transcode } from 'node:buffer';
import { promises as fs, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { Adapter } from 'lowdb';
import { writeFileDurable } from './durableFile';
import { SealBrokenError, type DataCipher } from './sealedFile';
import type { Doc } from '../../domain/document';

/** What one shard file holds: the current version of each of its documents. */
export interface ShardData {
  format: 1;
  docs: Doc[];
}

export class CorruptShardError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`corrupt shard ${file}: ${reason}`);
  }
}

/**
 * A shard file carries a SHA-256 of its documents so that silent damage (a bit flipped by a
 * disk, a tool writing in place) is caught on read, even where the JSON still parses and the
 * flip sits inside a name, an ID number or an income. The layout is fixed so the hash covers
 * exactly the bytes of the docs array and can be checked on the raw bytes before decoding:
 *   {"format":1,"sha256":"<64 hex>","docs":[...]}
 * Files written before the checksum start with {"format":1,"docs": and are still read (they get
 * a checksum at their next write); anything else is damage.
 */
const CHECKED_HEAD = '{"format":1,"sha256":"';
const CHECKED_MID = '","docs":';
const DOCS_AT = CHECKED_HEAD.length + 64 + CHECKED_MID.length;
const LEGACY_HEAD = '{"format":1,"docs":';

function sha256Hex(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Checks the stored checksum against the docs bytes; `bytes` (the file as read) spares an
 * encode when given. Returns normally for a legacy file without a checksum.
 */
export function verifyShardChecksum(file: string, text: string, bytes?: Buffer): void {
  if (text.startsWith(LEGACY_HEAD)) return;
  if (!text.startsWith(CHECKED_HEAD) || text.slice(DOCS_AT - CHECKED_MID.length, DOCS_AT) !== CHECKED_MID || !text.endsWith('}')) {
    throw new CorruptShardError(file, text.length === 0 ? 'empty' : 'truncated or not JSON');
  }
  const expected = text.slice(CHECKED_HEAD.length, CHECKED_HEAD.length + 64);
  // The head is ASCII, so character offsets are byte offsets up to the docs.
  const actual = bytes ? sha256Hex(bytes.subarray(DOCS_AT, bytes.length - 1)) : sha256Hex(text.slice(DOCS_AT, -1));
  if (actual !== expected) throw new CorruptShardError(file, 'checksum mismatch');
}

/** Structural check that is cheap enough for a cold open of 50k documents. */
export function parseShard(file: string, text: string, bytes?: Buffer): ShardData {
  verifyShardChecksum(file, text, bytes);
  return parseShardUnchecked(file, text);
}

/** The structure of a shard without its checksum: for telling what a damaged file still held. */
export function parseShardUnchecked(file: string, text: string): ShardData {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CorruptShardError(file, text.length === 0 ? 'empty' : 'truncated or not JSON');
  }
  if (typeof value !== 'object' || value === null) throw new CorruptShardError(file, 'not an object');
  const v = value as { format?: unknown; docs?: unknown };
  if (v.format !== 1 || !Array.isArray(v.docs)) throw new CorruptShardError(file, 'wrong format');
  for (const d of v.docs as unknown[]) {
    const doc = d as Partial<Doc> | null;
    if (!doc || typeof doc.id !== 'string' || typeof doc.kind !== 'string' || typeof doc.hlc !== 'string') {
      throw new CorruptShardError(file, 'document without id, kind or hlc');
    }
  }
  return { format: 1, docs: v.docs as Doc[] };
}

/**
 * A file's bytes as text: the same string as `bytes.toString('utf8')`, made faster. V8 makes
 * that string with a scalar decoder that goes over the bytes twice and is slow as soon as a few
 * letters are not ASCII (Vietnamese names); it is most of the cost of reading a shard (80 ms
 * of the 95 ms it takes to read 30 MB of household shards on the bench machine). ICU's strict
 * UTF-8 to UTF-16 conversion, whose result V8 only copies, does it in about four fifths of the
 * time. Bytes that are not valid UTF-8 (which ICU refuses) and builds without ICU take V8's
 * way, so a damaged file decodes exactly as before (U+FFFD for bad bytes); a BOM is kept.
 */
export function decodeUtf8(bytes: Buffer): string {
  if (isAscii(bytes)) return bytes.toString('latin1');
  if (typeof transcode === 'function') {
    try {
      return transcode(bytes, 'utf8', 'utf16le').toString('utf16le');
    } catch {
      // not valid UTF-8: fall through
    }
  }
  return bytes.toString('utf8');
}

export function serialiseShard(data: ShardData): string {
  const docs = JSON.stringify(data.docs);
  return `${CHECKED_HEAD}${sha256Hex(docs)}${CHECKED_MID}${docs}}`;
}

/**
 * lowdb adapter for one shard: reads with a structural check (a damaged file throws instead of
 * being taken for empty) and writes durably. Built explicitly rather than with lowdb's presets,
 * which switch to memory under NODE_ENV=test.
 */
export class ShardFileAdapter implements Adapter<ShardData> {
  /** Bytes of a file put back from a backup (recovery), kept as they were restored. */
  lastWritten: string | null = null;
  /**
   * What the file holds, as last read or written, when its text was not kept: 50,000 records are
   * 36 MB of text (110,000 imported ones about 150 MB of string) that would otherwise stay in
   * memory, and in the garbage collector's way, until the next snapshot. The text is
   * serialiseShard(data), the same bytes the file holds, made again only for a snapshot (which
   * first writes out whatever the write-ahead log applied to the data in memory).
   */
  private loaded: ShardData | null = null;

  /** The file's bytes as last read or written, or null when it does not exist. */
  text(): string | null {
    return this.lastWritten ?? (this.loaded ? serialiseShard(this.loaded) : null);
  }

  hasText(): boolean {
    return this.lastWritten !== null || this.loaded !== null;
  }

  /**
   * `rel` is the file's place in the data folder; with a cipher the file is sealed with the
   * folder's data key at that place (sealedFile.ts) and never written in plain.
   */
  constructor(
    readonly file: string,
    readonly rel: string = file,
    readonly cipher: DataCipher | null = null,
  ) {}

  /** The plain bytes of the file as read; a file that does not open is a damaged shard. */
  private plain(bytes: Buffer): Buffer {
    if (!this.cipher) return bytes;
    try {
      return this.cipher.read(this.rel, bytes);
    } catch (e) {
      if (e instanceof SealBrokenError) throw new CorruptShardError(this.file, 'does not decrypt (altered, moved or sealed with another key)');
      throw e;
    }
  }

  async read(): Promise<ShardData | null> {
    let bytes: Buffer;
    try {
      bytes = this.plain(await fs.readFile(this.file));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    const text = decodeUtf8(bytes);
    const data = parseShard(this.file, text, bytes);
    this.lastWritten = null;
    this.loaded = data;
    return data;
  }

  /** The same as read(), synchronously: opening a folder reads hundreds of small shards. */
  readSync(): ShardData | null {
    let text: string;
    let bytes: Buffer;
    try {
      bytes = readFileSync(this.file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    bytes = this.plain(bytes);
    text = decodeUtf8(bytes);
    const data = parseShard(this.file, text, bytes);
    this.lastWritten = null;
    this.loaded = data;
    return data;
  }

  async write(data: ShardData): Promise<void> {
    const text = serialiseShard(data);
    await writeFileDurable(this.file, this.cipher ? this.cipher.seal(this.rel, text) : text);
    this.lastWritten = null;
    this.loaded = data;
  }
}
