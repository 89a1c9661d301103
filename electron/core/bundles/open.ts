import type { Doc } from '../../domain/document';
import { compareSemver, isSemver } from './appVersion';
import { decodeUtf8Strict, sha256Hex } from './bytes';
import { openPayload, type Binding } from './envelope';
import { bundleError, isBundleError } from './errors';
import { fingerprint } from './identity';
import { resolveLimits, toMiB, type BundleLimits } from './limits';
import {
  BUNDLE_ENTRIES,
  countByKind,
  FORMAT_VERSION,
  MANIFEST_ENTRY,
  ManifestSchema,
  OfficeCodeSchema,
  PAYLOAD_ENTRY,
  SIGNATURE_ENTRY,
  type Manifest,
} from './manifest';
import { decodePayload } from './payload';
import { verifyManifest } from './signature';
import { isCanonical, manifestIsIntact, readContainer } from './zip';

/** What this installation pinned for an office on first contact. */
export interface PinnedKey {
  signingPublicKey: string;
  fingerprint: string;
}

export interface OpenBundleContext {
  /** Our office code; bundles addressed elsewhere are refused. */
  ourOffice: string;
  /**
   * Codes our office had in earlier trees (the Sở LĐTBXH "SO" is now the Sở Nội vụ "SNV"): a
   * unit still on the old tree addresses its bundles there. Such a bundle is checked like any
   * other; the recipient it was signed and encrypted for stays the one in the manifest.
   */
  formerOffices?: readonly string[];
  /** Our X25519 private key (PKCS#8 DER, base64). */
  ourAgreementPrivateKey: string;
  pinnedKeys: (office: string) => PinnedKey | undefined;
  /** This app's version, compared with the bundle's minAppVersion. */
  appVersion: string;
  alreadyImported: (bundleId: string) => boolean;
  /**
   * Without it an office with no pinned key is refused with UNKNOWN_SENDER (params carry the
   * presented fingerprint to compare by phone). With it the bundle is opened and the result
   * says firstContact: true, for the caller to pin the key once a person has confirmed it.
   */
  allowFirstContact?: boolean;
  limits?: Partial<BundleLimits>;
}

export interface InspectedBundle {
  manifest: Manifest;
  /** The exact signed bytes. */
  manifestBytes: Uint8Array;
  /** sha256 hex of the whole file. */
  bundleHash: string;
}

export interface OpenedBundle extends InspectedBundle {
  docs: Doc[];
  attachments: Map<string, Uint8Array>;
  /** True when the sender had no pinned key (only with allowFirstContact). */
  firstContact: boolean;
}

/**
 * What inspectBundle checked, kept so that openVerified does not unzip and verify the
 * manifest a second time. Only inspect() makes one.
 */
export interface VerifiedBundle extends InspectedBundle {
  readonly payload: Uint8Array;
  readonly limits: BundleLimits;
}

/**
 * Everything that can be checked without trusting anyone or holding a private key: the
 * container, the format and app version, the manifest schema, and that the manifest is
 * signed by the key it names. It does not say the sender is who they claim: that needs the
 * pinned key (openBundle). For "inspect" and for showing a first-contact fingerprint.
 */
export function inspectBundle(bytes: Uint8Array, appVersion: string, limits?: Partial<BundleLimits>): VerifiedBundle {
  return inspect(bytes, appVersion, resolveLimits(limits));
}

/**
 * Verifies everything, in an order that gives the most useful refusal: container structure
 * and limits, exact layout, manifest signature (against the key it names), format and app
 * version, schema, addressing, trust (pinned key), replay, payload hash, decryption, content.
 * Returns only when every check passed; otherwise throws a BundleError (an AppError).
 */
export function openBundle(bytes: Uint8Array, ctx: OpenBundleContext): OpenedBundle {
  return openVerified(inspect(bytes, ctx.appVersion, resolveLimits(ctx.limits)), ctx);
}

/**
 * The checks that need our trust state but no decryption: recipient, pinned key, replay,
 * payload hash, and the declared sizes and counts against the limits. A dry run of a stranger's
 * bundle stops here: nothing an unconfirmed sender wrote is decrypted, inflated or parsed
 * before a person has compared its fingerprint (the signed manifest is all the preview shows).
 */
