import { AppError } from '../../domain/errors';

/**
 * Stable refusal codes for bundle files. They are kept in logs and printed by the CLI, so a
 * code never changes meaning; the sentence for each lives in renderer/i18n/locales/<lang>/
 * bundles.json under "errors". Params are filled from what the file claims (office codes,
 * seq); the UI may swap `office` for the unit's display name before rendering.
 */
export const BUNDLE_ERROR_CODES = [
  /** Not a Sổ Việc bundle at all (another file type, or a zip without our manifest). */
  'NOT_A_BUNDLE',
  /** Cut short: empty file, or the end of the zip is missing (interrupted copy). */
  'INCOMPLETE',
  /** Bytes changed or structure broken: CRC/hash mismatch, bad manifest, missing entry. */
  'DAMAGED',
  /** An entry name that could escape a folder or that a bundle never holds. */
  'UNSAFE_ENTRY',
  /** Bigger than the limits (file, declared entry sizes, expansion ratio, payload). */
  'TOO_LARGE',
  /** Made with a newer format or requires a newer app. */
  'NEWER_APP_VERSION',
  /** The manifest does not verify against the key it names: altered after signing. */
  'SIGNATURE_INVALID',
  /** Authentic, but from an office whose key we have not pinned yet. */
  'UNKNOWN_SENDER',
  /** Authentic, but signed with a key other than the one pinned for that office. */
  'KEY_CHANGED',
  /** Addressed to another office. */
  'WRONG_RECIPIENT',
  /** This bundle id was imported before (replay or second copy). */
  'ALREADY_IMPORTED',
  /** Encrypted to a key of ours we no longer hold (e.g. this PC was reinstalled). */
  'ENCRYPTED_FOR_OTHER_KEY',
  /** The content key or payload does not decrypt (wrong key, altered ciphertext, AAD). */
  'DECRYPT_FAILED',
  /** Decrypted and authentic, but the records inside are not acceptable. */
  'INVALID_CONTENT',
  /** A split bundle with parts missing. */
  'MISSING_PARTS',
  /** Parts that belong to different bundles or contradict each other. */
  'PART_MISMATCH',
  /** The local key file is readable by other users. */
  'KEY_FILE_UNSAFE',
  /** The stored private keys cannot be unlocked (wrong key file, data copied to another PC). */
  'PRIVATE_KEYS_UNREADABLE',
] as const;
export type BundleErrorCode = (typeof BUNDLE_ERROR_CODES)[number];

export type BundleErrorParams = Record<string, string | number>;

export class BundleError extends AppError {
  override readonly code: BundleErrorCode;

  constructor(code: BundleErrorCode, params: BundleErrorParams = {}) {
    super(code, `bundles:errors.${code}`, params);
    this.name = 'BundleError';
    this.code = code;
  }
}

export function bundleError(code: BundleErrorCode, params: BundleErrorParams = {}): BundleError {
  return new BundleError(code, params);
}

export function isBundleError(e: unknown, code?: BundleErrorCode): e is BundleError {
  return e instanceof BundleError && (code === undefined || e.code === code);
}
