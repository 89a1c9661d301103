import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { openCore, type Core } from '../../electron/core';
import type { Doc } from '../../electron/domain/document';
import type { ExportResult } from '../../electron/contract/sync';
import { lowerUnits, type OrgProfile } from '../../electron/domain/org';
import { CommuneSchema, type Commune } from '../../electron/domain/households/communes';
import { FileKeyProtector } from '../../electron/core/bundles';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { householdDocData, householdDocId } from '../../electron/core/households/store/docs';
import { yearOfWork, type YearCounts } from './provinceYear';
import type { BenchModule, BenchTable } from './run';

/**
 * The Sở at province scale (issue 15): every unit's households in the Sở's folder, as their
 * bundles leave them, in two shapes — the 11 district offices × 20,000 households of the 2022
 * profile, and the 65 communes and wards × 3,500 of the 2025 profile (no district level) — with
 * a year of directives, tasks, progress and monthly reports beside them. In the 2022 shape the
 * last office's households arrive as a real bundle: its import is measured against its dry run
 * (sync.inspect), each in a fresh copy of the Sở's folder, and the measured folder is the one
 * after that import. Then, each in a fresh process (cold, as the app starts), median of RUNS:
 * the home screen, the household summary by office, the sync status, peak resident memory;
 * beside each a reference measured in the same run.
 *
 * Folders are unlocked as the desktop app unlocks them: the data key sealed by the PC's key
 * store (`ports.keyProtector`; FileKeyProtector stands in for Electron's safeStorage, which
 * needs Electron). The CLI's passphrase unlock (scrypt) is measured apart: it is not on the
 * app's path.
 */
const YEAR = 2024;
const RUNS = 3;
const here = path.dirname(fileURLToPath(import.meta.url));
const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));
const mb = (b: number): string => `${Math.round(b / 2 ** 20)} MB`;
const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
let childScript: string | undefined;

/** The PC key store of the bench (one "machine" for every folder of the run). */
const keyFile = (): string => path.join(process.env.SOVIEC_KEY_DIR ?? os.tmpdir(), 'bench-machine.key');
const ports = (): { keyProtector: FileKeyProtector } => ({ keyProtector: FileKeyProtector.open(keyFile()) });

/**
 * SOVIEC_BENCH_CPU_PROF=DIR: one more run of the summary and of the import, under `node
 * --cpu-prof`, profiles written to DIR (not counted in the figures): where a goal is missed.
 */
const PROFILE_DIR = process.env.SOVIEC_BENCH_CPU_PROF;