export function checkVerified(verified: VerifiedBundle, ctx: Omit<OpenBundleContext, 'appVersion' | 'limits'>): { firstContact: boolean } {
  const { manifest, payload, limits } = verified;
  const sender = manifest.sender;
  const who = { office: sender.office, seq: manifest.seq };

  if (manifest.recipient !== ctx.ourOffice && !(ctx.formerOffices ?? []).includes(manifest.recipient)) {
    throw bundleError('WRONG_RECIPIENT', { ...who, recipient: manifest.recipient, ourOffice: ctx.ourOffice });
  }

  const pinned = ctx.pinnedKeys(sender.office);
  let firstContact = false;
  if (!pinned) {
    if (!ctx.allowFirstContact) throw bundleError('UNKNOWN_SENDER', { ...who, fingerprint: sender.keyFingerprint });
    firstContact = true;
  } else if (pinned.signingPublicKey !== sender.signingPublicKey || pinned.fingerprint !== sender.keyFingerprint) {
    throw bundleError('KEY_CHANGED', { ...who, fingerprint: sender.keyFingerprint, pinnedFingerprint: pinned.fingerprint });
  }

  if (ctx.alreadyImported(manifest.bundleId)) throw bundleError('ALREADY_IMPORTED', { ...who, bundleId: manifest.bundleId });

  const entry = manifest.entries[0];
  if (!entry || entry.size !== payload.length || entry.sha256 !== sha256Hex(payload)) {
    throw bundleError('DAMAGED', { ...who, detail: 'entryHash', entry: PAYLOAD_ENTRY });
  }
  if (manifest.payload.plainSize > limits.maxPlainBytes) {
    throw bundleError('TOO_LARGE', { ...who, limitMb: toMiB(limits.maxPlainBytes), reason: 'payload' });
  }
  // Counts are signed and later checked against the content; bounding them here means a
  // crafted manifest cannot make the decoder allocate for millions of records.
  let records = 0;
  for (const n of Object.values(manifest.counts)) records += n ?? 0;
  if (records > limits.maxRecords || manifest.attachments.count > limits.maxAttachments) {
    throw bundleError('TOO_LARGE', { ...who, limitMb: toMiB(limits.maxPlainBytes), reason: 'count' });
  }
  return { firstContact };
}

/** openBundle after inspectBundle: the checks that need trust and keys, then decryption. */
export function openVerified(verified: VerifiedBundle, ctx: Omit<OpenBundleContext, 'appVersion' | 'limits'>): OpenedBundle {
  const { manifest, manifestBytes, bundleHash, payload } = verified;
  const sender = manifest.sender;
  const who = { office: sender.office, seq: manifest.seq };
  const { firstContact } = checkVerified(verified, ctx);

  const binding: Binding = {
    bundleId: manifest.bundleId,
    senderOffice: sender.office,
    senderInstallation: sender.installation,
    senderFingerprint: sender.keyFingerprint,
    recipient: manifest.recipient,
    seq: manifest.seq,
  };
  const compressed = openPayload(payload, manifest.encryption, ctx.ourAgreementPrivateKey, binding);
  let decoded: ReturnType<typeof decodePayload>;
  try {
    decoded = decodePayload(compressed, manifest.payload.plainSize);
  } catch (e) {
    // Say which bundle: the logs must point at the sender whose app wrote bad records.
    if (isBundleError(e)) throw bundleError(e.code, { ...who, ...e.params });
    throw e;
  }
  const { docs, attachments } = decoded;

  // The manifest's counts are what the preview showed; they must describe what is inside.
  if (!sameCounts(countByKind(docs), manifest.counts)) throw bundleError('INVALID_CONTENT', { ...who, detail: 'counts' });
  let attachmentBytes = 0;
  for (const a of attachments.values()) attachmentBytes += a.length;
  if (attachments.size !== manifest.attachments.count || attachmentBytes !== manifest.attachments.bytes) {
    throw bundleError('INVALID_CONTENT', { ...who, detail: 'attachmentCounts' });
  }

  return { manifest, manifestBytes, bundleHash, docs, attachments, firstContact };
}

