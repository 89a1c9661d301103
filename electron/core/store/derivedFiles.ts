import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileDurable } from './durableFile';
import type { DataCipher } from './sealedFile';
import { decodeUtf8 } from './shardFile';

/**
 * Files derived from the documents (summary rows, per-office counts) kept under db/, sealed like
 * the shards: they name households' codes and classes. They are caches: a file that is missing
 * or does not open reads as null and is rebuilt.
 */
export function readDerivedSync(dataDir: string, cipher: DataCipher | null, rel: string): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path.join(dataDir, rel));
  } catch {
    return null;
  }
  try {
    return decodeUtf8(cipher ? cipher.read(rel, bytes) : bytes);
  } catch {
    return null;
  }
}

export async function writeDerived(dataDir: string, cipher: DataCipher | null, rel: string, text: string): Promise<void> {
  const file = path.join(dataDir, rel);
  await fs.mkdir(path.dirname(file), { recursive: true });
  await writeFileDurable(file, cipher ? cipher.seal(rel, text) : text);
}
