import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOffice, type Office } from '../integration/twoOffices';

/**
 * Class 5 (the part done in the core) of issue 10: a path handed to the core names only a
 * regular file of bounded size, and every refusal reads the same, so paths cannot be probed.
 */
let office: Office;
let dir: string;
beforeAll(async () => {
  office = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan');
  dir = mkdtempSync(path.join(tmpdir(), 'soviec-special-'));
  execFileSync('mkfifo', [path.join(dir, 'ống.soviec')]);
  writeFileSync(path.join(dir, 'thẻ.soviec-key'), Buffer.alloc(70 * 1024, 0x41));
});
afterAll(async () => {
  await office.core.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(office.dataDir, { recursive: true, force: true });
});

describe('paths from the caller', () => {
  const cases = (): string[] => ['/dev/zero', '/dev/urandom', path.join(dir, 'ống.soviec'), dir, path.join(dir, 'không-có.soviec'), '/root/.bash_history'];

  it('sync.inspect refuses devices, FIFOs, folders and missing files alike, without hanging', async () => {
    for (const p of cases()) {
      const t0 = performance.now();
      const r = await office.call('sync.inspect', { paths: [p] });
      expect(r.bundles.map((b) => b.error?.code)).toEqual(['FOLDER_UNREADABLE']);
      expect(performance.now() - t0).toBeLessThan(2000);
    }
  });

  it('sync.keyCard.inspect answers the same for every refusal, and caps the size', async () => {
    for (const p of [...cases(), path.join(dir, 'thẻ.soviec-key')]) {
      await expect(office.call('sync.keyCard.inspect', { path: p })).rejects.toMatchObject({ code: 'FOLDER_UNREADABLE' });
    }
  });
});
