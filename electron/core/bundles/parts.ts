import { z } from 'zod';
import { decodeUtf8Strict, sha256Hex, utf8 } from './bytes';
import { bundleError } from './errors';
import { DEFAULT_LIMITS } from './limits';
import { BundleIdSchema, MANIFEST_ENTRY, ManifestSchema, OfficeCodeSchema, Sha256HexSchema } from './manifest';
import { readContainer } from './zip';

/**
 * Parts for email size limits. A part is a self-describing file:
 *
 *   "SOVIEC-PART/1\n" | header JSON | "\n" | a slice of the bundle
 *
 * Splitting is an outer layer: the bundle inside is byte-identical, so its signature and
 * hash do not depend on how it travelled. The header names the bundle (id and sha256 of
 * the whole file) so parts of different bundles never mix, and carries its own sha256 so
 * a damaged part is named. from/to/seq are copied from the (unverified) manifest only to
 * say which bundle is missing parts; they are not trusted for anything else.
 */
const MAGIC = utf8('SOVIEC-PART/1\n');
const MAX_HEADER_BYTES = 1024;
const MIN_PART_BYTES = 4096;

const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
export const PartHeaderSchema = z
  .strictObject({
    bundleId: BundleIdSchema,
    bundleSha256: Sha256HexSchema,
    bundleSize: count,
    index: z.number().int().min(1),
    count: z.number().int().min(1).max(9999),
    offset: count,
    size: count,
    sha256: Sha256HexSchema,
    from: OfficeCodeSchema,
    to: OfficeCodeSchema,
    seq: z.number().int().min(1),
  })
  .refine((h) => h.index <= h.count, 'index <= count');
export type PartHeader = z.infer<typeof PartHeaderSchema>;

export interface BundlePart {
  index: number;
  count: number;
  bytes: Uint8Array;
}

export interface JoinedBundle {
  bytes: Uint8Array;
  bundleId: string;
  bundleHash: string;
  /** Identical copies of a part given more than once (e.g. a folder scanned twice). */
  duplicatesIgnored: number;
}

/** Splits into parts of at most maxPartBytes each, header included. */
export function splitBundle(bytes: Uint8Array, maxPartBytes: number): BundlePart[] {
  if (!Number.isInteger(maxPartBytes) || maxPartBytes < MIN_PART_BYTES) {
    throw new Error(`splitBundle: maxPartBytes must be an integer >= ${MIN_PART_BYTES}`);
  }
  const m = peekManifest(bytes);
  const chunk = maxPartBytes - MAGIC.length - MAX_HEADER_BYTES - 1;
  const total = Math.max(1, Math.ceil(bytes.length / chunk));
  if (total > 9999) throw new Error('splitBundle: more than 9999 parts; raise maxPartBytes');
  const bundleSha256 = sha256Hex(bytes);
  const parts: BundlePart[] = [];
  for (let i = 0; i < total; i++) {
    const slice = bytes.subarray(i * chunk, Math.min(bytes.length, (i + 1) * chunk));
    const header: PartHeader = {
      bundleId: m.bundleId,
      bundleSha256,
      bundleSize: bytes.length,
      index: i + 1,
      count: total,
      offset: i * chunk,
      size: slice.length,
      sha256: sha256Hex(slice),
      from: m.from,
      to: m.to,
      seq: m.seq,
    };
    const head = utf8(JSON.stringify(header));
    if (head.length > MAX_HEADER_BYTES) throw new Error('splitBundle: part header too long');
    parts.push({ index: i + 1, count: total, bytes: Buffer.concat([MAGIC, head, utf8('\n'), slice]) });
  }
  return parts;
}

/** A bundle file or one of its parts, by name: "….soviec", "….soviec.part01of03". */
export const BUNDLE_FILE_NAME = /\.soviec(\.part\d+of\d+)?$/i;

/** "soviec_..._seq0005.soviec.part01of03": sorts in order and stays ASCII. */
export function partFileName(bundleFileName: string, index: number, total: number): string {
  const w = Math.max(2, String(total).length);
  return `${bundleFileName}.part${String(index).padStart(w, '0')}of${String(total).padStart(w, '0')}`;
}

export function isPart(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).equals(MAGIC);
}

