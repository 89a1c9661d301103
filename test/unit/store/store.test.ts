import { describe, it, expect, afterEach, vi } from 'vitest';
import { promises as fs, mkdtempSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Store } from '../../../electron/core/store/store';
import { householdData, householdId, taskData } from './validDocs';
import { householdDocId } from '../../../electron/core/households/store/docs';

const householdDocIdOf = (office: string): string => householdDocId(office, 2022, 'VQ-001');
import { shardOf, shardRelPath, BACKUP_DIR } from '../../../electron/core/store/layout';
import { snapshotsToKeep, type SnapshotInfo } from '../../../electron/core/store/backups';
import { writeFileDurable } from '../../../electron/core/store/durableFile';

const dirs: string[] = [];
function tmp(): string {
  const d = mkdtempSync(path.join(os.tmpdir(), 'soviec-store-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  vi.restoreAllMocks();
  for (const d of dirs.splice(0)) await fs.rm(d, { recursive: true, force: true });
});

const task = (id: string, content: string) => ({ id, kind: 'task' as const, owner: 'SO', data: taskData(content) });

describe('store on lowdb', () => {
  it('writes to disk even when NODE_ENV=test (no in-memory preset)', async () => {
    const prev = process.env.NODE_ENV;
    process.env.NODE_ENV = 'test';
    try {
      const dir = tmp();
      const store = await Store.open({ dataDir: dir, node: 'abcd0001' });
      await store.write([task('t1', 'Rà soát hộ nghèo, cận nghèo năm 2022')]);
      const file = path.join(dir, shardRelPath('task', shardOf('task', 't1')));
      const onDisk = JSON.parse(readFileSync(file, 'utf8')) as { docs: Array<{ data: { content: string } }> };
      expect(onDisk.docs[0]?.data.content).toBe('Rà soát hộ nghèo, cận nghèo năm 2022');
      await store.close();
    } finally {
      process.env.NODE_ENV = prev;
    }
  });

  it('reopens with the same documents, revisions and a clock that continues', async () => {
    const dir = tmp();
    const a = await Store.open({ dataDir: dir, node: 'abcd0001' });
    await a.write([task('t1', 'Lần 1')]);
    const [second] = await a.write([task('t1', 'Lần 2')]);
    await a.close();
    const b = await Store.open({ dataDir: dir, node: 'abcd0001', now: () => 0 }); // clock broken
    expect(b.get('t1')?.data).toEqual(taskData('Lần 2'));
    expect(b.get('t1')?.rev).toBe(2);
    const [third] = await b.write([task('t1', 'Lần 3')]);
    expect(third && second && third.hlc > second.hlc).toBe(true);
    await b.close();
  });

  it('refuses a write whose data does not fit its kind, naming the kind and the field, and writes nothing', async () => {
    const dir = tmp();
    const store = await Store.open({ dataDir: dir, node: 'abcd0001', snapshotIntervalMs: 1e12 });
    const wrong = { ...householdData('Nông Thị Hoa', 1_600_000), incomePerPerson: 'một triệu sáu' };
    // The typed change refuses this at compile time; data from elsewhere is checked at run time.
    const change = { id: householdId('H1'), kind: 'household', owner: 'VANQUAN', data: wrong } as unknown as Parameters<Store['write']>[0][number];
    await expect(store.write([task('t1', 'Rà soát hộ nghèo'), change])).rejects.toMatchObject({
      code: 'RECORD_SHAPE_INVALID',
      messageKey: 'common:errors.RECORD_SHAPE_INVALID',
      params: { kind: 'household', field: 'incomePerPerson' },
    });
    await expect(store.write([{ id: householdDocIdOf('BINHGIA'), kind: 'household', owner: 'VANQUAN', data: householdData('Nông Thị Hoa', 1_600_000) }])).rejects.toMatchObject({
      code: 'RECORD_ID_NOT_OWNERS',
      params: { kind: 'household', field: 'id' },
    });
    expect(store.get('t1')).toBeUndefined();
    await store.close();
  });

  it('an edit rewrites only the one shard that holds the document', async () => {
    const dir = tmp();
    const store = await Store.open({ dataDir: dir, node: 'abcd0001', snapshotIntervalMs: 1e12 });
    const many = Array.from({ length: 3000 }, (_, i) => ({
      id: householdId(`H${i}`),
      kind: 'household' as const,
      owner: 'VANQUAN',
      data: householdData(`Hoàng Văn ${i}`, 1_200_000, `H${i}`),
    }));
    for (let i = 0; i < many.length; i += 500) await store.write(many.slice(i, i + 500));
    await store.idle();
    const files = readdirSync(path.join(dir, 'db', 'household')).filter((f) => f.endsWith('.json'));
    // Age every shard by an hour instead of sleeping, so a rewritten shard's mtime always differs.
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const f of files) utimesSync(path.join(dir, 'db', 'household', f), hourAgo, hourAgo);
    const before = new Map(files.map((f) => [f, statSync(path.join(dir, 'db', 'household', f)).mtimeMs]));
    await store.write([{ id: householdId('H42'), kind: 'household', owner: 'VANQUAN', data: householdData('Nông Thị Hoa', 1_600_000, 'H42') }]);
    const changed = files.filter((f) => statSync(path.join(dir, 'db', 'household', f)).mtimeMs !== before.get(f));
    expect(changed).toEqual([path.basename(shardRelPath('household', shardOf('household', householdId('H42'))))]);
    await store.close();
  });

  it('retries the rename while Windows antivirus holds the file', async () => {
    const dir = tmp();
    const real = fs.rename.bind(fs);
    let failures = 0;
    vi.spyOn(fs, 'rename').mockImplementation(async (from, to) => {
      if (failures < 2) {
        failures++;
        throw Object.assign(new Error('busy'), { code: 'EBUSY' });
      }
      return real(from, to);
    });
    await writeFileDurable(path.join(dir, 'x.json'), '{"ok":true}');
    expect(failures).toBe(2);
    expect(readFileSync(path.join(dir, 'x.json'), 'utf8')).toBe('{"ok":true}');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('finishes a multi-shard write that a crash interrupted, from the journal', async () => {
    const dir = tmp();
    const store = await Store.open({ dataDir: dir, node: 'abcd0001' });
    await store.write([task('seed', 'x')]);
    await store.close();
    const docs = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({
      id,
      kind: 'task',
      owner: 'SO',
      rev: 1,
      hlc: `00000000000000${i}-000000-abcd0001`,
      data: taskData(`Nhiệm vụ ${id}`),
    }));
    writeFileSync(path.join(dir, 'db', 'journal.json'), JSON.stringify({ format: 1, docs }));
    const again = await Store.open({ dataDir: dir, node: 'abcd0001' });
    expect(again.list('task').map((d) => d.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e', 'seed']);
    expect(readdirSync(path.join(dir, 'db'))).not.toContain('journal.json');
    await again.close();
  });

  it('restores a truncated shard from the newest good backup and says so', async () => {
    const dir = tmp();
    const store = await Store.open({ dataDir: dir, node: 'abcd0001', snapshotIntervalMs: 0 });
    await store.write([task('t1', 'Kế hoạch giảm nghèo năm 2022')]);
    await store.idle();
    await store.close();
    const rel = shardRelPath('task', shardOf('task', 't1'));
    const file = path.join(dir, rel);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.slice(0, Math.floor(text.length / 2))); // power cut inside a tool writing in place
    const reopened = await Store.open({ dataDir: dir, node: 'abcd0001' });
    expect(reopened.get('t1')?.data).toEqual(taskData('Kế hoạch giảm nghèo năm 2022'));
    expect(reopened.recoveries).toHaveLength(1);
    expect(reopened.recoveries[0]).toMatchObject({ file: rel, reason: 'truncated or not JSON' });
    expect(reopened.recoveries[0]?.restoredFrom).toMatch(/^\d{4}-/);
    const damaged = path.join(dir, reopened.recoveries[0]?.movedTo ?? '');
    expect(readFileSync(damaged, 'utf8')).toBe(text.slice(0, Math.floor(text.length / 2)));
    await reopened.close();
  });

  it('tells the user when no good backup exists, and keeps the damaged file', async () => {
    const dir = tmp();
    const rel = shardRelPath('task', 0);
    await fs.mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), '{"format":1,"docs":[{"id":');
    const store = await Store.open({ dataDir: dir, node: 'abcd0001' });
    expect(store.recoveries[0]).toMatchObject({ file: rel, restoredFrom: null });
    expect(readdirSync(path.join(dir, 'damaged'))).toHaveLength(1);
    await store.close();
  });

  it('keeps the last 10 snapshots plus one a day for a week', () => {
    const now = new Date('2026-11-27T10:00:00Z');
    const snaps: SnapshotInfo[] = [];
    for (let day = 12; day >= 0; day--) {
      for (let k = 0; k < 3; k++) {
        const at = new Date(now.getTime() - day * 86_400_000 - (3 - k) * 3_600_000);
        snaps.push({ name: at.toISOString() + k, createdAt: at.toISOString(), files: {} });
      }
    }
    const keep = snapshotsToKeep(snaps, now);
    const recent = snaps.slice(-10).map((s) => s.name);
    for (const n of recent) expect(keep.has(n)).toBe(true);
    const days = new Set([...keep].map((n) => n.slice(0, 10)));
    expect(days.size).toBe(7); // one a day for the last 7 days (the last 10 fall inside them)
    expect([...keep].some((n) => n.startsWith('2026-11-15'))).toBe(false);
  });

  it('takes hard-linked incremental snapshots into backups/', async () => {
    const dir = tmp();
    const store = await Store.open({ dataDir: dir, node: 'abcd0001', snapshotIntervalMs: 0 });
    await store.write([task('t1', 'một')]);
    await store.idle();
    await store.write([{ id: householdId('H1'), kind: 'household', owner: 'VANQUAN', data: householdData('Hoàng Thị Lý', 1_350_000, 'H1') }]);
    await store.idle();
    const snaps = readdirSync(path.join(dir, BACKUP_DIR)).sort();
    expect(snaps.length).toBeGreaterThanOrEqual(2);
    const last = snaps.at(-1) as string;
    const rel = shardRelPath('task', shardOf('task', 't1'));
    expect(statSync(path.join(dir, BACKUP_DIR, last, rel)).nlink).toBeGreaterThanOrEqual(2);
    await store.close();
  });
});
