import { afterEach, describe, expect, it, vi } from 'vitest';
import { appendFileSync, mkdtempSync, promises as fs, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../../electron/core/store/store';
import { shardOf, shardRelPath } from '../../../electron/core/store/layout';
import { WAL_FILE } from '../../../electron/core/store/wal';
import { householdData, householdId, taskData } from './validDocs';

const dirs: string[] = [];
afterEach(async () => {
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'soviec-wal-'));
  dirs.push(d);
  return d;
}
/** Ids of households that all land in shard 0, so one shard grows past the log threshold. */
const ids = (() => {
  const out: string[] = [];
  for (let i = 0; out.length < 40; i++) if (shardOf('household', householdId(`H${i}`)) === 0) out.push(householdId(`H${i}`));
  return out;
})();
const hh = (id: string, income: number) => ({ id, kind: 'household' as const, owner: 'VANQUAN', data: householdData(`Hộ ${id}`, income, id.split(':')[3]) });
const wal = (dir: string) => path.join(dir, 'db', WAL_FILE);
const shardFile = (dir: string) => path.join(dir, shardRelPath('household', 0));
const onDisk = (dir: string, id: string) => (JSON.parse(readFileSync(shardFile(dir), 'utf8')) as { docs: Array<{ id: string; data: { incomePerPerson: number } }> }).docs.find((d) => d.id === id)?.data.incomePerPerson;

describe('write-ahead log for edits to large shards', () => {
  it('appends an edit instead of rewriting the shard; a crash before compaction loses nothing', async () => {
    const dir = tmp();
    const a = await Store.open({ dataDir: dir, node: 'wal00001', snapshotIntervalMs: 1e12 });
    await a.write(ids.map((id) => hh(id, 1_000_000)));
    const before = statSync(shardFile(dir)).mtimeMs;
    await a.write([hh(ids[3] as string, 2_500_000)]);
    expect(statSync(shardFile(dir)).mtimeMs).toBe(before); // not rewritten
    expect(readFileSync(wal(dir), 'utf8')).toContain(ids[3]);
    expect(a.get(ids[3] as string)?.data['incomePerPerson']).toBe(2_500_000);
    // "Crash": open the folder again without closing the first store.
    const b = await Store.open({ dataDir: dir, node: 'wal00001' });
    expect(b.get(ids[3] as string)?.data['incomePerPerson']).toBe(2_500_000);
    expect(onDisk(dir, ids[3] as string)).toBe(2_500_000); // replayed into the shard
    expect(readFileSync(wal(dir), 'utf8')).toBe(''); // and the log emptied
    await b.close();
  });

  it('drops a torn last line, applies complete ones, reports a damaged middle line', async () => {
    const dir = tmp();
    const a = await Store.open({ dataDir: dir, node: 'wal00001', snapshotIntervalMs: 1e12 });
    await a.write(ids.map((id) => hh(id, 1_000_000)));
    await a.write([hh(ids[0] as string, 1_100_000)]);
    await a.write([hh(ids[1] as string, 1_200_000)]);
    appendFileSync(wal(dir), '{"docs":[{"id":"h'); // a crash mid-append
    const b = await Store.open({ dataDir: dir, node: 'wal00001' });
    expect(b.get(ids[0] as string)?.data['incomePerPerson']).toBe(1_100_000);
    expect(b.get(ids[1] as string)?.data['incomePerPerson']).toBe(1_200_000);
    expect(b.recoveries).toEqual([]);
    await b.close();

    const c = await Store.open({ dataDir: dir, node: 'wal00001', snapshotIntervalMs: 1e12 });
    await c.write([hh(ids[2] as string, 1_300_000)]);
    const text = readFileSync(wal(dir), 'utf8');
    await fs.writeFile(wal(dir), `garbage\n${text}`);
    const d = await Store.open({ dataDir: dir, node: 'wal00001' });
    expect(d.get(ids[2] as string)?.data['incomePerPerson']).toBe(1_300_000);
    expect(d.recoveries[0]?.reason).toMatch(/unreadable log entries/);
    await d.close();
  });

  it('empties the log before any other write, so replay never brings back an older version', async () => {
    const dir = tmp();
    const a = await Store.open({ dataDir: dir, node: 'wal00001', snapshotIntervalMs: 1e12 });
    await a.write(ids.map((id) => hh(id, 1_000_000)));
    await a.write([hh(ids[5] as string, 1_500_000)]); // to the log
    await a.write([hh(ids[5] as string, 1_600_000), { id: 'task-1', kind: 'task', owner: 'SO', data: taskData('x') }]); // journal path
    expect(readFileSync(wal(dir), 'utf8')).toBe('');
    expect(onDisk(dir, ids[5] as string)).toBe(1_600_000);
    const b = await Store.open({ dataDir: dir, node: 'wal00001' });
    expect(b.get(ids[5] as string)?.data['incomePerPerson']).toBe(1_600_000);
    await b.close();
  });

  it('writes the shards and empties the log after a pause and on close', async () => {
    const dir = tmp();
    const a = await Store.open({ dataDir: dir, node: 'wal00001', snapshotIntervalMs: 1e12 });
    await a.write(ids.map((id) => hh(id, 1_000_000)));
    // The quiet-time timer runs on a fake clock: no real waiting, and the test says exactly
    // which delay it relies on.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      await a.write([hh(ids[7] as string, 1_700_000)]);
      await vi.advanceTimersByTimeAsync(999);
      expect(readFileSync(wal(dir), 'utf8')).not.toBe('');
      await vi.advanceTimersByTimeAsync(1);
    } finally {
      vi.useRealTimers();
    }
    await a.idle();
    expect(onDisk(dir, ids[7] as string)).toBe(1_700_000);
    expect(readFileSync(wal(dir), 'utf8')).toBe('');
    await a.write([hh(ids[8] as string, 1_800_000)]);
    await a.close();
    expect(onDisk(dir, ids[8] as string)).toBe(1_800_000);
    expect(readFileSync(wal(dir), 'utf8')).toBe('');
  });
});
