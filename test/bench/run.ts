/**
 * `npm run bench`: runs the benchmark modules listed below and prints their tables as Markdown
 * (paste into README). Benchmarks measure; they do not pass or fail. A module lists the figure
 * and, beside it, a reference measured in the same run on the same machine.
 *
 *   npm run bench                  every module
 *   npm run bench -- households    only the named modules
 *   npm run bench -- --quick       smaller sizes, for a smoke run (walkthrough, CI)
 *   npm run bench -- province --full   the full sizes (the default; the flag only says so)
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BenchTable {
  title: string;
  headers: string[];
  rows: Array<Array<string | number>>;
  notes?: string[];
}

export interface BenchModule {
  name: string;
  run(options: { quick: boolean }): Promise<BenchTable[]>;
}

/** Add a module here: a name and a loader, so one slow module is not even loaded when not asked for. */
const MODULES: Array<{ name: string; load: () => Promise<BenchModule> }> = [
  { name: 'households', load: async () => (await import('./households.bench')).householdsBench },
  { name: 'sync', load: async () => (await import('./sync.bench')).syncBench },
  { name: 'province', load: async () => (await import('./province.bench')).provinceBench },
  { name: 'notices', load: async () => (await import('./notices.bench')).noticesBench },
  { name: 'excel', load: async () => (await import('./excel.bench')).excelBench },
  { name: 'transport', load: async () => (await import('./transport.bench')).transportBench },
];

export function markdownTable(t: BenchTable): string {
  const esc = (v: string | number): string => String(v).replace(/\|/g, '\\|');
  const lines = [`### ${t.title}`, '', `| ${t.headers.map(esc).join(' | ')} |`, `|${t.headers.map(() => ' --- ').join('|')}|`];
  for (const r of t.rows) lines.push(`| ${r.map(esc).join(' | ')} |`);
  for (const n of t.notes ?? []) lines.push('', n);
  return lines.join('\n');
}

async function main(): Promise<void> {
  // Household data is sealed with each folder's data key (core/atRest): bench folders unlock it
  // with a passphrase, their keys in a temp key folder (inherited by the child processes).
  process.env.SOVIEC_PASSPHRASE ??= 'mật khẩu bench';
  process.env.SOVIEC_KEY_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'soviec-bench-keys-'));
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const wanted = args.filter((a) => !a.startsWith('--'));
  const chosen = MODULES.filter((m) => wanted.length === 0 || wanted.includes(m.name));
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  process.stdout.write(`## Benchmarks\n\n${cpu} × ${os.cpus().length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.platform()} ${os.release()}, Node ${process.version}${quick ? ' (quick run)' : ''}\n\n`);
  for (const m of chosen) {
    const started = performance.now();
    const mod = await m.load();
    const tables = await mod.run({ quick });
    process.stdout.write(`## ${mod.name}\n\n${tables.map(markdownTable).join('\n\n')}\n\n_${((performance.now() - started) / 1000).toFixed(0)} s_\n\n`);
  }
}

if (process.argv[1] && /run\.ts$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
}
