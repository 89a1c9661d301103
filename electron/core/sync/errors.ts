import { AppError } from '../../domain/errors';

/**
 * Refusals of the sync layer (above the file format). Their sentences live in
 * renderer/i18n/locales/<lang>/bundles.json under "sync.errors", beside the file layer's
 * "errors", so the UI and the CLI read every bundle message from one file.
 */
export const SYNC_ERROR_CODES = [
  /** No pinned key for the office we are asked to send to. */
  'NO_RECIPIENT_KEY',
  /** An office sends only to the Sở and to its own other PCs. */
  'NOT_ALLOWED_RECIPIENT',
  /** A bundle from an office this installation does not exchange with (another district). */
  'NOT_A_PEER',
  'KEY_CARD_INVALID',
  'KEY_CARD_OWN',
  /** The key shown to the person is not the key in the file any more. */
  'FINGERPRINT_MISMATCH',
  /** Trusting a new key needs the fingerprint the person compared and the "confirmed by phone" box. */
  'CONFIRMATION_REQUIRED',
  /** Re-enrolment asked for a key that was never presented. */
  'NO_PENDING_KEY',
  'NOT_OWNER',
  'CONFLICT_NOT_FOUND',
  'NO_FILES',
  'FOLDER_UNREADABLE',
  'SENDER_NOT_IN_PROFILE',
  'SYNC_BUSY',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export function syncError(code: SyncErrorCode, params: Record<string, string | number> = {}): AppError {
  return new AppError(code, `bundles:sync.errors.${code}`, params);
}
