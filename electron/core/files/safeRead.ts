import { constants, promises as fs } from 'node:fs';

/**
 * Reads a file named by a caller that may not be trusted (a path from the renderer or the CLI):
 * only a regular file, only up to maxBytes, and one outcome for every refusal so a caller cannot
 * probe which paths exist. The file is opened non-blocking (a FIFO would otherwise block the
 * open forever) and checked with fstat on the open handle, so a swap between a check and the
 * read cannot slip /dev/zero in. Returns null for every refusal: missing, unreadable, not a
 * regular file (device, FIFO, socket, folder) or larger than maxBytes.
 */
export async function readRegularFile(file: string, maxBytes: number): Promise<Buffer | null> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return null;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile() || st.size > maxBytes) return null;
    const buf = Buffer.alloc(st.size);
    let at = 0;
    while (at < st.size) {
      const { bytesRead } = await handle.read(buf, at, st.size - at, at);
      if (bytesRead === 0) break;
      at += bytesRead;
    }
    return at === st.size ? buf : buf.subarray(0, at);
  } catch {
    return null;
  } finally {
    await handle.close().catch(() => undefined);
  }
}