async function child(mode: string, dir: string, extra: string[] = [], profileAs?: string): Promise<Record<string, number>> {
  if (!childScript) {
    childScript = path.join(mkdtempSync(path.join(os.tmpdir(), 'soviec-bench-province-')), 'provinceChild.cjs');
    await build({ entryPoints: [path.join(here, 'provinceChild.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: childScript, logLevel: 'error' });
  }
  const prof = profileAs && PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.join(PROFILE_DIR, profileAs)}`] : [];
  const out = execFileSync(process.execPath, [...prof, childScript, mode, dir, String(YEAR), keyFile(), ...extra], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out) as Record<string, number>;
}

/** Each measure of `mode` in its own fresh process, RUNS times: the median of every field, the peak RSS. */
async function medianOf(mode: string, dir: string): Promise<Record<string, number>> {
  const runs: Array<Record<string, number>> = [];
  for (let r = 0; r < RUNS; r++) runs.push(await child(mode, dir));
  const out: Record<string, number> = {};
  for (const k of Object.keys(runs[0] ?? {})) out[k] = k === 'rss' ? Math.max(...runs.map((x) => x[k] ?? 0)) : median(runs.map((x) => x[k] ?? 0));
  return out;
}

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const r = await core.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

/** A folder set up as first run leaves it (the recovery code confirmed as written down); a Sở under its profile's department code. */
async function setUp(dir: string, role: 'so' | 'office', office: string | null, profileId: string): Promise<Core> {
  const core = await openCore({ dataDir: dir, ports: ports() });
  const profile = (await call<OrgProfile[]>(core, 'app.profiles', {})).find((p) => p.id === profileId);
  if (!profile) throw new Error(`no built-in profile ${profileId}`);
  const officeCode = role === 'so' ? rootCode(profile) : (office ?? '');
  await call(core, 'app.setup', { role, officeCode, officerName: 'Nông Thị Hạnh', profileId });
  await call(core, 'app.confirmRecoveryCode', { confirmed: true });
  return core;
}

/** The communes a unit's households live in: a 2022 office's own, or the 2025 commune itself. */
function communesOf(profile: OrgProfile, office: string): Commune[] {
  const own = sampleCommunes(office);
  if (own.length > 0) return own;
  const u = profile.units.find((x) => x.code === office);
  const kind = u?.kind === 'phuong' ? 'phuong' : 'xa';
  return [CommuneSchema.parse({ code: office, name: u?.place ?? office, kind, ...(u?.officialCode ? { officialCode: u.officialCode } : {}) })];
}

/** Households of `offices` put into the Sở's store as bundle imports put them, BATCH at a time. */
async function putHouseholds(core: Core, profile: OrgProfile, offices: readonly string[], perOffice: number): Promise<void> {
  const BATCH = 25_000;
  const at = new Date('2024-11-20T03:00:00Z');
  let batch: Doc[] = [];
  let n = 0;
  for (const [i, office] of offices.entries()) {
    const node = `o${String(i).padStart(7, '0')}`;
    for (const h of generateHouseholds({ seed: 100 + i, count: perOffice, communes: communesOf(profile, office), reviewYear: YEAR })) {
      batch.push({
        id: householdDocId(office, YEAR, h.code),
        kind: 'household',
        owner: office,
        rev: 1,
        hlc: `${String(1732000000000 + ++n).padStart(15, '0')}-000000-${node}`,
        author: node,
        data: householdDocData(h, 'Hoàng Văn Lợi', at) as unknown as Record<string, unknown>,
      });
      if (batch.length >= BATCH) {
        await core.context.store.putVersions(batch);
        batch = [];
      }
    }
  }
  await core.context.store.putVersions(batch);
}

/** `from`'s key card imported by `to` as after the phone check (the fingerprint compared). */
async function sendKeyCard(from: Core, to: Core, usb: string): Promise<void> {
  const { path: card } = await call<{ path: string }>(from, 'sync.keyCard.export', { outDir: usb });
  const seen = await call<{ fingerprint: string }>(to, 'sync.keyCard.inspect', { path: card });
  await call(to, 'sync.keyCard.import', { path: card, expectFingerprint: seen.fingerprint, confirmedByPhone: true });
}

/** The office's households in its own folder, exported to the Sở as one bundle (nothing acknowledged: all of them). */
async function officeBundle(root: string, so: Core, office: string, count: number, profile: OrgProfile): Promise<string> {
  const core = await setUp(path.join(root, 'office'), 'office', office, profile.id);
  const usb = path.join(root, 'usb');
  await sendKeyCard(core, so, usb);
  await sendKeyCard(so, core, usb);
  const at = new Date('2024-11-20T03:00:00Z');
  const households = generateHouseholds({ seed: 999, count, communes: communesOf(profile, office), reviewYear: YEAR });
  for (let i = 0; i < households.length; i += 5000) {
    await core.context.store.write(
      households.slice(i, i + 5000).map((h) => ({ id: householdDocId(office, YEAR, h.code), kind: 'household' as const, owner: office, data: householdDocData(h, 'Hoàng Văn Lợi', at) })),
    );
  }
  const res = await call<ExportResult>(core, 'sync.export', { to: rootCode(profile), outDir: path.join(usb, 'out'), maxPartMb: 500 });
  await core.close();
  const bundle = res.bundles[0]?.paths[0];
  if (!bundle) throw new Error('office export: no bundle');
  return bundle;
}

const rootCode = (profile: OrgProfile): string => profile.units.find((u) => u.type === 'department')?.code ?? 'SO';

interface Shape {
  label: string;
  profileId: string;
  group: string;
  perUnit: number;
  /** The unit whose households arrive as a bundle (measured import), if any. */
  byBundle?: string;
}

async function shape(s: Shape, directives: number): Promise<{ rows: Array<Array<string | number>>; notes: string[] }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'soviec-bench-province-'));
  try {
    const template = path.join(root, 'so-template');
    await (await setUp(path.join(root, 'empty-so'), 'so', null, s.profileId)).close();
    const so = await setUp(template, 'so', null, s.profileId);
    const profile = so.context.profile();
    const units = lowerUnits(profile).map((u) => u.code);
    const t0 = performance.now();
    const year: YearCounts = await yearOfWork(so, profile, units, s.group, directives, YEAR);
    const direct = s.byBundle ? units.filter((u) => u !== s.byBundle) : units;
    await putHouseholds(so, profile, direct, s.perUnit);
    const bundle = s.byBundle ? await officeBundle(root, so, s.byBundle, s.perUnit, profile) : null;
    await so.close();
    const generatedS = (performance.now() - t0) / 1000;

    const name = `${s.label}: ${units.length} × ${s.perUnit.toLocaleString('en')} = ${(units.length * s.perUnit).toLocaleString('en')}`;
    const rows: Array<Array<string | number>> = [];
    let dir = template;
    if (bundle) {
      // Each run in a fresh copy of the Sở's folder: every record of the bundle is new each time.
      const runs: Array<Record<string, number>> = [];
      for (let r = 0; r < RUNS; r++) {
        const copy = path.join(root, `so-${r}`);
        cpSync(template, copy, { recursive: true });
        runs.push(await child('import', copy, [bundle]));
        if (r < RUNS - 1) rmSync(copy, { recursive: true, force: true });
        else dir = copy;
      }
      if (PROFILE_DIR) {
        const copy = path.join(root, 'so-profiled');
        cpSync(template, copy, { recursive: true });
        await child('import', copy, [bundle], `${s.profileId}-import`);
        rmSync(copy, { recursive: true, force: true });
      }
      const m = (k: string): number => median(runs.map((x) => x[k] ?? 0));
      const recs = (runs[0]?.['records'] ?? 0).toLocaleString('en');
      rows.push([
        name,
        `Sở: import of one office's bundle (${recs} households, ${mb(runs[0]?.['bundleBytes'] ?? 0)})`,
        `${ms(m('importMs'))} ms = ${(m('importMs') / m('dryMs')).toFixed(2)}× its dry run; peak ${mb(Math.max(...runs.map((x) => x['rss'] ?? 0)))}`,
        '≤ 3× the dry run',
        `dry run (sync.inspect) ${ms(m('dryMs'))} ms, after reading the Sở's households ${ms(m('readyMs'))} ms`,
      ]);
    }
    const ref = await medianOf('parse', dir);
    const home = await medianOf('home', dir);
    const summary = await medianOf('summary', dir);
    const status = await medianOf('status', dir);
    const empty = await medianOf('status', path.join(root, 'empty-so'));
    if (PROFILE_DIR) await child('summary', dir, [], `${s.profileId}-summary`);
    const rss = Math.max(home['rss'] ?? 0, summary['rss'] ?? 0, status['rss'] ?? 0);
    const read = (x: Record<string, number>): string => ((x['householdsRead'] ?? 0) > 0 ? 'households read' : 'no household shard read');
    rows.push(
      [name, 'cold start to the home screen (open + app.state + dashboard)', `${ms(home['totalMs'] ?? 0)} ms (open ${ms(home['openMs'] ?? 0)} ms; ${read(home)})`, '≤ 1 s', `${ms(ref['ms'] ?? 0)} ms to read, open and parse every household shard`],
      [name, 'household summary by office (cold process)', `${ms(summary['summaryMs'] ?? 0)} ms (open ${ms(summary['openMs'] ?? 0)} ms; ${read(summary)}, ${summary['rows'] ?? 0} rows)`, '≤ 300 ms', `the rows file alone: read + open + parse ${ms(summary['rowsFileMs'] ?? 0)} ms`],
      [name, 'sync status (cold process)', `${ms(status['statusMs'] ?? 0)} ms (open ${ms(status['openMs'] ?? 0)} ms; ${read(status)})`, '≤ 300 ms', `an empty Sở folder: ${ms(empty['statusMs'] ?? 0)} ms (open ${ms(empty['openMs'] ?? 0)} ms)`],
      [name, 'peak resident memory of those', mb(rss), '≤ 400 MB', `${mb(ref['rss'] ?? 0)} holding every household shard parsed`],
    );
    const notes = [
      `${name}: beside the households, ${year.directives} directives with ${year.tasks} tasks, ${year.progress.toLocaleString('en')} progress records and ${year.reports.toLocaleString('en')} monthly reports; folder generated in ${generatedS.toFixed(0)} s.`,
    ];
    return { rows, notes };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const provinceBench: BenchModule = {
  name: 'province',
  async run({ quick }): Promise<BenchTable[]> {
    const div = quick ? 10 : 1;
    const directives = 30 / div;
    const scrypt = await child('scrypt', os.tmpdir());
    const shapes: Shape[] = [
      { label: '2022: 11 district offices', profileId: 'lang-son-2022', group: 'ALL_DISTRICTS', perUnit: 20_000 / div, byBundle: 'VANQUAN' },
      { label: '2025: 65 communes and wards', profileId: 'lang-son-2025', group: 'ALL_BASE', perUnit: 3_500 / div },
    ];
    const rows: Array<Array<string | number>> = [];
    const notes: string[] = [];
    for (const s of shapes) {
      const r = await shape(s, directives);
      rows.push(...r.rows);
      notes.push(...r.notes);
    }
    if (childScript) rmSync(path.dirname(childScript), { recursive: true, force: true });
    childScript = undefined;
    return [
      {
        title: `The Sở at province scale (fresh process each, median of ${RUNS})`,
        headers: ['data', 'step', 'measured', 'goal', 'reference (same run)'],
        rows,
        notes: [
          ...notes,
          'Households are put as bundle imports put them (store.putVersions); in the 2022 shape Văn Quan’s arrive as a real signed, encrypted bundle exported by its own folder, imported into three fresh copies of the Sở’s folder (the median is shown; the dry run is sync.inspect of the same file just before, in the same process). Each figure below it is the median of fresh processes on the folder after that import. Memory is the peak of those processes.',
          `Folders are unlocked as the desktop app unlocks them (the data key sealed by the PC's key store). The CLI and the harness unlock with a passphrase instead: scrypt (N = 2^17, r = 8) alone takes ${ms(scrypt['ms'] ?? 0)} ms and leaves the process at ${mb(scrypt['rss'] ?? 0)} in this run, on top of every CLI figure.`,
        ],
      },
    ];
  },
};
