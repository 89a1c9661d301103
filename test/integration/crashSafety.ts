import { spawn } from 'node:child_process';
import { householdId } from '../unit/store/validDocs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Store } from '../../electron/core/store/store';

// __dirname exists under vitest; under tsx (npm run bench) this file is an ES module.
const here = typeof __dirname === 'string' ? __dirname : path.dirname(fileURLToPath(import.meta.url));
const script = path.join(here, 'fixtures', 'writeLoop.ts');

/**
 * One crash round: start the write loop, SIGKILL it after `killAfterMs`, reopen the folder and
 * check that every acknowledged write is there. Shared by the test (few rounds) and the bench.
 */
export async function crashRound(dataDir: string, killAfterMs: number, start: number): Promise<{ acked: number[]; missing: number[]; recoveries: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir, 'household', String(start)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const acked: number[] = [];
  let buf = '';
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (b: Buffer) => {
      buf += b.toString();
      let i: number;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line === 'ready') setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        const m = /^ack (\d+)$/.exec(line);
        if (m) acked.push(Number(m[1]));
      }
    });
    child.on('exit', () => resolve());
  });
  const store = await Store.open({ dataDir, node: 'check001' });
  const missing = acked.filter((n) => store.get(householdId(`D${n}`))?.data['n'] !== n);
  const recoveries = store.recoveries.length;
  await store.close();
  return { acked, missing, recoveries };
}
