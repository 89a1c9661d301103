import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../../electron/core/store/store';
import { householdData, householdId, taskData } from './validDocs';
import { decodeUtf8 } from '../../../electron/core/store/shardFile';
import { shardOf, shardRelPath } from '../../../electron/core/store/layout';
import { encodeHlc } from '../../../electron/core/store/hlc';
import { generateHouseholds, sampleCommunes, type Household } from '../../../electron/core/households';
import { householdDocData, householdDocId } from '../../../electron/core/households/store/docs';
import { HouseholdIndex } from '../../../electron/core/households/store/householdIndex';
import { ListQueries } from '../../../electron/core/households/store/queries';

/** What a cold open of a data folder does quickly must still come out exactly right. */

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'soviec-open-'));
  dirs.push(d);
  return d;
}

describe('reading shard bytes', () => {
  it('gives the same string as Buffer#toString, for valid, invalid and marked UTF-8', () => {
    const samples = [
      Buffer.from('{"format":1,"docs":[]}'),
      Buffer.from('{"headName":"Lương Văn Bình","reason":"thu nhập 1.200.000 đ ≤ 1.500.000 đ"}'),
      Buffer.from('café, ngõ 3 😀'),
      Buffer.from('\ufeff{"format":1,"docs":[]}'), // a BOM stays, so JSON.parse still refuses it
      Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), // not UTF-8
      Buffer.from([0xe1, 0xbb]), // cut inside a letter
      Buffer.from([0xed, 0xa0, 0x80]), // an encoded lone surrogate
      Buffer.alloc(0),
    ];
    for (const b of samples) expect(decodeUtf8(b)).toBe(b.toString('utf8'));
  });
});

describe('store open', () => {
  it('continues the clock after the newest stamp, whether it was in a shard or in the log', async () => {
    const dir = tmp();
    const future = Date.UTC(2040, 0, 1);
    const ahead = await Store.open({ dataDir: dir, node: 'open0001', now: () => future, snapshotIntervalMs: 1e12 });
    const ids: string[] = [];
    for (let i = 0; ids.length < 30; i++) if (shardOf('household', householdId(`H${i}`)) === 0) ids.push(householdId(`H${i}`));
    const hh = (id: string, income: number) => ({ id, kind: 'household' as const, owner: 'VANQUAN', data: householdData('Hoàng Văn Nam', income, id.split(':')[3]) });
    await ahead.write(ids.map((id) => hh(id, 1_000_000)));
    const [logged] = await ahead.write([hh(ids[0] as string, 2_000_000)]);
    // Not closed: the last edit is only in the write-ahead log, with the newest stamp.
    const behind = await Store.open({ dataDir: dir, node: 'open0002', now: () => 0 });
    expect(behind.get(ids[0] as string)?.data['incomePerPerson']).toBe(2_000_000);
    const [next] = await behind.write([{ id: 'later', kind: 'task', owner: 'SO', data: taskData('Báo cáo sau') }]);
    expect(next && logged && next.hlc > logged.hlc).toBe(true);
    await behind.close();
  });

  it('keeps the by-id and by-kind views in step when one id is found in two kinds’ shards', async () => {
    const dir = tmp();
    const doc = (kind: 'task' | 'directive', ms: number) => ({ id: 'x', kind, owner: 'SO', rev: 1, hlc: encodeHlc(ms, 0, 'open0001'), data: { kind } });
    for (const [kind, ms] of [['task', 1], ['directive', 2]] as const) {
      const file = path.join(dir, shardRelPath(kind, shardOf(kind, 'x')));
      await fs.mkdir(path.dirname(file), { recursive: true });
      writeFileSync(file, JSON.stringify({ format: 1, docs: [doc(kind, ms), { ...doc(kind, ms), id: `${kind}-only` }] }));
    }
    const store = await Store.open({ dataDir: dir, node: 'open0001' });
    const kept = store.get('x');
    const inTasks = store.list('task').filter((d) => d.id === 'x');
    const inDirectives = store.list('directive').filter((d) => d.id === 'x');
    expect(inTasks.length + inDirectives.length).toBe(1);
    expect([...inTasks, ...inDirectives][0]).toBe(kept);
    expect(store.count('task') + store.count('directive')).toBe(3);
    expect(store.get('task-only')?.kind).toBe('task');
    expect(store.get('directive-only')?.kind).toBe('directive');
    await store.close();
  });
});

describe('first page of the household list after an open', () => {
  it('counts classes and applies the office scope exactly as a filter over every row would', async () => {
    const dir = tmp();
    const store = await Store.open({ dataDir: dir, node: 'open0001', snapshotIntervalMs: 1e12 });
    const change = (h: Household, owner = 'VANQUAN') => ({ id: householdDocId(owner, h.reviewYear, h.code), kind: 'household' as const, owner, data: householdDocData(h, 'test', new Date()) });
    const hs = generateHouseholds({ seed: 7, count: 400, communes: sampleCommunes('VANQUAN'), reviewYear: 2022 });
    await store.write(hs.map((h) => change(h)));
    await store.close();

    const reopened = await Store.open({ dataDir: dir, node: 'open0001', snapshotIntervalMs: 1e12 });
    const index = new HouseholdIndex(reopened);
    const queries = new ListQueries(index);
    const recount = (rows: ReadonlyArray<{ cls: string }>) => {
      const out: Record<string, number> = { poor: 0, nearPoor: 0, medium: 0, above: 0 };
      for (const r of rows) out[r.cls] = (out[r.cls] ?? 0) + 1;
      return out;
    };
    const check = (office: string | undefined) => {
      const page = queries.page(2022, office ? { office } : {}, 0, 50, false);
      const all = index.year(2022).filter((e) => office === undefined || e.owner === office);
      expect(page.total).toBe(all.length);
      expect(page.byClass).toEqual(recount(all));
      expect(page.rows.map((r) => r.id)).toEqual(all.slice(0, 50).map((e) => e.id));
    };
    check(undefined);
    check('VANQUAN');
    check('OTHER');

    // Edits, a delete, a record of another office: the counts follow, the scope filters again.
    const poor = hs.find((h) => index.get(householdDocId('VANQUAN', 2022, h.code))?.cls === 'poor') as Household;
    await reopened.write([change({ ...poor, incomePerPerson: 9_000_000 })]);
    await reopened.write([{ ...change(hs[1] as Household), deleted: true }]);
    await reopened.write([change({ ...(hs[2] as Household), code: 'VQ-KHAC-00001' }, 'OTHER')]);
    check(undefined);
    check('VANQUAN');
    check('OTHER');
    expect(queries.page(2022, {}, 0, 1, false).total).toBe(400);
    await reopened.close();
  });
});
