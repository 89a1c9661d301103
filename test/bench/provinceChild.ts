// Child process of the province bench, bundled by the bench and run with plain node (as the app
// runs): one cold open of the Sở's data folder in a fresh process, then what the screens ask
// for, each timed; or the reference: every shard file read and parsed (what opening cost
// before households were read lazily). Prints one JSON line.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core';

const [mode, dataDir, yearArg] = process.argv.slice(2);

async function timed(core: Core, name: string, input: unknown): Promise<number> {
  const t0 = performance.now();
  const r = await core.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return performance.now() - t0;
}

async function main(): Promise<void> {
  if (!dataDir) throw new Error('usage: provinceChild home|summary|status|parse DIR YEAR');
  if (mode === 'parse') {
    const t0 = performance.now();
    const root = path.join(dataDir, 'db');
    const kept: unknown[] = [];
    for (const kind of readdirSync(root)) {
      const sub = path.join(root, kind);
      if (!statSync(sub).isDirectory()) continue;
      for (const name of readdirSync(sub)) if (/^\d{3}\.json$/.test(name)) kept.push(JSON.parse(readFileSync(path.join(sub, name), 'utf8')));
    }
    process.stdout.write(`${JSON.stringify({ ms: performance.now() - t0, rss: process.memoryUsage().rss })}\n`);
    return;
  }
  const t0 = performance.now();
  const core = await openCore({ dataDir });
  const openMs = performance.now() - t0;
  const steps: Record<string, number> = { openMs };
  if (mode === 'home') {
    // The home screen: app state and the dashboard of tasks.
    steps['stateMs'] = await timed(core, 'app.state', {});
    steps['dashboardMs'] = await timed(core, 'dashboard.get', {});
    steps['totalMs'] = performance.now() - t0;
  } else if (mode === 'summary') {
    steps['summaryMs'] = await timed(core, 'households.summary', { year: Number(yearArg) });
    steps['totalMs'] = performance.now() - t0;
  } else if (mode === 'status') {
    steps['statusMs'] = await timed(core, 'sync.status', {});
    steps['totalMs'] = performance.now() - t0;
  }
  steps['rss'] = process.memoryUsage().rss;
  process.stdout.write(`${JSON.stringify(steps)}\n`);
  await core.close();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
