/**
 * The issue-15 measurement through the CLI, fresh process each step, timed with
 * /usr/bin/time (wall seconds, peak resident MB): two offices of N households each (Excel
 * import), export to the Sở, the Sở imports both bundles, then the Sở's household summary and
 * `status`. Run: `node build/bundle.mjs --quiet && tsx test/bench/scaleCli.ts [N]` (default
 * 110000). Prints a Markdown table; keeps nothing (the folder is removed).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateHouseholds, sampleCommunes, writeHouseholdWorkbook } from '../../electron/core/households';

const N = Number(process.argv[2] ?? 110_000);
const CLI = process.env.SCALE_CLI ?? path.resolve('dist/electron/cli.cjs');
const OFFICES = ['VANQUAN', 'BINHGIA'] as const;

interface Step {
  step: string;
  seconds: number;
  mb: number;
}
const steps: Step[] = [];

function run(step: string, args: string[]): string {
  const out = path.join(os.tmpdir(), `scale-time-${process.pid}.txt`);
  let stdout = '';
  try {
    stdout = execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', out, process.execPath, CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string };
    throw new Error(`${step}: ${err.stderr ?? ''}${err.stdout ?? ''}`);
  }
  const [s, kb] = execFileSync('cat', [out], { encoding: 'utf8' }).trim().split(/\s+/).slice(-2).map(Number) as [number, number];
  if (!step.startsWith('-')) steps.push({ step, seconds: s, mb: Math.round(kb / 1024) });
  return stdout;
}

async function main(): Promise<void> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'soviec-scale-'));
  const usb = path.join(root, 'usb');
  const so = path.join(root, 'so');
  try {
    run('-', ['init', '--profile', 'lang-son-2022', '--data', so, '--role', 'so', '--name', 'Nông Thị Hạnh']);
    run('-', ['keys', 'export', '--data', so, '--out', path.join(usb, 'so')]);
    for (const [i, office] of OFFICES.entries()) {
      const dir = path.join(root, office);
      run('-', ['init', '--profile', 'lang-son-2022', '--data', dir, '--role', 'office', '--office', office, '--name', 'Hoàng Văn Lợi']);
      run('-', ['households', 'communes', '--data', dir, '--load-sample']);
      run('-', ['keys', 'export', '--data', dir, '--out', path.join(usb, office)]);
      for (const f of readdirSync(path.join(usb, office))) run('-', ['keys', 'import', path.join(usb, office, f), '--data', so, '--confirmed']);
      for (const f of readdirSync(path.join(usb, 'so'))) run('-', ['keys', 'import', path.join(usb, 'so', f), '--data', dir, '--confirmed']);
      const communes = sampleCommunes(office);
      const households = generateHouseholds({ seed: 15 + i, count: N, communes, reviewYear: 2024 });
      const wb = await writeHouseholdWorkbook(households, { communes });
      const file = path.join(root, `${office}.xlsx`);
      writeFileSync(file, wb.buffer);
      run(`${office}: Excel import of ${N} rows`, ['households', 'import', file, '--data', dir, '--year', '2024', '--valid-only', '--json']);
      run(`${office}: export to the Sở`, ['export', '--data', dir, '--to', 'SO', '--out', path.join(usb, `out-${office}`)]);
    }
    for (const office of OFFICES) {
      const files = readdirSync(path.join(usb, `out-${office}`)).map((f) => path.join(usb, `out-${office}`, f));
      const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
      run(`Sở: import the ${office} bundle (${(bytes / 2 ** 20).toFixed(1)} MB)`, ['import', ...files, '--data', so, '--json']);
    }
    run('Sở: household summary by district', ['households', 'summary', '--data', so, '--year', '2024', '--json']);
    run('Sở: status', ['status', '--data', so, '--json']);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  process.stdout.write(`| step (${N} households per office) | wall | peak RSS |\n| --- | --- | --- |\n`);
  for (const s of steps) process.stdout.write(`| ${s.step} | ${s.seconds.toFixed(2)} s | ${s.mb} MB |\n`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
