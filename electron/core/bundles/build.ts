import { v7 as uuidv7 } from 'uuid';
import type { Doc } from '../../domain/document';
import { vnDay } from '../../domain/calendar';
import { stripMarks } from '../../domain/text';
import { isSemver } from './appVersion';
import { sha256Hex } from './bytes';
import { type Binding, sealPayload } from './envelope';
import { bundleError } from './errors';
import { fingerprint, signingPublicKeyOf, type PublicKeys } from './identity';
import { resolveLimits, toMiB, type BundleLimits } from './limits';
import {
  FORMAT_MIN_APP_VERSION,
  FORMAT_VERSION,
  ManifestSchema,
  PAYLOAD_ENTRY,
  serializeManifest,
  type Ack,
  type Manifest,
} from './manifest';
import { encodePayload } from './payload';
import { signManifest } from './signature';
import { writeContainer } from './zip';

export interface BundleSenderInput extends PublicKeys {
  office: string;
  installation: string;
}

export interface BuildBundleInput {
  docs: readonly Doc[];
  /** Attachment id -> bytes. Ids are ASCII names (see AttachmentNameSchema). */
  attachments?: ReadonlyMap<string, Uint8Array>;
  sender: BundleSenderInput;
  /** Recipient office code. */
  recipient: string;
  seq: number;
  prevBundleHash: string | null;
  ack: Ack;
  /** The recipient's pinned X25519 key (raw, base64). */
  recipientAgreementPublicKey: string;
  /** The sender's Ed25519 key (PKCS#8 DER, base64). */
  signingPrivateKey: string;
  appVersion: string;
  /** Raise when a bundle uses something older apps would misread. */
  minAppVersion?: string;
  /** Normally generated; given by tests. */
  bundleId?: string;
  createdAt?: Date;
  limits?: Partial<BundleLimits>;
}

export interface BuiltBundle {
  bytes: Uint8Array;
  manifest: Manifest;
  /** The exact signed bytes (also inside `bytes`). */
  manifestBytes: Uint8Array;
  /** sha256 hex of `bytes`: the next bundle to this recipient names it as prevBundleHash. */
  bundleHash: string;
}

export function buildBundle(input: BuildBundleInput): BuiltBundle {
  const limits = resolveLimits(input.limits);
  const sender = input.sender;
  // A key pair mix-up would produce bundles nobody can verify: catch it at the source.
  if (signingPublicKeyOf(input.signingPrivateKey) !== sender.signingPublicKey) {
    throw new Error('buildBundle: signingPrivateKey does not match sender.signingPublicKey');
  }
  if (!isSemver(input.appVersion)) throw new Error(`buildBundle: appVersion "${input.appVersion}" is not semver`);

  const bundleId = input.bundleId ?? uuidv7();
  const keyFingerprint = fingerprint(sender);
  const binding: Binding = {
    bundleId,
    senderOffice: sender.office,
    senderInstallation: sender.installation,
    senderFingerprint: keyFingerprint,
    recipient: input.recipient,
    seq: input.seq,
  };

  const payload = encodePayload(input.docs, input.attachments ?? new Map());
  if (payload.plainSize > limits.maxPlainBytes) {
    throw bundleError('TOO_LARGE', { limitMb: toMiB(limits.maxPlainBytes), reason: 'payload' });
  }
  const { ciphertext, encryption } = sealPayload(payload.compressed, input.recipientAgreementPublicKey, binding);

  const manifest: Manifest = {
    formatVersion: FORMAT_VERSION,
    minAppVersion: input.minAppVersion ?? FORMAT_MIN_APP_VERSION,
    appVersion: input.appVersion,
    bundleId,
    createdAt: (input.createdAt ?? new Date()).toISOString(),
    sender: {
      office: sender.office,
      installation: sender.installation,
      keyFingerprint,
      signingPublicKey: sender.signingPublicKey,
      agreementPublicKey: sender.agreementPublicKey,
    },
    recipient: input.recipient,
    seq: input.seq,
    prevBundleHash: input.prevBundleHash,
    ack: input.ack,
    entries: [{ name: PAYLOAD_ENTRY, sha256: sha256Hex(ciphertext), size: ciphertext.length }],
    counts: payload.counts,
    attachments: payload.attachments,
    payload: { format: 'soviec-payload-1', compression: 'deflate-raw', plainSize: payload.plainSize },
    encryption,
  };
  // Whatever the reader would refuse is refused here, as a bug in the caller.
  const checked = ManifestSchema.safeParse(manifest);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`buildBundle: invalid manifest at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? ''}`);
  }

  const manifestBytes = serializeManifest(manifest);
  const signature = signManifest(manifestBytes, input.signingPrivateKey);
  const bytes = writeContainer({ manifest: manifestBytes, signature, payload: ciphertext });
  if (bytes.length > limits.maxBundleBytes) {
    throw bundleError('TOO_LARGE', { limitMb: toMiB(limits.maxBundleBytes) });
  }
  return { bytes, manifest, manifestBytes, bundleHash: sha256Hex(bytes) };
}

/**
 * "soviec_VANQUAN_to_SO_2022-07-30_seq0005.soviec": ASCII only (USB sticks are FAT and
 * mail clients mangle the rest), sortable by date, and readable by a person. The date is
 * the Vietnamese calendar day (UTC+7, no daylight saving) when a Date is given.
 */
export function bundleFileName(fromCode: string, toCode: string, date: Date | string, seq: number): string {
  return `soviec_${asciiCode(fromCode)}_to_${asciiCode(toCode)}_${vietnamDay(date)}_seq${String(seq).padStart(4, '0')}.soviec`;
}

function asciiCode(code: string): string {
  const s = stripMarks(code)
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return s.length > 0 ? s.slice(0, 40) : 'X';
}

function vietnamDay(date: Date | string): string {
  if (typeof date === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`bundleFileName: date "${date}" is not YYYY-MM-DD`);
    return date;
  }
  return vnDay(date);
}
