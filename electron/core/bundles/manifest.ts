import { z } from 'zod';
import { DocKindSchema, HlcSchema, type Doc, type DocKind } from '../../domain/document';
import { isSemver } from './appVersion';
import { fromB64, utf8 } from './bytes';
import { FingerprintSchema, RawPublicKeySchema } from './identity';

/** The format this code writes and reads. A new manifest field means a new format version. */
export const FORMAT_VERSION = 1;
/** Oldest app that reads format 1 (written as minAppVersion unless the caller asks for more). */
export const FORMAT_MIN_APP_VERSION = '0.1.0';

/** The container holds exactly these entries, in this order (see zip.ts). */
export const MANIFEST_ENTRY = 'manifest.json';
export const SIGNATURE_ENTRY = 'manifest.sig';
export const PAYLOAD_ENTRY = 'payload.bin';
export const BUNDLE_ENTRIES = [MANIFEST_ENTRY, SIGNATURE_ENTRY, PAYLOAD_ENTRY] as const;

export const OfficeCodeSchema = z.string().regex(/^[A-Z0-9_-]{2,32}$/, 'office code');
export const InstallationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'installation id');
export const Sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 hex');
/** Lower case only, so "already imported" can compare ids as strings. */
export const BundleIdSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'uuid v7');

const b64Bytes = (n: number) => z.string().refine((s) => fromB64(s, n) !== undefined, `${n} bytes base64`);
const count = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/**
 * What the sender has imported from the recipient. Bundles are cumulative (each one carries
 * everything its sender had not seen acknowledged), so "I imported your bundle k" means "I
 * hold every change you had when you wrote bundle k": the recipient marks as acknowledged
 * everything it recorded as sent in its bundle lastSeq. `hlc` states the same thing without
 * needing that record: every document of the recipient with an HLC at or below it has been
 * applied. `bundleIds` lists the recent ids imported (newest last) so the recipient can tell
 * exactly which files arrived and which were lost on the way.
 */
export const AckSchema = z.strictObject({
  /** Highest seq of recipient→sender bundles imported by the sender; 0 = none yet. */
  lastSeq: count,
  bundleIds: z.array(BundleIdSchema).max(64).optional(),
  /** Highest HLC among the recipient's own documents the sender has applied; null = none. */
  hlc: HlcSchema.nullable(),
});
export type Ack = z.infer<typeof AckSchema>;

export const SenderSchema = z.strictObject({
  office: OfficeCodeSchema,
  installation: InstallationIdSchema,
  keyFingerprint: FingerprintSchema,
  signingPublicKey: RawPublicKeySchema,
  agreementPublicKey: RawPublicKeySchema,
});
export type Sender = z.infer<typeof SenderSchema>;

export const EntrySchema = z.strictObject({
  name: z.literal(PAYLOAD_ENTRY),
  sha256: Sha256HexSchema,
  size: count,
});

export const EncryptionSchema = z.strictObject({
  alg: z.literal('AES-256-GCM'),
  wrap: z.literal('X25519-HKDF-SHA256'),
  /** sha256 hex of the recipient's X25519 public key the content key is wrapped to. */
  recipientKeyFingerprint: Sha256HexSchema,
  ephemeralPublicKey: b64Bytes(32),
  salt: b64Bytes(32),
  wrapIv: b64Bytes(12),
  /** The 32-byte content key, AES-256-GCM encrypted under the HKDF output, plus its tag. */
  wrappedKey: b64Bytes(48),
  payloadIv: b64Bytes(12),
});
export type Encryption = z.infer<typeof EncryptionSchema>;

export const PayloadInfoSchema = z.strictObject({
  format: z.literal('soviec-payload-1'),
  compression: z.literal('deflate-raw'),
  /** Size after decryption and inflation; inflation stops at this bound. */
  plainSize: count,
});

export const ManifestSchema = z
  .strictObject({
    formatVersion: z.literal(FORMAT_VERSION),
    minAppVersion: z.string().refine(isSemver, 'semver'),
    /** Version of the app that wrote the bundle (informational). */
    appVersion: z.string().refine(isSemver, 'semver'),
    bundleId: BundleIdSchema,
    /** Sender's clock: shown to people, never used for ordering. */
    createdAt: z.iso.datetime({ offset: true }),
    sender: SenderSchema,
    recipient: OfficeCodeSchema,
    /** Per sender→recipient, starting at 1. */
    seq: z.number().int().min(1).max(2 ** 31 - 1),
    /** Hash of the whole previous bundle file to this recipient; null for seq 1. */
    prevBundleHash: Sha256HexSchema.nullable(),
    ack: AckSchema,
    entries: z.array(EntrySchema).length(1),
    /** Documents per kind (kinds with none are left out). */
    counts: z.partialRecord(DocKindSchema, z.number().int().positive()),
    attachments: z.strictObject({ count, bytes: count }),
    payload: PayloadInfoSchema,
    encryption: EncryptionSchema,
  })
  .superRefine((m, ctx) => {
    if ((m.seq === 1) !== (m.prevBundleHash === null)) {
      ctx.addIssue({ code: 'custom', path: ['prevBundleHash'], message: 'null exactly when seq is 1' });
    }
  });
export type Manifest = z.infer<typeof ManifestSchema>;

/** The bytes that get signed. Readers never re-serialise: they verify the bytes they got. */
export function serializeManifest(m: Manifest): Buffer {
  return utf8(JSON.stringify(m));
}

export function countByKind(docs: readonly Doc[]): Partial<Record<DocKind, number>> {
  const out: Partial<Record<DocKind, number>> = {};
  for (const d of docs) out[d.kind] = (out[d.kind] ?? 0) + 1;
  return out;
}
