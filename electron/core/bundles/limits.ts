/**
 * Bounds applied before any byte is expanded or parsed. The defaults leave room for a
 * district's tens of thousands of household records with scanned attachments while keeping
 * a hostile file from exhausting memory on an office PC.
 */
export interface BundleLimits {
  /** Size of the .soviec file, and of the sum of its entries' declared sizes. */
  maxBundleBytes: number;
  /** manifest.json is small; a big one is an attack or a bug. */
  maxManifestBytes: number;
  /** Declared uncompressed/compressed for any deflated entry (ours are stored, ratio 1). */
  maxExpansionRatio: number;
  /** Payload after decryption and inflation. */
  maxPlainBytes: number;
  /** Zip entries listed; a bundle has three. Caps the work of walking a crafted directory. */
  maxEntries: number;
  /** Records the signed manifest may announce (all kinds); checked before decrypting. */
  maxRecords: number;
  /** Attachment files the manifest may announce. */
  maxAttachments: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Readonly<BundleLimits> = Object.freeze({
  maxBundleBytes: 512 * MiB,
  maxManifestBytes: 1 * MiB,
  maxExpansionRatio: 100,
  maxPlainBytes: 1024 * MiB,
  maxEntries: 16,
  // A province's households (≈ 11 districts × 30,000) with room to spare.
  maxRecords: 1_000_000,
  maxAttachments: 50_000,
});

/** Default part size for email: 10 MiB, which base64 mail encoding turns into ~13.3 MiB. */
export const DEFAULT_MAX_PART_BYTES = 10 * MiB;

export function resolveLimits(partial?: Partial<BundleLimits>): BundleLimits {
  return { ...DEFAULT_LIMITS, ...partial };
}

export function toMiB(bytes: number): number {
  return Math.round((bytes / MiB) * 10) / 10;
}
