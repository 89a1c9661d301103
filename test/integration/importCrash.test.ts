import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateHouseholds, sampleCommunes, writeHouseholdWorkbook } from '../../electron/core/households';
import { summaryRowOf } from '../../electron/core/households/store/summaryIndex';
import { openOffice, type Office } from './twoOffices';

/**
 * An Excel import killed part way through its commit (SIGKILL, as a power cut or a crash would):
 * the folder opens, the import has landed whole or not at all, and importing the same file again
 * completes it with no household twice and no half-written household. The commit is staged in
 * batches (store.writeBulk): the kill is timed on the files it makes, while batches are staged
 * (db/bulk.partial) and once they are committed (db/bulk.log).
 */

const ROWS = 1_500;
const BATCH = 250;
const fixture = path.join(__dirname, 'fixtures', 'importCommit.ts');
const communes = sampleCommunes('VANQUAN');
const households = generateHouseholds({ seed: 41, count: ROWS, communes, reviewYear: 2022 });
const work = mkdtempSync(path.join(os.tmpdir(), 'soviec-import-crash-'));
const file = path.join(work, 'ho-ngheo.xlsx');
const opened: Office[] = [];

beforeAll(async () => {
  writeFileSync(file, (await writeHouseholdWorkbook(households, { communes })).buffer);
});
afterAll(async () => {
  for (const o of opened.splice(0)) await o.core.close().catch(() => undefined);
  rmSync(work, { recursive: true, force: true });
});

/** Runs the commit in a child and kills it as soon as `killOn` (a file under db/) exists; returns what it printed. */
async function commitAndKill(dataDir: string, killOn: string): Promise<{ committing: boolean; done: boolean; killed: boolean }> {
  // Run from the sources as an ES module (no __dirname there), the parse worker is found from the
  // repository's root (excel/inWorker.ts), as the bench finds it: the child starts there.
  const cwd = path.join(__dirname, '..', '..');
  const child = spawn(process.execPath, ['--import', 'tsx', fixture, dataDir, file, String(BATCH)], { cwd, stdio: ['ignore', 'pipe', 'inherit'] });
  const out = { committing: false, done: false, killed: false };
  const target = path.join(dataDir, 'db', killOn);
  let watching: ReturnType<typeof setInterval> | undefined;
  child.stdout.on('data', (b: Buffer) => {
    const text = b.toString();
    if (text.includes('done')) out.done = true;
    if (text.includes('committing') && !watching) {
      out.committing = true;
      watching = setInterval(() => {
        if (!existsSync(target)) return;
        child.kill('SIGKILL');
        out.killed = true;
        clearInterval(watching);
      }, 1);
    }
  });
  await new Promise<void>((resolve) => child.on('exit', () => resolve()));
  clearInterval(watching);
  return out;
}

async function check(dataDir: string): Promise<{ office: Office; count: number }> {
  const office = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan', { dataDir });
  opened.push(office);
  const store = office.core.context.store;
  await store.ready('household');
  const docs = store.list('household');
  // No half-household: every stored record is whole (its class and reason were computed with it).
  for (const d of docs) expect(summaryRowOf(d), d.id).toBeDefined();
  expect(new Set(docs.map((d) => d.data['idNumber'])).size).toBe(docs.length);
  return { office, count: docs.length };
}

async function importAgain(office: Office): Promise<void> {
  const bytes = (await import('node:fs')).readFileSync(file);
  const preview = await office.call('households.import.preview', { base64: bytes.toString('base64'), fileName: 'ho-ngheo.xlsx', year: 2022 });
  expect(preview.counts.valid).toBe(ROWS);
  const result = await office.call('households.import.commit', { token: preview.token, validOnly: false });
  expect(result.imported).toBe(ROWS);
}

async function expectWholeImport(office: Office): Promise<void> {
  const store = office.core.context.store;
  const docs = store.list('household');
  expect(docs.length).toBe(ROWS);
  expect(new Set(docs.map((d) => d.data['idNumber']))).toEqual(new Set(households.map((h) => h.idNumber)));
  // The summary rows followed every write: equal to a rebuild from the records.
  const before = await office.call('households.summary', { year: 2022 });
  await office.call('households.summaries.rebuild', {});
  expect(await office.call('households.summary', { year: 2022 })).toEqual(before);
}

describe('an Excel import killed part way through its commit', () => {
  it('killed while batches are staged: nothing landed, the folder opens, importing again lands every row once', async () => {
    const dir = path.join(work, 'staged');
    const run = await commitAndKill(dir, 'bulk.partial');
    expect(run.committing).toBe(true);
    expect(run.killed).toBe(true);
    const { office, count } = await check(dir);
    // The kill came while batches were staged; the commit cannot have been reached and undone.
    expect(count).toBe(0);
    expect(existsSync(path.join(dir, 'db', 'bulk.partial'))).toBe(false);
    await importAgain(office);
    await expectWholeImport(office);
  }, 180_000);

  it('killed once committed, before every shard was written: the next open lands all of it; importing again doubles nothing', async () => {
    const dir = path.join(work, 'committed');
    const run = await commitAndKill(dir, 'bulk.log');
    expect(run.committing).toBe(true);
    expect(run.killed).toBe(true);
    expect(run.done).toBe(false);
    const { office, count } = await check(dir);
    expect(count).toBe(ROWS);
    expect(existsSync(path.join(dir, 'db', 'bulk.log'))).toBe(false);
    await expectWholeImport(office);
    await importAgain(office);
    await expectWholeImport(office);
  }, 180_000);
});
