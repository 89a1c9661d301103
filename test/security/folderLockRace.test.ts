import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { buildSync } from 'esbuild';
import { LOCK_FILE } from '../../electron/core/store/folderLock';

/**
 * Class 7 of issue 10: eight processes racing a lock left by a crashed process. Eight racer
 * processes live for the whole test; each round they get a fresh data folder holding a stale
 * lock and the same start instant, call acquireFolderLock, and say whether they got it. A
 * winner keeps its lock (its process stays alive), so every racer of a round overlaps it.
 * Before the atomic protocol, rounds had 2 to 5 holders.
 */
const ROUNDS = 25;
const RACERS = 8;

interface Racer {
  child: ChildProcess;
  next(): Promise<string>;
}

const racers: Racer[] = [];

beforeAll(() => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'soviec-lockrace-'));
  const entry = path.join(dir, 'racer.ts');
  writeFileSync(
    entry,
    `import { createInterface } from 'node:readline';
import { acquireFolderLock } from ${JSON.stringify(path.resolve('electron/core/store/folderLock.ts'))};
createInterface({ input: process.stdin }).on('line', (line) => {
  const [dataDir, at] = line.split('\\t');
  const go = () => acquireFolderLock(dataDir).then(
    () => process.stdout.write('HELD\\n'),
    (e) => process.stdout.write('REFUSED ' + (e && e.code) + '\\n'),
  );
  // The same start for every racer: sleep until just before it, then spin the last instant.
  setTimeout(() => { while (Date.now() < Number(at)) { /* spin */ } void go(); }, Math.max(0, Number(at) - Date.now() - 2));
});`,
  );
  const script = path.join(dir, 'racer.cjs');
  buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'silent' });
  for (let i = 0; i < RACERS; i++) {
    const child = spawn(process.execPath, [script], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    const waiting: ((l: string) => void)[] = [];
    createInterface({ input: child.stdout as NodeJS.ReadableStream }).on('line', (l) => {
      const w = waiting.shift();
      if (w) w(l);
      else lines.push(l);
    });
    racers.push({
      child,
      next: () => new Promise((resolve) => {
        const l = lines.shift();
        if (l !== undefined) resolve(l);
        else waiting.push(resolve);
      }),
    });
  }
});

afterAll(() => {
  for (const r of racers) r.child.kill();
});

describe('folder lock under a race (issue 10, class 7)', () => {
  it(`${ROUNDS} rounds × ${RACERS} processes racing a stale lock: exactly one holder each round`, async () => {
    const holdersPerRound: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-lockrace-data-'));
      // A lock left by a process that no longer exists (pid far above pid_max).
      writeFileSync(path.join(dataDir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 777, host: os.hostname(), since: '2026-01-01T00:00:00.000Z' }));
      const at = Date.now() + 300;
      for (const r of racers) r.child.stdin?.write(`${dataDir}\t${at}\n`);
      const outcomes = await Promise.all(racers.map((r) => r.next()));
      holdersPerRound.push(outcomes.filter((o) => o === 'HELD').length);
      for (const o of outcomes) if (o !== 'HELD') expect(o).toBe('REFUSED DATA_FOLDER_LOCKED');
    }
    expect(holdersPerRound).toEqual(Array.from({ length: ROUNDS }, () => 1));
  }, 120_000);
});
