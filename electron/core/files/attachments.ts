import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../domain/errors';
import { writeFileDurable } from '../store/durableFile';

/**
 * Attachment files on disk: one file per content, named by its SHA-256, in the data folder's
 * attachments/ folder. Only the bytes live here; which task a file belongs to and its name are
 * in the `attachment` document the tasks feature writes. Sync reads these files into bundles
 * and writes the ones it receives; naming by content makes a second copy of a file a no-op.
 */

export const ATTACHMENTS_DIR = 'attachments';

const SHA256_HEX = /^[0-9a-f]{64}$/;

export function isAttachmentSha(sha: string): boolean {
  return SHA256_HEX.test(sha);
}

/**
 * The one place a record's hash becomes a path. The name arrives from records that may come from
 * another PC's bundle or a tampered data folder, so it is checked here, at the last step before
 * the disk, whatever the schemas upstream already did: 64 lowercase hex characters, and the
 * resolved path must sit directly inside attachments/ (defence in depth against path tricks).
 */
export function attachmentFile(dataDir: string, sha256: string): string {
  if (!isAttachmentSha(sha256)) throw new AppError('ATTACHMENT_NAME_INVALID', 'tasks:errors.ATTACHMENT_NAME_INVALID');
  const dir = path.resolve(dataDir, ATTACHMENTS_DIR);
  const file = path.resolve(dir, sha256);
  if (path.dirname(file) !== dir) throw new AppError('ATTACHMENT_NAME_INVALID', 'tasks:errors.ATTACHMENT_NAME_INVALID');
  return file;
}

/** Writes the bytes (durably) under their hash and returns it. */
export async function writeAttachmentFile(dataDir: string, bytes: Uint8Array): Promise<string> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const file = attachmentFile(dataDir, sha256);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileDurable(file, bytes);
  return sha256;
}

/** Files received in a bundle, already checked against their names: written unless a file of that size is there. */
export async function writeAttachmentFiles(dataDir: string, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  if (files.size === 0) return;
  // Every name is checked before anything is written, so a bad entry leaves no partial set.
  for (const sha of files.keys()) attachmentFile(dataDir, sha);
  await fs.mkdir(path.join(dataDir, ATTACHMENTS_DIR), { recursive: true });
  for (const [sha, bytes] of files) {
    const file = attachmentFile(dataDir, sha);
    const exists = await fs.stat(file).then((st) => st.size === bytes.length, () => false);
    if (!exists) await writeFileDurable(file, bytes);
  }
}

/** The bytes of a stored file; throws (ENOENT) when the file is missing. */
export async function readAttachmentFile(dataDir: string, sha256: string): Promise<Buffer> {
  return fs.readFile(attachmentFile(dataDir, sha256));
}

/** Size of a stored file, without reading it; throws when it is missing. */
export async function attachmentFileSize(dataDir: string, sha256: string): Promise<number> {
  return (await fs.stat(attachmentFile(dataDir, sha256))).size;
}
