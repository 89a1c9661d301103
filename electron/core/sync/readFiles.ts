import { readRegularFile } from '../files/safeRead';
import { DEFAULT_LIMITS } from '../bundles/limits';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { AppError } from '../../domain/errors';
import { BUNDLE_FILE_NAME, isPart, joinParts, readPart } from '../bundles';
import { isBundleError } from '../bundles/errors';
import { syncError } from './errors';

/**
 * Turns what the person chose (files from the browser, paths from the command line, a USB
 * folder to scan) into whole bundles: parts are grouped by the bundle they name and rejoined
 * first, so a missing part is reported (MISSING_PARTS lists which) before anything is read.
 */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface Candidate {
  fileNames: string[];
  bytes: Uint8Array | null;
  error: AppError | null;
}

export interface Source {
  files?: Array<{ name: string; base64: string }> | undefined;
  paths?: string[] | undefined;
  folder?: string | undefined;
}

export async function gatherFiles(source: Source): Promise<{ files: InputFile[]; unreadable: Candidate[] }> {
  const files: InputFile[] = (source.files ?? []).map((f) => ({ name: path.basename(f.name), bytes: Buffer.from(f.base64, 'base64') }));
  const unreadable: Candidate[] = [];
  const read = async (p: string): Promise<void> => {
    // Regular files only, capped before reading; one refusal for missing, special or too big.
    const bytes = await readRegularFile(p, DEFAULT_LIMITS.maxBundleBytes);
    if (bytes) files.push({ name: path.basename(p), bytes });
    else unreadable.push({ fileNames: [path.basename(p)], bytes: null, error: syncError('FOLDER_UNREADABLE', { path: p }) });
  };
  for (const p of source.paths ?? []) await read(p);
  if (source.folder) {
    let names: string[];
    try {
      names = await fs.readdir(source.folder);
    } catch {
      throw syncError('FOLDER_UNREADABLE', { path: source.folder });
    }
    for (const n of names.filter((x) => BUNDLE_FILE_NAME.test(x)).sort()) await read(path.join(source.folder, n));
  }
  if (files.length === 0 && unreadable.length === 0) throw syncError('NO_FILES', { path: source.folder ?? '' });
  return { files, unreadable };
}

export function groupBundles(files: readonly InputFile[]): Candidate[] {
  const out: Candidate[] = [];
  const parts = new Map<string, InputFile[]>();
  for (const f of files) {
    if (!isPart(f.bytes)) {
      out.push({ fileNames: [f.name], bytes: f.bytes, error: null });
      continue;
    }
    try {
      const { header } = readPart(f.bytes);
      parts.set(header.bundleId, [...(parts.get(header.bundleId) ?? []), f]);
    } catch (e) {
      out.push({ fileNames: [f.name], bytes: null, error: asAppError(e) });
    }
  }
  for (const group of parts.values()) {
    const fileNames = group.map((g) => g.name).sort();
    try {
      out.push({ fileNames, bytes: joinParts(group.map((g) => g.bytes)).bytes, error: null });
    } catch (e) {
      out.push({ fileNames, bytes: null, error: asAppError(e) });
    }
  }
  return out;
}

function asAppError(e: unknown): AppError {
  if (isBundleError(e)) return e;
  throw e;
}
