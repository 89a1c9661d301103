// Child process of the household bench, bundled by the bench and run with plain node (as the app
// runs, without a TypeScript loader): a cold open of a data folder in a fresh process, or the
// reference JSON.parse of the same shard bytes. Prints one JSON line.
import { promises as fs, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openCore, type Core } from '../../electron/core';
import { openDataKey } from '../../electron/core/atRest/dataKey';
import { isSealed } from '../../electron/core/store/sealedFile';
import { passphraseKey } from '../../electron/core/atRest/passphrase';
import { keyDir } from '../../electron/core/sync/identityStore';

const [mode, dataDir, yearArg] = process.argv.slice(2);

async function shardFiles(dir: string): Promise<string[]> {
  const root = path.join(dir, 'db');
  const out: string[] = [];
  for (const kind of await fs.readdir(root)) {
    const sub = path.join(root, kind);
    if (!(await fs.stat(sub)).isDirectory()) continue;
    for (const name of await fs.readdir(sub)) if (/^\d{3}\.json$/.test(name)) out.push(path.join(sub, name));
  }
  return out;
}

/**
 * Searches as officers type them, taken from the records: a head's full name without
 * diacritics, six digits of an ID number, a given name alone (many matches). Each is a new
 * query for the core (no cached result).
 */
async function searches(core: Core): Promise<number[]> {
  const all = await core.dispatch('households.list', { year: Number(yearArg), limit: 2000, showIds: true });
  if (!all.ok) throw new Error(JSON.stringify(all.error));
  const rows = (all.value as { rows: Array<{ headName: string; idNumber: string }> }).rows.filter((_r, i) => i % 50 === 0).slice(0, 40);
  const plain = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
  const queries = rows.flatMap((r) => [plain(r.headName), r.idNumber.slice(3, 9), r.headName.split(' ').at(-1) ?? '']);
  const times: number[] = [];
  for (const q of queries) {
    const t0 = performance.now();
    const res = await core.dispatch('households.list', { year: Number(yearArg), filter: { q }, limit: 200 });
    times.push(performance.now() - t0);
    if (!res.ok) throw new Error(JSON.stringify(res.error));
  }
  return times;
}

async function main(): Promise<void> {
  if (!dataDir) throw new Error('usage: householdsChild open|search|parse DIR YEAR');
  if (mode === 'parse') {
    // Shards are sealed with the folder's data key: the reference is the same documents' plain
    // bytes (opened once, untimed, into a temp folder), so the open's ratio includes decryption.
    const sealed = await shardFiles(dataDir);
    let plainDir = dataDir;
    if (sealed[0] && isSealed(readFileSync(sealed[0]))) {
      const settings = JSON.parse(readFileSync(path.join(dataDir, 'settings.json'), 'utf8')) as { installationId: string };
      const { cipher } = await openDataKey({ dataDir, installationId: settings.installationId, passphrase: process.env.SOVIEC_PASSPHRASE, now: new Date() });
      plainDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-bench-plain-'));
      for (const file of sealed) {
        const rel = path.relative(dataDir, file);
        await fs.mkdir(path.dirname(path.join(plainDir, rel)), { recursive: true });
        writeFileSync(path.join(plainDir, rel), cipher.open(rel, readFileSync(file)));
      }
    }
    try {
      await reference(plainDir);
    } finally {
      if (plainDir !== dataDir) await fs.rm(plainDir, { recursive: true, force: true });
    }
    return;
  }
  // The CLI/harness passphrase step (scrypt, ~128 MiB, once per process: a login, not a folder
  // read) is timed on its own; the desktop app unseals with the OS key store instead.
  const u0 = performance.now();
  await passphraseKey(keyDir(), process.env.SOVIEC_PASSPHRASE ?? '');
  const unlockMs = performance.now() - u0;
  const t0 = performance.now();
  const core = await openCore({ dataDir });
  const t1 = performance.now();
  const r = await core.dispatch('households.list', { year: Number(yearArg), limit: 200 });
  const t2 = performance.now();
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  const before = process.memoryUsage().rss;
  const search = mode === 'search' ? await searches(core) : [];
  const rss = Math.max(before, process.memoryUsage().rss); // after searching, names are folded too
  process.stdout.write(`${JSON.stringify({ unlockMs, openMs: t1 - t0, listMs: t2 - t1, totalMs: t2 - t0, total: (r.value as { total: number }).total, rss, search })}\n`);
  await core.close();
}

async function reference(dataDir: string): Promise<void> {
  {
    // The reference: the same shard files read and parsed, nothing else, one file after another
    // as the store reads them (each text parsed while it is fresh, not after all 30 MB were read,
    // which makes JSON.parse slower); the objects kept, as the store keeps them. Timed twice:
    // parsing alone, and reading + parsing.
    const t0 = performance.now();
    const files = await shardFiles(dataDir);
    const kept: unknown[] = [];
    let parseMs = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const t1 = performance.now();
      kept.push(JSON.parse(text));
      parseMs += performance.now() - t1;
    }
    const readParseMs = performance.now() - t0;
    // Where reading goes: the same files again as bytes only (no UTF-8 decoding).
    const t2 = performance.now();
    let bytes = 0;
    for (const file of files) bytes += readFileSync(file).length;
    const readBytesMs = performance.now() - t2;
    const docs = kept.reduce<number>((n, k) => n + (k as { docs: unknown[] }).docs.length, 0);
    process.stdout.write(`${JSON.stringify({ parseMs, readParseMs, readBytesMs, docs, bytes })}\n`);
  }
}
void main();
