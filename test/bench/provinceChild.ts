// Child process of the province bench, bundled by the bench and run with plain node (as the app
// runs): one cold open of the Sở's data folder in a fresh process, then what a screen asks for,
// each timed; or a reference. Prints one JSON line.
//   home | summary | status   open, then app.state + dashboard.get | households.summary | sync.status
//   import BUNDLE             open, read the households, sync.inspect, then sync.import of the file
//   parse                     every household shard read, opened (decrypted) and parsed
//   scrypt                    the CLI's passphrase unlock alone (passphrase.ts's parameters)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { scryptSync } from 'node:crypto';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core';
import type { ImportReport } from '../../electron/contract/sync';
import type { SummaryView } from '../../electron/contract/households';
import { FileKeyProtector } from '../../electron/core/bundles';
import { openDataKey } from '../../electron/core/atRest/dataKey';
import { decodeUtf8 } from '../../electron/core/store/shardFile';
import { SUMMARY_FILE } from '../../electron/core/households/store/summaryIndex';

const [mode, dataDir, yearArg, keyFile, bundle] = process.argv.slice(2);

async function timed<T>(core: Core, name: string, input: unknown): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const r = await core.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return { ms: performance.now() - t0, value: r.value as T };
}

/** A step may take the resident memory itself (before a reference measured in the same process). */
const out = (steps: Record<string, number>): void => {
  process.stdout.write(`${JSON.stringify({ rss: process.memoryUsage().rss, ...steps })}\n`);
};

async function main(): Promise<void> {
  if (!dataDir || !keyFile) throw new Error('usage: provinceChild MODE DIR YEAR KEYFILE [BUNDLE]');
  if (mode === 'scrypt') {
    const t0 = performance.now();
    scryptSync('mật khẩu bench', 'muối của bench', 32, { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 2 ** 17 * 8 + (1 << 20) });
    out({ ms: performance.now() - t0 });
    return;
  }
  const keyProtector = FileKeyProtector.open(keyFile);
  if (mode === 'parse') {
    const t0 = performance.now();
    const settings = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as { installationId: string };
    const { cipher } = await openDataKey({ dataDir, installationId: settings.installationId, protector: keyProtector, readOnly: true, now: new Date() });
    const dir = path.join(dataDir, 'db', 'household');
    const kept: unknown[] = [];
    for (const name of readdirSync(dir)) {
      if (!/^\d{3}\.json$/.test(name) || !statSync(path.join(dir, name)).isFile()) continue;
      const rel = path.join('db', 'household', name);
      kept.push(JSON.parse(decodeUtf8(cipher.read(rel, readFileSync(path.join(dataDir, rel))))));
    }
    out({ ms: performance.now() - t0, shards: kept.length });
    return;
  }
  const t0 = performance.now();
  const core = await openCore({ dataDir, ports: { keyProtector } });
  const steps: Record<string, number> = { openMs: performance.now() - t0 };
  const householdsRead = (): number => (core.context.store.isRead('household') ? 1 : 0);
  if (mode === 'home') {
    // The home screen: app state and the dashboard of tasks.
    steps['stateMs'] = (await timed(core, 'app.state', {})).ms;
    steps['dashboardMs'] = (await timed(core, 'dashboard.get', {})).ms;
    steps['totalMs'] = performance.now() - t0;
    steps['householdsRead'] = householdsRead();
  } else if (mode === 'summary') {
    const s = await timed<SummaryView>(core, 'households.summary', { year: Number(yearArg) });
    steps['summaryMs'] = s.ms;
    steps['rows'] = s.value.summary.rows.length;
    steps['householdsRead'] = householdsRead();
    // The summary's memory, not the reference's: the rows file below is what it no longer reads.
    steps['rss'] = process.memoryUsage().rss;
    // The reference: the rows file alone (after the op: the OS cache is as warm for both), what
    // the summary read before the per-office counts (summaryIndex.ts).
    const r0 = performance.now();
    const text = core.context.store.readDerivedSync(SUMMARY_FILE);
    if (text === null) throw new Error('no summary rows file');
    JSON.parse(text);
    steps['rowsFileMs'] = performance.now() - r0;
  } else if (mode === 'status') {
    steps['statusMs'] = (await timed(core, 'sync.status', {})).ms;
    steps['householdsRead'] = householdsRead();
  } else if (mode === 'import') {
    if (!bundle) throw new Error('import: no bundle');
    const r0 = performance.now();
    await core.context.store.ready('household');
    steps['readyMs'] = performance.now() - r0;
    const dry = await timed<ImportReport>(core, 'sync.inspect', { paths: [bundle] });
    if (dry.value.bundles[0]?.status !== 'ready') throw new Error(`inspect: ${JSON.stringify(dry.value.bundles[0]?.error)}`);
    steps['dryMs'] = dry.ms;
    const imp = await timed<ImportReport>(core, 'sync.import', { paths: [bundle] });
    const totals = imp.value.bundles[0]?.totals;
    if (!totals || totals.new === 0) throw new Error(`import: ${JSON.stringify(totals ?? imp.value.bundles[0]?.error)}`);
    steps['importMs'] = imp.ms;
    steps['records'] = totals.new;
    steps['bundleBytes'] = statSync(bundle).size;
  } else {
    throw new Error(`unknown mode ${mode}`);
  }
  out(steps);
  await core.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
