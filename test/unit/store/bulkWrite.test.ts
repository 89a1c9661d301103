import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, promises as fs, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../../electron/core/store/store';
import { BulkStage, BULK_FILE } from '../../../electron/core/store/bulkWrite';
import { DataCipher } from '../../../electron/core/store/sealedFile';
import type { Doc } from '../../../electron/domain/document';
import type { LocalChange } from '../../../electron/core/store/types';
import { householdData, householdId } from './validDocs';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'soviec-bulk-'));
  dirs.push(d);
  return d;
}

const NAMES = ['Hoàng Văn Thắng', 'Lương Thị Hằng', 'Nông Văn Dũng', 'Triệu Thị Mến', 'Vi Văn Khánh'];
const change = (n: number, income = 1_000_000 + n): LocalChange => ({
  id: householdId(`VQ-${n}`),
  kind: 'household',
  owner: 'VANQUAN',
  data: householdData(`${NAMES[n % NAMES.length]} ${n}`, income, `VQ-${n}`),
});
function batchesOf(count: number, size: number, income?: (n: number) => number): LocalChange[][] {
  const out: LocalChange[][] = [];
  for (let i = 0; i < count; i += size) out.push(Array.from({ length: Math.min(size, count - i) }, (_x, k) => change(i + k, income?.(i + k))));
  return out;
}
/** A stamp an hour ahead of the clock (a version staged by the process that crashed). */
const ahead = (k: number): string => `${String(Date.now() + 3_600_000).padStart(15, '0')}-${String(k).padStart(6, '0')}-bulk0001`;
const bulkLog = (dir: string) => path.join(dir, 'db', BULK_FILE);
const partial = (dir: string) => path.join(dir, 'db', 'bulk.partial');

describe('bulk writes (an Excel import of many households)', () => {
  it('lands every batch, one version per id, readable after reopening, and leaves no log behind', async () => {
    const dir = tmp();
    const a = await Store.open({ dataDir: dir, node: 'bulk0001', snapshotIntervalMs: 1e12 });
    const seen: Doc[] = [];
    a.onChange((docs) => seen.push(...docs));
    await a.write([change(3, 900_000)]); // already recorded: the bulk write makes its next version
    expect(await a.writeBulk(batchesOf(1_200, 250))).toBe(1_200);
    expect(a.count('household')).toBe(1_200);
    expect(a.get(householdId('VQ-3'))).toMatchObject({ rev: 2, data: { incomePerPerson: 1_000_003 } });
    expect(seen.filter((d) => d.rev === 1 || d.id === householdId('VQ-3')).length).toBe(1_201);
    expect(existsSync(bulkLog(dir))).toBe(false);
    expect(existsSync(partial(dir))).toBe(false);
    await a.close();
    const b = await Store.open({ dataDir: dir, node: 'bulk0001' });
    expect(b.count('household')).toBe(1_200);
    expect(b.get(householdId('VQ-1199'))?.data['headName']).toBe('Vi Văn Khánh 1199');
    await b.close();
  });

  it('writes nothing when a later batch holds a record that does not fit its kind', async () => {
    const dir = tmp();
    const a = await Store.open({ dataDir: dir, node: 'bulk0001', snapshotIntervalMs: 1e12 });
    const batches = batchesOf(600, 200);
    const bad = { ...change(599), data: { ...change(599).data, members: 'bốn' } } as unknown as LocalChange;
    (batches[2] as LocalChange[])[5] = bad;
    await expect(a.writeBulk(batches)).rejects.toThrow();
    expect(a.count('household')).toBe(0);
    expect(existsSync(partial(dir))).toBe(false);
    await a.close();
    const b = await Store.open({ dataDir: dir, node: 'bulk0001' });
    expect(b.count('household')).toBe(0);
    await b.close();
  });

  for (const sealed of [false, true]) {
    const label = sealed ? ' (sealed with the data key)' : '';
    it(`after a crash while staging, the next open finds none of it${label}`, async () => {
      const dir = tmp();
      const cipher = sealed ? new DataCipher(randomBytes(32)) : null;
      const a = await Store.open({ dataDir: dir, node: 'bulk0001', snapshotIntervalMs: 1e12, cipher });
      await a.write([change(0, 800_000)]);
      // The process dies after two of three batches are staged: no commit.
      const stage = await BulkStage.begin(dir, cipher);
      await stage.append(batchesOf(40, 20).flat().map((c, i) => ({ id: c.id ?? '', kind: c.kind, owner: c.owner, rev: 9, hlc: ahead(i), author: 'bulk0001', data: c.data })));
      expect(existsSync(partial(dir))).toBe(true);
      const b = await Store.open({ dataDir: dir, node: 'bulk0001', cipher });
      expect(b.count('household')).toBe(1);
      expect(b.get(householdId('VQ-0'))?.data['incomePerPerson']).toBe(800_000);
      expect(existsSync(partial(dir))).toBe(false);
      await b.close();
    });

    it(`after a crash once committed, the next open puts every staged version into its shard${label}`, async () => {
      const dir = tmp();
      const cipher = sealed ? new DataCipher(randomBytes(32)) : null;
      const a = await Store.open({ dataDir: dir, node: 'bulk0001', snapshotIntervalMs: 1e12, cipher });
      await a.write([change(0, 800_000)]);
      const docs = batchesOf(300, 100).map((batch, k) =>
        batch.map((c, i): Doc => ({ id: c.id ?? '', kind: c.kind, owner: c.owner, rev: 2, hlc: ahead(k * 100 + i), author: 'bulk0001', data: c.data })),
      );
      const stage = await BulkStage.begin(dir, cipher);
      for (const batch of docs) await stage.append(batch);
      await stage.commit(); // ...and the process dies before any shard is written
      const b = await Store.open({ dataDir: dir, node: 'bulk0001', cipher });
      expect(b.count('household')).toBe(300);
      expect(b.get(householdId('VQ-0'))?.data['incomePerPerson']).toBe(1_000_000);
      expect(existsSync(bulkLog(dir))).toBe(false);
      expect(b.recoveries).toEqual([]);
      // New stamps follow the replayed ones.
      const newest = docs.flat().reduce((m, d) => (d.hlc > m ? d.hlc : m), '');
      const [next] = await b.write([change(1, 1_500_000)]);
      expect((next as Doc).hlc > newest).toBe(true);
      await b.close();
      const c = await Store.open({ dataDir: dir, node: 'bulk0001', cipher });
      expect(c.count('household')).toBe(300);
      expect(c.get(householdId('VQ-1'))?.data['incomePerPerson']).toBe(1_500_000);
      if (sealed) expect(readFileSync(path.join(dir, 'db', 'household', '000.json')).includes(Buffer.from('Hoàng'))).toBe(false);
      await c.close();
    });
  }
});
