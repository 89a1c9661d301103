import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../../electron/core/store/store';
import { generateHouseholds, sampleCommunes, type Household } from '../../../electron/core/households';
import { householdDocData, householdDocId } from '../../../electron/core/households/store/docs';
import { HouseholdIndex } from '../../../electron/core/households/store/householdIndex';
import { compareEntries } from '../../../electron/core/households/store/search';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});
const change = (h: Household) => ({ id: householdDocId('VANQUAN', h.reviewYear, h.code), kind: 'household' as const, owner: 'VANQUAN', data: householdDocData(h, 'test', new Date()) });

describe('household index', () => {
  it('follows the store: order kept through edits, deletes and new records; ID numbers and history', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-hhidx-'));
    dirs.push(dir);
    const store = await Store.open({ dataDir: dir, node: 'test0001' });
    const hs = generateHouseholds({ seed: 5, count: 300, communes: sampleCommunes('VANQUAN'), reviewYear: 2022 });
    await store.write(hs.map(change));
    const index = new HouseholdIndex(store);
    const inOrder = (year: number) => {
      const list = index.year(year);
      return list.every((e, i) => i === 0 || compareEntries(list[i - 1]!, e) < 0);
    };
    expect(index.year(2022)).toHaveLength(300);
    expect(inOrder(2022)).toBe(true);

    const poor = hs.find((h) => index.get(householdDocId('VANQUAN', 2022, h.code))?.cls === 'poor') as Household;
    const v0 = index.version;
    await store.write([change({ ...poor, incomePerPerson: 5_000_000 })]);
    expect(index.version).toBeGreaterThan(v0);
    expect(index.get(householdDocId('VANQUAN', 2022, poor.code))?.cls).toBe('above');
    expect(index.year(2022)).toHaveLength(300);
    expect(inOrder(2022)).toBe(true);

    const fresh = { ...poor, code: 'VQ-AAA-00000', idNumber: '020199999999' };
    await store.write([change(fresh)]);
    expect(index.year(2022)[0]?.code).toBe('VQ-AAA-00000');
    expect(index.withIdNumber(2022, '020199999999').map((e) => e.code)).toEqual(['VQ-AAA-00000']);
    await store.write([{ ...change(fresh), deleted: true }]);
    expect(index.withIdNumber(2022, '020199999999')).toEqual([]);
    expect(index.year(2022)).toHaveLength(300);

    await store.write([change({ ...poor, reviewYear: 2023, incomePerPerson: 1_000_000, deprived: ['water', 'telecom', 'nutrition'] })]);
    expect(index.years()).toEqual([2023, 2022]);
    expect(index.historyOf('VANQUAN', poor.code)).toEqual({ 2022: 'above', 2023: 'poor' });
    await store.close();
  });
});
