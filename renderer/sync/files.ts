import type { FileIn } from '../../electron/contract/sync';
import type { FileOut } from '../../electron/contract/tasks';
import { fileToBase64, saveFile } from '../ui/saveFile';

/** Files chosen in an <input type=file multiple>, as the contract carries them (base64). */
export async function readChosen(list: FileList | File[] | null): Promise<FileIn[]> {
  const files = list ? [...list] : [];
  return Promise.all(files.map(async (f) => ({ name: f.name, base64: await fileToBase64(f) })));
}

/** Hands every exported file to the browser (one download each), a moment apart. */
export async function downloadAll(files: readonly FileOut[]): Promise<void> {
  for (const f of files) {
    saveFile(f);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(0)} KB`;
  return `${(n / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}
