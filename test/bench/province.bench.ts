import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openCore, type Core } from '../../electron/core';
import type { Doc } from '../../electron/domain/document';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { householdDocData, householdDocId } from '../../electron/core/households/store/docs';
import type { BenchModule, BenchTable } from './run';

/**
 * The Sở at province scale (issue 15): every office's households in the Sở's folder, as their
 * bundles leave them, in two shapes — 11 district offices × 20,000 households (2022) and 65
 * communes × 3,500 (the 2025 shape, no district level). Measured in fresh processes (cold,
 * as the app starts): the home screen, the household summary by office, the sync status, peak
 * resident memory; beside them, the reference measured in the same run: reading and parsing
 * every shard file, which is what opening cost when every kind was read at start.
 */
const YEAR = 2024;
const here = path.dirname(fileURLToPath(import.meta.url));
const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const mb = (b: number): string => `${Math.round(b / 2 ** 20)} MB`;
let childScript: string | undefined;

async function child(mode: string, dir: string): Promise<Record<string, number>> {
  if (!childScript) {
    childScript = path.join(mkdtempSync(path.join(os.tmpdir(), 'soviec-bench-province-')), 'provinceChild.cjs');
    await build({ entryPoints: [path.join(here, 'provinceChild.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: childScript, logLevel: 'error' });
  }
  return JSON.parse(execFileSync(process.execPath, [childScript, mode, dir, String(YEAR)], { encoding: 'utf8' })) as Record<string, number>;
}

async function call(core: Core, name: string, input: unknown): Promise<void> {
  const r = await core.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
}

/** The Sở's folder with `offices` × `perOffice` households put as imports put them. */
async function provinceFolder(dir: string, offices: string[], perOffice: number): Promise<void> {
  const core = await openCore({ dataDir: dir });
  await call(core, 'app.setup', { role: 'so', officeCode: 'SO', officerName: 'Nông Thị Hạnh' });
  const communes = sampleCommunes('VANQUAN');
  const at = new Date('2024-11-20T03:00:00Z');
  let n = 0;
  for (const [i, office] of offices.entries()) {
    const households = generateHouseholds({ seed: 100 + i, count: perOffice, communes, reviewYear: YEAR });
    for (let k = 0; k < households.length; k += 5000) {
      const docs: Doc[] = households.slice(k, k + 5000).map((h) => ({
        id: householdDocId(office, YEAR, h.code),
        kind: 'household',
        owner: office,
        rev: 1,
        hlc: `${String(1732000000000 + ++n).padStart(15, '0')}-000000-${office.toLowerCase().slice(0, 8)}`,
        author: office.toLowerCase().slice(0, 8),
        data: householdDocData(h, 'Hoàng Văn Lợi', at) as unknown as Record<string, unknown>,
      }));
      await core.context.store.putVersions(docs);
    }
  }
  await core.close();
}

async function shape(label: string, offices: string[], perOffice: number): Promise<Array<Array<string | number>>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-bench-province-'));
  try {
    await provinceFolder(dir, offices, perOffice);
    const ref = await child('parse', dir);
    const home = await child('home', dir);
    const summary = await child('summary', dir);
    const status = await child('status', dir);
    const rss = Math.max(home['rss'] ?? 0, summary['rss'] ?? 0, status['rss'] ?? 0);
    const total = offices.length * perOffice;
    const name = `${label}: ${offices.length} × ${perOffice.toLocaleString('en')} = ${total.toLocaleString('en')}`;
    return [
      [name, 'cold start to the home screen (open + app.state + dashboard)', `${ms(home['totalMs'] ?? 0)} ms`, '≤ 1 s', `${ms(ref['ms'] ?? 0)} ms to read + parse every shard`],
      [name, 'household summary by office (cold process)', `${ms(summary['summaryMs'] ?? 0)} ms (open ${ms(summary['openMs'] ?? 0)} ms)`, '≤ 300 ms', ''],
      [name, 'sync status (cold process)', `${ms(status['statusMs'] ?? 0)} ms (open ${ms(status['openMs'] ?? 0)} ms)`, '≤ 300 ms', ''],
      [name, 'peak resident memory of those', mb(rss), '≤ 400 MB', `${mb(ref['rss'] ?? 0)} holding every shard parsed`],
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const provinceBench: BenchModule = {
  name: 'province',
  async run({ quick }): Promise<BenchTable[]> {
    const div = quick ? 10 : 1;
    const districts = ['VANQUAN', 'BINHGIA', 'TRANGDINH', 'BACSON', 'VANLANG', 'CAOLOC', 'LOCBINH', 'CHILANG', 'DINHLAP', 'HUULUNG', 'TPLS'];
    const communes = Array.from({ length: 65 }, (_v, i) => `XA${String(i + 1).padStart(3, '0')}`);
    const rows = [...(await shape('11 district offices', districts, 20_000 / div)), ...(await shape('65 communes (2025 shape)', communes, 3_500 / div))];
    return [
      {
        title: 'The Sở at province scale (fresh process each, cold)',
        headers: ['data', 'step', 'measured', 'goal', 'reference (same run)'],
        rows,
        notes: ['Households are put as bundle imports put them (store.putVersions, 5,000 at a time). Not yet in this module: a year of tasks and reports beside them, the 20,000-household bundle import against its dry run, the 110,000-row Excel import (see docs/SCALE.md and `tsx test/bench/scaleCli.ts`).'],
      },
    ];
  },
};
