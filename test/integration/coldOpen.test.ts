import { describe, it, expect, vi } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core';
import type { Doc } from '../../electron/domain/document';
import type { SyncStatus } from '../../electron/contract/sync';
import type { SummaryView } from '../../electron/contract/households';
import { listSnapshots } from '../../electron/core/store/backups';
import { Store } from '../../electron/core/store/store';
import { folderCipher } from './folderKey';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { householdDocData, householdDocId } from '../../electron/core/households/store/docs';
import { SUMMARY_COUNTS_FILE } from '../../electron/core/households/store/summaryIndex';

/**
 * A cold open of the Sở's folder (issue 15): the sync status, the home screen and the summary by
 * office answer without reading a household shard (the summary reads only each office's counts,
 * not the file of one row per household), and opening a folder whose newest backup
 * already holds it takes no new snapshot (a snapshot reads, opens and hashes every shard,
 * households included: at 65 units it was most of what `status` waited for). A folder changed
 * since its newest snapshot (a state file, or a session that crashed after a write) is backed
 * up at the next open.
 */

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const r = await core.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const newestSnapshot = async (dir: string): Promise<string | undefined> => (await listSnapshots(dir)).at(-1)?.name;

describe('cold open of the Sở with every office’s households', () => {
  it('reads no household shard for status, home and summary, and takes no snapshot it already has', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-cold-open-'));
    let core = await openCore({ dataDir: dir });
    await call(core, 'app.setup', { profileId: 'lang-son-2022', role: 'so', officeCode: 'SO', officerName: 'Nông Thị Hạnh' });
    await call(core, 'app.confirmRecoveryCode', { confirmed: true });
    await call(core, 'sync.status', {}); // the installation's keys are made on first use (a state file)
    const at = new Date('2024-11-20T03:00:00Z');
    let n = 0;
    for (const [i, office] of ['VANQUAN', 'BINHGIA', 'TRANGDINH'].entries()) {
      const docs: Doc[] = generateHouseholds({ seed: 7 + i, count: 150, communes: sampleCommunes('VANQUAN'), reviewYear: 2024 }).map((h) => ({
        id: householdDocId(office, 2024, h.code),
        kind: 'household',
        owner: office,
        rev: 1,
        hlc: `${String(1732000000000 + ++n).padStart(15, '0')}-000000-${office.toLowerCase().slice(0, 8)}`,
        author: office.toLowerCase().slice(0, 8),
        data: householdDocData(h, 'Hoàng Văn Lợi', at) as unknown as Record<string, unknown>,
      }));
      await core.context.store.putVersions(docs);
    }
    await core.close();
    const backedUp = await newestSnapshot(dir);
    expect(backedUp).toBeDefined();

    // Reopened as the app starts: the home screen, the status, the summary by office.
    core = await openCore({ dataDir: dir });
    await call(core, 'app.state', {});
    await call(core, 'dashboard.get', {});
    const status = await call<SyncStatus>(core, 'sync.status', {});
    expect(status.role).toBe('so');
    const derived = vi.spyOn(Store.prototype, 'readDerivedSync');
    const view = await call<SummaryView>(core, 'households.summary', { year: 2024 });
    expect(derived.mock.calls.map((c) => c[0])).toEqual([SUMMARY_COUNTS_FILE]);
    derived.mockRestore();
    expect(view.summary.rows.map((r) => r.key).sort()).toEqual(['BINHGIA', 'TRANGDINH', 'VANQUAN']);
    expect(view.summary.total.total).toBe(450);
    await core.context.store.idle(); // the start-of-session snapshot check has run
    expect(core.context.store.isRead('household')).toBe(false);
    await core.close();
    expect(await newestSnapshot(dir)).toBe(backedUp);

    // A state file changed since the backup (the language in settings): the next open backs it up.
    core = await openCore({ dataDir: dir });
    await call(core, 'app.setLanguage', { language: 'en' });
    await core.close();
    core = await openCore({ dataDir: dir });
    await core.context.store.idle();
    const after = await listSnapshots(dir);
    expect(after.at(-1)?.name).not.toBe(backedUp);
    // That snapshot still holds every household shard, copied from the files as they are.
    expect(Object.keys(after.at(-1)?.files ?? {}).filter((rel) => rel.includes('household')).length).toBeGreaterThan(100);
    expect(core.context.store.isRead('household')).toBe(false);
    await core.close();

    // A session that wrote and crashed before its closing snapshot: the next open backs up.
    const backedUpAgain = await newestSnapshot(dir);
    const settings = JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')) as { node: string };
    const crashed = await Store.open({ dataDir: dir, node: settings.node, cipher: await folderCipher(dir), snapshotIntervalMs: 1e12 });
    const [first] = crashed.list('household');
    if (!first) throw new Error('no household');
    await crashed.putVersions([{ ...first, rev: first.rev + 1, hlc: `${String(1733000000000).padStart(15, '0')}-000000-vanquan`, data: { ...first.data, village: 'Thôn Nà Lầu' } }]);
    core = await openCore({ dataDir: dir });
    await core.context.store.idle();
    expect(await newestSnapshot(dir)).not.toBe(backedUpAgain);
    await core.close();
  });
});
