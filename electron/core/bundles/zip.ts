import { unzipSync, zipSync, type UnzipFileInfo, type ZipOptions } from 'fflate';
import { bytesEqual } from './bytes';
import { bundleError, isBundleError } from './errors';
import type { BundleLimits } from './limits';
import { toMiB } from './limits';
import { BUNDLE_ENTRIES, MANIFEST_ENTRY, PAYLOAD_ENTRY, SIGNATURE_ENTRY } from './manifest';

/**
 * The container: a plain zip (fflate) with three STORED entries in a fixed order,
 * manifest.json, manifest.sig, payload.bin, and fixed metadata. Nothing is deflated at zip
 * level (the payload is compressed before encryption), so reading never inflates untrusted
 * bytes, and the file is a pure function of its three entries: a reader re-encodes what it
 * extracted and refuses any difference. That makes every header byte (CRC, timestamps,
 * attributes, comment) tamper-evident, and keeps the bundle hash that chains bundles
 * stable. Frozen for all format versions: manifest.json stays the first stored entry, so
 * an older app can always read the version and say "update the app".
 */

export interface ContainerEntries {
  manifest: Uint8Array;
  signature: Uint8Array;
  payload: Uint8Array;
}

/** Constructed in local time because fflate writes DOS times from local fields. */
function zipOptions(): ZipOptions {
  return { level: 0, mtime: new Date(1980, 0, 1, 12, 0, 0) };
}

export function writeContainer(e: ContainerEntries): Uint8Array {
  return zipSync(
    { [MANIFEST_ENTRY]: e.manifest, [SIGNATURE_ENTRY]: e.signature, [PAYLOAD_ENTRY]: e.payload },
    zipOptions(),
  );
}

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
/** fflate's error code for "no end-of-central-directory record": the tail is missing. */
const FFLATE_NO_EOCD = 13;

export interface Container {
  /** Entry names in the order of the central directory. */
  names: string[];
  entries: Map<string, Uint8Array>;
}

/**
 * Lists, checks and extracts entries. Order of checks: is it a zip at all, is it whole,
 * are the names safe and unique, do the declared sizes fit the limits; only then are bytes
 * copied out. Recognising our own layout (expected names, canonical bytes) is left to the
 * caller, which first wants to read the manifest's format version.
 */
export function readContainer(bytes: Uint8Array, limits: BundleLimits): Container {
  sniff(bytes);
  const listed = listEntries(bytes, limits);

  const names = new Set<string>();
  for (const f of listed) {
    if (isUnsafeEntryName(f.name)) throw bundleError('UNSAFE_ENTRY', { entry: printable(f.name) });
    if (names.has(f.name)) throw bundleError('UNSAFE_ENTRY', { entry: printable(f.name), reason: 'duplicate' });
    names.add(f.name);
  }
  if (!names.has(MANIFEST_ENTRY)) {
    const ours = BUNDLE_ENTRIES.some((n) => names.has(n));
    throw bundleError(ours ? 'DAMAGED' : 'NOT_A_BUNDLE', { detail: 'noManifest' });
  }

  let total = 0;
  for (const f of listed) {
    const cap = f.name === MANIFEST_ENTRY ? limits.maxManifestBytes : limits.maxBundleBytes;
    total += f.originalSize;
    if (f.originalSize > cap || total > limits.maxBundleBytes) {
      throw bundleError('TOO_LARGE', { entry: printable(f.name), limitMb: toMiB(Math.min(cap, limits.maxBundleBytes)) });
    }
    if (f.compression !== 0 && f.originalSize / Math.max(f.size, 1) > limits.maxExpansionRatio) {
      throw bundleError('TOO_LARGE', { entry: printable(f.name), limitMb: toMiB(limits.maxBundleBytes), reason: 'ratio' });
    }
    // We never write compressed entries; one means the file was re-packed by another tool.
    if (f.compression !== 0) throw bundleError('DAMAGED', { detail: 'compressed', entry: printable(f.name) });
    if (f.size !== f.originalSize || f.size > bytes.length) throw bundleError('DAMAGED', { detail: 'sizes', entry: printable(f.name) });
  }

  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    throw bundleError('DAMAGED', { detail: 'zip' });
  }
  const entries = new Map<string, Uint8Array>();
  for (const f of listed) {
    const data = files[f.name];
    if (!data || data.length !== f.originalSize) throw bundleError('DAMAGED', { detail: 'entryLength', entry: printable(f.name) });
    entries.set(f.name, data);
  }
  return { names: listed.map((f) => f.name), entries };
}

/** True when the first bytes are exactly the stored manifest.json entry we would write. */
export function manifestIsIntact(bytes: Uint8Array, manifest: Uint8Array): boolean {
  const expected = zipSync({ [MANIFEST_ENTRY]: manifest }, zipOptions());
  const end = 30 + MANIFEST_ENTRY.length + manifest.length;
  return bytes.length >= end && bytesEqual(bytes.subarray(0, end), expected.subarray(0, end));
}

/** True when the file is byte for byte what writeContainer makes of these entries. */
export function isCanonical(bytes: Uint8Array, e: ContainerEntries): boolean {
  return bytesEqual(bytes, writeContainer(e));
}

/** Refuses names that could escape a folder if anything ever wrote them to disk. */
export function isUnsafeEntryName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return true;
  if (/[\u0000-\u001f\u007f\\:]/.test(name)) return true; // control, backslash, drive letter / ADS
  if (name.startsWith('/') || name.endsWith('/')) return true;
  return name.split('/').some((seg) => seg === '..' || seg === '.' || seg === '');
}

function sniff(bytes: Uint8Array): void {
  if (bytes.length === 0) throw bundleError('INCOMPLETE', { size: 0 });
  const n = Math.min(bytes.length, LOCAL_HEADER.length);
  for (let i = 0; i < n; i++) {
    if (bytes[i] !== LOCAL_HEADER[i]) throw bundleError('NOT_A_BUNDLE', {});
  }
  if (bytes.length < LOCAL_HEADER.length) throw bundleError('INCOMPLETE', { size: bytes.length });
}

function listEntries(bytes: Uint8Array, limits: BundleLimits): UnzipFileInfo[] {
  const listed: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter(f) {
        // A crafted directory can claim billions of entries; stop walking early.
        if (listed.length >= limits.maxEntries) throw bundleError('UNSAFE_ENTRY', { entry: '', reason: 'count' });
        listed.push(f);
        return false;
      },
    });
  } catch (e) {
    if (isBundleError(e)) throw e;
    if (isFflateError(e, FFLATE_NO_EOCD)) throw bundleError('INCOMPLETE', { size: bytes.length });
    throw bundleError('DAMAGED', { detail: 'zip' });
  }
  if (listed.length === 0) throw bundleError('DAMAGED', { detail: 'empty' });
  return listed;
}

function isFflateError(e: unknown, code: number): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === code;
}

/** Names go into messages and logs: keep them short and visible. */
function printable(name: string): string {
  const s = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
