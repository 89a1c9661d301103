import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateHouseholds, sampleCommunes, writeHouseholdWorkbook } from '../../electron/core/households';
import type { BenchModule, BenchTable } from './run';

/**
 * Excel import at province-office scale (issues 10 and 15): a workbook of 110,000 households
 * through the app's import (preview, then commit) in a fresh process running the bundled code
 * with the parse in its memory-capped worker, next to the floor measured in the same run: the
 * same file unzipped and SAX-parsed once, nothing else. Goal: ≥ 10,000 rows/s, ≤ 500 MB. The
 * commit is one bulk write of the store staged in batches (store.writeBulk); peak resident
 * memory is read after the preview, after the commit and after closing the folder.
 */

const here = path.dirname(fileURLToPath(import.meta.url));
const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const sec = (msValue: number): string => `${(msValue / 1000).toFixed(1)} s`;
const rate = (rows: number, msValue: number): string => Math.round((rows / msValue) * 1000).toLocaleString('en');

async function bundleChild(dir: string): Promise<string> {
  await build({
    entryPoints: { excelChild: path.join(here, 'excelChild.ts'), householdsExcelWorker: path.join(here, '../../electron/core/households/excel/worker.ts') },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outdir: dir,
    outExtension: { '.js': '.cjs' },
    logLevel: 'error',
  });
  return path.join(dir, 'excelChild.cjs');
}

function runChild(script: string, mode: 'import' | 'reference', file: string): Record<string, number> {
  const out = execFileSync(process.execPath, [script, mode, file], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
}

export const excelBench: BenchModule = {
  name: 'excel',
  async run({ quick }) {
    const count = quick ? 20_000 : 110_000;
    const runs = quick ? 1 : 3;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-bench-excel-'));
    try {
      const communes = sampleCommunes('VANQUAN');
      const households = generateHouseholds({ seed: 15, count, communes, reviewYear: 2022 });
      const { buffer } = await writeHouseholdWorkbook(households, { communes });
      const file = path.join(dir, 'ho-ngheo.xlsx');
      writeFileSync(file, buffer);
      const script = await bundleChild(dir);
      const imports: Record<string, number>[] = [];
      const refs: Record<string, number>[] = [];
      for (let i = 0; i < runs; i++) {
        imports.push(runChild(script, 'import', file));
        refs.push(runChild(script, 'reference', file));
      }
      const preview = median(imports.map((r) => r['previewMs'] ?? NaN));
      const commit = median(imports.map((r) => r['commitMs'] ?? NaN));
      const ref = median(refs.map((r) => r['ms'] ?? NaN));
      const previewCpu = median(imports.map((r) => r['previewCpuMs'] ?? NaN));
      const commitCpu = median(imports.map((r) => r['commitCpuMs'] ?? NaN));
      const refCpu = median(refs.map((r) => r['cpuMs'] ?? NaN));
      const rows = imports[0]?.['rows'] ?? 0;
      const mb = (key: string): string => `${median(imports.map((r) => r[key] ?? NaN)).toFixed(0)} MB`;
      const table: BenchTable = {
        title: `Excel import of ${count.toLocaleString('en')} rows (${(buffer.length / 1024 / 1024).toFixed(1)} MB file), median of ${runs}`,
        headers: ['step', 'time (CPU)', 'rows/s (per CPU s)', 'reference: unzip + SAX of the same file (CPU)', 'ratio (CPU)', 'peak resident memory'],
        rows: [
          [
            'read + validate (preview, in the worker)',
            `${sec(preview)} (${sec(previewCpu)})`,
            `${rate(rows, preview)} (${rate(rows, previewCpu)})`,
            `${sec(ref)} (${sec(refCpu)})`,
            `${(preview / ref).toFixed(1)}x (${(previewCpu / refCpu).toFixed(1)}x)`,
            mb('previewRss'),
          ],
          [
            'write (commit: one bulk write, staged in batches)',
            `${sec(commit)} (${sec(commitCpu)})`,
            `${rate(imports[0]?.['imported'] ?? 0, commit)} (${rate(imports[0]?.['imported'] ?? 0, commitCpu)})`,
            '',
            '',
            mb('commitRss'),
          ],
          ['preview + commit', `${sec(preview + commit)} (${sec(previewCpu + commitCpu)})`, `${rate(rows, preview + commit)} (${rate(rows, previewCpu + commitCpu)})`, '', '', mb('commitRss')],
          ['closing the folder (summary rows saved, snapshot of every shard)', sec(median(imports.map((r) => r['closeMs'] ?? NaN))), '', '', '', mb('rss')],
        ],
        notes: [
          `Goal: ≥ 10,000 rows/s and ≤ 500 MB resident. Each measure is a fresh process running the bundled code on plain node; memory is the peak resident set so far (getrusage, the worker thread included), median of the runs; the folder's open alone peaks at ${median(imports.map((r) => r['openRss'] ?? 0)).toFixed(0)} MB. The reference inflates and SAX-parses the sheet and shared strings once and keeps only the strings (peak ${median(refs.map((r) => r['rss'] ?? 0)).toFixed(0)} MB).`,
        ],
      };
      return [table];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