function inspect(bytes: Uint8Array, appVersion: string, limits: BundleLimits): VerifiedBundle {
  if (bytes.length > limits.maxBundleBytes) throw bundleError('TOO_LARGE', { limitMb: toMiB(limits.maxBundleBytes) });
  const { names, entries } = readContainer(bytes, limits);
  const manifestBytes = entries.get(MANIFEST_ENTRY) as Uint8Array;

  // The manifest's own bytes and CRC must be intact before its version number is believed.
  if (!manifestIsIntact(bytes, manifestBytes)) throw bundleError('DAMAGED', { detail: 'manifestEntry' });
  const text = decodeUtf8Strict(manifestBytes);
  let raw: unknown;
  try {
    raw = text === undefined ? undefined : JSON.parse(text);
  } catch {
    raw = undefined;
  }
  if (raw === undefined) throw bundleError('DAMAGED', { detail: 'manifestJson' });

  const signature = entries.get(SIGNATURE_ENTRY);
  const payload = entries.get(PAYLOAD_ENTRY);
  const claimed = claimedSender(raw);
  const authentic = (): boolean =>
    signature !== undefined && claimed !== undefined && verifyManifest(manifestBytes, signature, claimed.signingPublicKey);

  // Byte-exact layout first, so damage in transit reads as DAMAGED and only a deliberately
  // re-packed file reaches the signature check. A file that is not our layout may still be
  // a newer format: believe that only if its manifest is authentic.
  const layout =
    signature !== undefined &&
    payload !== undefined &&
    names.length === BUNDLE_ENTRIES.length &&
    names.every((n, i) => n === BUNDLE_ENTRIES[i]) &&
    isCanonical(bytes, { manifest: manifestBytes, signature, payload });
  if (!layout) {
    if (authentic()) checkVersion(raw, appVersion);
    for (const n of names) {
      if (!(BUNDLE_ENTRIES as readonly string[]).includes(n)) throw bundleError('UNSAFE_ENTRY', { entry: n, reason: 'unexpected' });
    }
    if (!signature || !payload) throw bundleError('DAMAGED', { detail: 'missingEntry', entry: signature ? PAYLOAD_ENTRY : SIGNATURE_ENTRY });
    throw bundleError('DAMAGED', { detail: 'container' });
  }

  // Authenticity before anything the manifest says is acted on, the version included: a
  // changed version number must read as tampering, not as "update the app". The envelope
  // (Ed25519, this context, key at sender.signingPublicKey) is frozen across format versions.
  if (!claimed) throw bundleError('DAMAGED', { detail: 'manifest', path: 'sender' });
  if (!authentic()) throw bundleError('SIGNATURE_INVALID', { office: claimed.office, seq: claimed.seq });
  checkVersion(raw, appVersion);

  const parsed = ManifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw bundleError('DAMAGED', { office: claimed.office, seq: claimed.seq, detail: 'manifest', path: issue ? issue.path.join('.') : '' });
  }
  const manifest = parsed.data;
  const sender = manifest.sender;
  // Signed, yet the fingerprint does not match the keys: the sender's app is broken.
  if (fingerprint(sender) !== sender.keyFingerprint) {
    throw bundleError('DAMAGED', { office: sender.office, seq: manifest.seq, detail: 'fingerprint' });
  }
  return { manifest, manifestBytes, bundleHash: sha256Hex(bytes), payload, limits };
}

/** The key to verify with, read before the schema; office and seq only label messages. */
function claimedSender(raw: unknown): { signingPublicKey: string; office: string; seq: number } | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const { sender, seq } = raw as { sender?: unknown; seq?: unknown };
  if (typeof sender !== 'object' || sender === null) return undefined;
  const { signingPublicKey, office } = sender as { signingPublicKey?: unknown; office?: unknown };
  if (typeof signingPublicKey !== 'string') return undefined;
  return {
    signingPublicKey,
    office: OfficeCodeSchema.safeParse(office).success ? (office as string) : '',
    seq: typeof seq === 'number' && Number.isInteger(seq) ? seq : 0,
  };
}

/** Looks only at the two version fields, before the schema (a newer format may not fit it). */
function checkVersion(raw: unknown, appVersion: string): void {
  if (typeof raw !== 'object' || raw === null) return;
  const { formatVersion, minAppVersion } = raw as { formatVersion?: unknown; minAppVersion?: unknown };
  const required = typeof minAppVersion === 'string' && isSemver(minAppVersion) ? minAppVersion : '';
  const newerFormat = typeof formatVersion === 'number' && Number.isInteger(formatVersion) && formatVersion > FORMAT_VERSION;
  const newerApp = required !== '' && isSemver(appVersion) && compareSemver(required, appVersion) > 0;
  if (newerFormat || newerApp) {
    throw bundleError('NEWER_APP_VERSION', { required, current: appVersion, formatVersion: Number(formatVersion) || 0 });
  }
}

function sameCounts(a: Partial<Record<string, number>>, b: Partial<Record<string, number>>): boolean {
  const ka = Object.keys(a).filter((k) => (a[k] ?? 0) > 0);
  const kb = Object.keys(b).filter((k) => (b[k] ?? 0) > 0);
  return ka.length === kb.length && ka.every((k) => a[k] === b[k]);
}
