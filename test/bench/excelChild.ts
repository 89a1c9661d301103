// Child process of the Excel bench, bundled by the bench (with the worker beside it, as the app
// ships) and run with plain node, one fresh process per measure. Prints one JSON line.
//   import FILE     a new office folder, then households.import.preview + commit of FILE
//   reference FILE  the floor: unzip + SAX of the same file, nothing kept but the shared strings
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { SaxesParser } from 'saxes';
import { openCore, type Core } from '../../electron/core';

const [mode, file] = process.argv.slice(2);

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const r = await core.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

const peakMb = (): number => process.resourceUsage().maxRSS / 1024;
/** CPU time of the whole process (every thread, the worker's too): steadier than wall time on a shared machine. */
const cpuMs = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function importFile(bytes: Buffer): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-bench-excel-'));
  try {
    const core = await openCore({ dataDir: dir });
    await call(core, 'app.setup', { profileId: 'lang-son-2022', role: 'office', officeCode: 'VANQUAN', officerName: 'Hoàng Thị Lan' });
    await call(core, 'households.communes.importSample', {});
    const before = peakMb();
    const c0 = cpuMs();
    const t0 = performance.now();
    const preview = await call<{ token: string; counts: { rows: number; valid: number } }>(core, 'households.import.preview', { base64: bytes.toString('base64'), fileName: 'ho-ngheo.xlsx', year: 2022 });
    const t1 = performance.now();
    const c1 = cpuMs();
    const previewRss = peakMb();
    const result = await call<{ imported: number }>(core, 'households.import.commit', { token: preview.token, validOnly: false });
    const t2 = performance.now();
    const c2 = cpuMs();
    const commitRss = peakMb();
    // Closing saves the summary rows and takes the session's snapshot of every shard.
    await core.close();
    const t3 = performance.now();
    return {
      previewMs: t1 - t0,
      commitMs: t2 - t1,
      closeMs: t3 - t2,
      previewCpuMs: c1 - c0,
      commitCpuMs: c2 - c1,
      rows: preview.counts.rows,
      valid: preview.counts.valid,
      imported: result.imported,
      openRss: before,
      previewRss,
      commitRss,
      rss: peakMb(),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every sheet and the shared strings inflated and SAX-parsed once; rows counted. */
function reference(bytes: Buffer): Record<string, number> {
  const t0 = performance.now();
  const c0 = cpuMs();
  let rows = 0;
  let cells = 0;
  const strings: string[] = [];
  const unzip = new Unzip((entry) => {
    const sheet = /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name);
    const shared = entry.name === 'xl/sharedStrings.xml';
    if (!sheet && !shared) return;
    const sax = new SaxesParser();
    let text = '';
    sax.on('opentag', (t) => {
      if (t.name === 'row') rows++;
      else if (t.name === 'c') cells++;
      else if (t.name === 'si') text = '';
    });
    sax.on('text', (t) => (text += t));
    sax.on('closetag', (t) => {
      if (t.name === 'si') strings.push(text);
    });
    const decoder = new TextDecoder();
    entry.ondata = (err, chunk, final) => {
      if (err) throw err;
      sax.write(decoder.decode(chunk, { stream: !final }));
      if (final) sax.close();
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  unzip.push(bytes, true);
  return { ms: performance.now() - t0, cpuMs: cpuMs() - c0, rows, cells, strings: strings.length, rss: peakMb() };
}

async function main(): Promise<void> {
  if (!file) throw new Error('usage: excelChild import|reference FILE');
  const bytes = readFileSync(file);
  const out = mode === 'reference' ? reference(bytes) : await importFile(bytes);
  process.stdout.write(`${JSON.stringify(out)}\n`);
}
main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
