import { appendFileSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

/** A log file is rotated past this size; LOG_KEEP older files are kept (core.1.log … core.5.log). */
export const LOG_MAX_BYTES = 2 * 1024 * 1024;
export const LOG_KEEP = 5;

/** core.log → core.1.log → … → core.<keep>.log; the oldest is dropped. */
function rotate(file: string, keep: number): void {
  const base = file.replace(/\.log$/, '');
  rmSync(`${base}.${keep}.log`, { force: true });
  for (let i = keep - 1; i >= 1; i--) {
    try {
      renameSync(`${base}.${i}.log`, `${base}.${i + 1}.log`);
    } catch {
      // not there yet
    }
  }
  renameSync(file, `${base}.1.log`);
}

/**
 * Core log: one line per event in <data>/logs/core.log, outside the document files so a refused
 * import can log without touching data. Sync append keeps ordering simple; it is rare. Size
 * capped: past `maxBytes` the file is rotated and `keep` older ones kept, so a loop of errors on
 * an office PC cannot fill its disk.
 */
export function createLogger(
  dataDir: string,
  limits: { maxBytes?: number; keep?: number } = {},
): (message: string, error?: unknown) => void {
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, 'core.log');
  const maxBytes = limits.maxBytes ?? LOG_MAX_BYTES;
  const keep = limits.keep ?? LOG_KEEP;
  return (message, error) => {
    try {
      mkdirSync(dir, { recursive: true });
      const detail = error instanceof Error ? ` ${error.stack ?? error.message}` : error ? ` ${String(error)}` : '';
      const line = `${new Date().toISOString()} ${message}${detail}\n`;
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        size = 0;
      }
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate(file, keep);
      appendFileSync(file, line);
    } catch {
      // logging must never break the operation it reports on
    }
  };
}
