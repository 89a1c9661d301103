import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { DocSchema, type Doc, type DocKind } from '../../domain/document';
import { decodeUtf8Strict, sha256Hex, utf8 } from './bytes';
import { bundleError, type BundleErrorParams } from './errors';
import { countByKind, OfficeCodeSchema, Sha256HexSchema } from './manifest';

/**
 * Payload plaintext (before deflate and encryption):
 *
 *   "SVP1" | u32 BE header length | header JSON (UTF-8) | attachment bytes, back to back
 *
 * header = { docs: Doc[], attachments: [{ name, size, sha256 }] } in the order the bytes
 * follow. Attachments travel as raw bytes rather than base64 inside the JSON: no 33 %
 * inflation, and the JSON stays small enough to parse quickly.
 */
const MAGIC = utf8('SVP1');
const PREFIX_BYTES = 8;

/** Attachment keys are ids, not people's file names (those live in the attachment doc). */
export const AttachmentNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/, 'attachment name')
  .refine((n) => !n.includes('..'), 'attachment name');

const PayloadHeaderSchema = z.strictObject({
  docs: z.array(DocSchema),
  attachments: z.array(
    z.strictObject({ name: AttachmentNameSchema, size: z.number().int().nonnegative(), sha256: Sha256HexSchema }),
  ),
});

export interface EncodedPayload {
  /** Deflated plaintext, ready for encryption. */
  compressed: Buffer;
  plainSize: number;
  counts: Partial<Record<DocKind, number>>;
  attachments: { count: number; bytes: number };
}

export interface DecodedPayload {
  docs: Doc[];
  attachments: Map<string, Uint8Array>;
}

export function encodePayload(docs: readonly Doc[], attachments: ReadonlyMap<string, Uint8Array>): EncodedPayload {
  // Refuse at the source what the recipient would refuse, so a bad export fails here.
  for (const d of docs) {
    const r = DocSchema.safeParse(d);
    if (!r.success) throw invalid({ detail: 'doc', id: String((d as { id?: unknown }).id ?? '') });
  }
  checkDocHygiene(docs);
  const list: { name: string; size: number; sha256: string }[] = [];
  const blobs: Uint8Array[] = [];
  let bytes = 0;
  for (const [name, data] of attachments) {
    if (!AttachmentNameSchema.safeParse(name).success) throw invalid({ detail: 'attachmentName', name });
    list.push({ name, size: data.byteLength, sha256: sha256Hex(data) });
    blobs.push(data);
    bytes += data.byteLength;
  }
  const header = utf8(JSON.stringify({ docs, attachments: list }));
  const len = Buffer.alloc(4);
  len.writeUInt32BE(header.length);
  const plain = Buffer.concat([MAGIC, len, header, ...blobs]);
  return {
    compressed: deflateRawSync(plain, { level: 6 }),
    plainSize: plain.length,
    counts: countByKind(docs),
    attachments: { count: list.length, bytes },
  };
}

/**
 * Inflates (stopping at the declared size) and validates. Runs only on authenticated,
 * decrypted bytes, so every failure here is the sender's app producing something we do not
 * accept: INVALID_CONTENT, not DAMAGED.
 */
export function decodePayload(compressed: Uint8Array, plainSize: number): DecodedPayload {
  if (plainSize < PREFIX_BYTES) throw invalid({ detail: 'plainSize' });
  let plain: Buffer;
  try {
    plain = inflateRawSync(compressed, { maxOutputLength: plainSize });
  } catch {
    throw invalid({ detail: 'inflate' });
  }
  if (plain.length !== plainSize || !plain.subarray(0, 4).equals(MAGIC)) throw invalid({ detail: 'framing' });
  const headerLength = plain.readUInt32BE(4);
  if (headerLength > plain.length - PREFIX_BYTES) throw invalid({ detail: 'framing' });
  const text = decodeUtf8Strict(plain.subarray(PREFIX_BYTES, PREFIX_BYTES + headerLength));
  if (text === undefined) throw invalid({ detail: 'utf8' });
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw invalid({ detail: 'json' });
  }
  // Before the schema: zod copies records key by key, and a "__proto__" key would become the
  // copy's prototype instead of failing a check afterwards.
  checkValue(raw, '');
  const parsed = PayloadHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalid({ detail: 'schema', path: issue ? issue.path.join('.') : '' });
  }
  const { docs, attachments: list } = parsed.data;
  checkDocHygiene(docs);

  const attachments = new Map<string, Uint8Array>();
  let offset = PREFIX_BYTES + headerLength;
  for (const a of list) {
    if (attachments.has(a.name)) throw invalid({ detail: 'duplicateAttachment', name: a.name });
    if (a.size > plain.length - offset) throw invalid({ detail: 'framing' });
    const data = plain.subarray(offset, offset + a.size);
    if (sha256Hex(data) !== a.sha256) throw invalid({ detail: 'attachmentHash', name: a.name });
    attachments.set(a.name, data);
    offset += a.size;
  }
  if (offset !== plain.length) throw invalid({ detail: 'trailingBytes' });
  return { docs: docs as Doc[], attachments };
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 64;
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Checks that pass the schema but would hurt later: keys that poison prototypes when the
 * store merges objects, nesting deep enough to overflow recursive code, control characters
 * in ids (they end up in file names and logs), owners that are not office codes, and the
 * same version of a document twice.
 */
export function checkDocHygiene(docs: readonly Doc[]): void {
  const seen = new Set<string>();
  for (const d of docs) {
    if (CONTROL.test(d.id)) throw invalid({ detail: 'id', id: d.id.replace(CONTROL, '?') });
    if (!OfficeCodeSchema.safeParse(d.owner).success) throw invalid({ detail: 'owner', id: d.id });
    const key = `${d.id}\u0000${d.hlc}`;
    if (seen.has(key)) throw invalid({ detail: 'duplicateDoc', id: d.id });
    seen.add(key);
    checkValue(d.data, d.id);
  }
}

function checkValue(root: unknown, id: string): void {
  const stack: { v: unknown; depth: number }[] = [{ v: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (v === null || typeof v !== 'object') continue;
    if (depth > MAX_DEPTH) throw invalid({ detail: 'depth', id });
    if (Array.isArray(v)) {
      for (const x of v) stack.push({ v: x, depth: depth + 1 });
      continue;
    }
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) throw invalid({ detail: 'key', id, key: k });
      stack.push({ v: (v as Record<string, unknown>)[k], depth: depth + 1 });
    }
  }
}

function invalid(params: BundleErrorParams) {
  return bundleError('INVALID_CONTENT', params);
}