/** Header and slice of one part; the slice's length and hash are checked. */
export function readPart(bytes: Uint8Array): { header: PartHeader; data: Uint8Array } {
  if (!isPart(bytes)) throw bundleError('NOT_A_BUNDLE', { detail: 'part' });
  const searchEnd = Math.min(bytes.length, MAGIC.length + MAX_HEADER_BYTES + 1);
  let nl = -1;
  for (let i = MAGIC.length; i < searchEnd; i++) {
    if (bytes[i] === 0x0a) {
      nl = i;
      break;
    }
  }
  if (nl < 0) {
    // Cut inside the header: an interrupted copy if the file simply ends there.
    if (bytes.length < MAGIC.length + MAX_HEADER_BYTES + 1) throw bundleError('INCOMPLETE', { detail: 'partHeader' });
    throw bundleError('DAMAGED', { detail: 'partHeader' });
  }
  const text = decodeUtf8Strict(bytes.subarray(MAGIC.length, nl));
  let raw: unknown;
  try {
    raw = text === undefined ? undefined : JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = PartHeaderSchema.safeParse(raw);
  if (!parsed.success) throw bundleError('DAMAGED', { detail: 'partHeader' });
  const header = parsed.data;
  const data = bytes.subarray(nl + 1);
  const where = { part: header.index, total: header.count, office: header.from, seq: header.seq };
  if (data.length < header.size) throw bundleError('INCOMPLETE', where);
  if (data.length > header.size || sha256Hex(data) !== header.sha256) throw bundleError('DAMAGED', { ...where, detail: 'part' });
  return { header, data };
}

/**
 * Rejoins the parts of ONE bundle, in any order. Identical duplicates are dropped; parts of
 * another bundle, or two different parts claiming the same place, are PART_MISMATCH;
 * absent parts are MISSING_PARTS listing which. The result's hash is checked against the
 * hash every part carries.
 */
export function joinParts(parts: readonly Uint8Array[]): JoinedBundle {
  if (parts.length === 0) throw bundleError('MISSING_PARTS', { missing: '', total: 0, received: 0, office: '', seq: 0 });
  const read = parts.map(readPart);
  const first = read[0]?.header as PartHeader;
  const byIndex = new Map<number, { header: PartHeader; data: Uint8Array }>();
  let duplicatesIgnored = 0;
  for (const p of read) {
    const h = p.header;
    if (h.bundleId !== first.bundleId || h.bundleSha256 !== first.bundleSha256 || h.bundleSize !== first.bundleSize || h.count !== first.count) {
      throw bundleError('PART_MISMATCH', { office: first.from, seq: first.seq, otherOffice: h.from, otherSeq: h.seq });
    }
    const seen = byIndex.get(h.index);
    if (seen) {
      if (seen.header.sha256 !== h.sha256 || seen.header.offset !== h.offset) {
        throw bundleError('PART_MISMATCH', { office: first.from, seq: first.seq, part: h.index });
      }
      duplicatesIgnored++;
      continue;
    }
    byIndex.set(h.index, p);
  }
  const missing: number[] = [];
  for (let i = 1; i <= first.count; i++) if (!byIndex.has(i)) missing.push(i);
  if (missing.length > 0) {
    throw bundleError('MISSING_PARTS', {
      missing: missing.join(', '),
      // "total", not "count": i18next would pick plural forms from a param named count.
      total: first.count,
      received: byIndex.size,
      office: first.from,
      seq: first.seq,
    });
  }
  const ordered: Uint8Array[] = [];
  let offset = 0;
  for (let i = 1; i <= first.count; i++) {
    const p = byIndex.get(i) as { header: PartHeader; data: Uint8Array };
    if (p.header.offset !== offset) throw bundleError('DAMAGED', { detail: 'partOffsets', office: first.from, seq: first.seq });
    ordered.push(p.data);
    offset += p.data.length;
  }
  if (offset !== first.bundleSize) throw bundleError('DAMAGED', { detail: 'partOffsets', office: first.from, seq: first.seq });
  const bytes = Buffer.concat(ordered);
  const bundleHash = sha256Hex(bytes);
  if (bundleHash !== first.bundleSha256) throw bundleError('DAMAGED', { detail: 'joined', office: first.from, seq: first.seq });
  return { bytes, bundleId: first.bundleId, bundleHash, duplicatesIgnored };
}

/** Reads routing fields from a bundle we are about to split (our own output). */
function peekManifest(bytes: Uint8Array): { bundleId: string; from: string; to: string; seq: number } {
  const { entries } = readContainer(bytes, DEFAULT_LIMITS);
  const text = decodeUtf8Strict(entries.get(MANIFEST_ENTRY) ?? new Uint8Array());
  let raw: unknown;
  try {
    raw = text === undefined ? undefined : JSON.parse(text);
  } catch {
    raw = undefined;
  }
  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) throw bundleError('DAMAGED', { detail: 'manifest' });
  const m = parsed.data;
  return { bundleId: m.bundleId, from: m.sender.office, to: m.recipient, seq: m.seq };
}
