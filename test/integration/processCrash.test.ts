import { describe, it, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { crashRound } from './crashSafety';

describe('a process crash during writes (SIGKILL of the core process; not a power cut, which only fsync ordering covers)', () => {
  it('never loses an acknowledged write and never leaves an unreadable folder', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-crash-'));
    let start = 0;
    let totalAcked = 0;
    for (let round = 0; round < 6; round++) {
      const r = await crashRound(dir, 150 + ((round * 97) % 300), start);
      expect(r.missing).toEqual([]);
      expect(r.recoveries).toBe(0);
      totalAcked += r.acked.length;
      start = (r.acked.at(-1) ?? start) + 1;
    }
    expect(totalAcked).toBeGreaterThan(20);
  });
});
