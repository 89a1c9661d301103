import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

/**
 * Core log: one line per event in <data>/logs/core.log, outside the document files so a refused
 * import can log without touching data. Sync append keeps ordering simple; it is rare.
 */
export function createLogger(dataDir: string): (message: string, error?: unknown) => void {
  const dir = path.join(dataDir, 'logs');
  return (message, error) => {
    try {
      mkdirSync(dir, { recursive: true });
      const detail = error instanceof Error ? ` ${error.stack ?? error.message}` : error ? ` ${String(error)}` : '';
      appendFileSync(path.join(dir, 'core.log'), `${new Date().toISOString()} ${message}${detail}\n`);
    } catch {
      // logging must never break the operation it reports on
    }
  };
}
