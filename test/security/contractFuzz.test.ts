import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../electron/contract';
import { openOffice, type Office } from '../integration/twoOffices';

/**
 * Issue 10: every contract operation, fed random and hostile inputs through the real dispatch
 * on a real core in a temporary folder, answers with a typed error (or a value) and never
 * crashes: no thrown exception, no INTERNAL, and the core still answers afterwards.
 */
let office: Office;
beforeAll(async () => {
  office = await openOffice('office', 'VANQUAN', 'Hoàng Thị Lan');
});
afterAll(async () => {
  await office.core.close();
  rmSync(office.dataDir, { recursive: true, force: true });
});

/** Deterministic PRNG so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function deep(n: number): unknown {
  let v: unknown = 'đáy';
  for (let i = 0; i < n; i++) v = { a: v };
  return v;
}

const HOSTILE: unknown[] = [
  undefined,
  null,
  0,
  -1,
  Number.MAX_SAFE_INTEGER,
  true,
  '',
  'x'.repeat(2_000_000),
  '../../../../etc/passwd',
  '/dev/zero',
  'C:\\Windows\\System32\\config\\SAM',
  '\u0000',
  [],
  [[[[]]]],
  {},
  deep(5000),
  JSON.parse('{"__proto__": {"polluted": "có"}}') as unknown,
  { constructor: { prototype: { polluted: 'có' } } },
  { path: '/dev/zero', paths: ['/dev/zero'], folder: '/', file: { name: '../x', base64: '!!!' } },
  { id: '../../settings.json', ids: ['__proto__'], taskId: '../x', office: '__proto__' },
];

function randomValue(r: () => number, depth = 0): unknown {
  const k = Math.floor(r() * 8);
  if (depth > 3) return 'lá';
  switch (k) {
    case 0:
      return Math.floor(r() * 1e6) - 5e5;
    case 1:
      return r() > 0.5;
    case 2:
      return 'Nà Pàn '.repeat(Math.floor(r() * 20));
    case 3:
      return null;
    case 4:
      return Array.from({ length: Math.floor(r() * 4) }, () => randomValue(r, depth + 1));
    case 5:
      return Object.fromEntries(['id', 'name', 'office', 'path', 'taskId', 'files', 'to'].filter(() => r() > 0.6).map((key) => [key, randomValue(r, depth + 1)]));
    case 6:
      return Number.NaN;
    default:
      return HOSTILE[Math.floor(r() * HOSTILE.length)];
  }
}

describe('contract fuzz', () => {
  it('every operation answers hostile and random input with a value or a typed error', async () => {
    const names = Object.keys(contract);
    const r = rng(20261205);
    let calls = 0;
    let typed = 0;
    const crashes: string[] = [];
    const t0 = performance.now();
    // Both doors: the shell's (paths allowed) and the window's (paths refused, handles only).
    const doors = [office.core.dispatch, office.core.windowDispatch];
    for (const name of names) {
      const inputs = [...HOSTILE, ...Array.from({ length: 10 }, () => randomValue(r))];
      for (const [input, door] of inputs.flatMap((i) => doors.map((d) => [i, d] as const))) {
        calls++;
        let res: Awaited<ReturnType<typeof office.core.dispatch>>;
        try {
          res = await door(name as keyof typeof contract, input as never);
        } catch (e) {
          crashes.push(`${name}: threw ${String(e).slice(0, 120)}`);
          continue;
        }
        if (res.ok) continue;
        if (res.error.code === 'INTERNAL' || typeof res.error.messageKey !== 'string') crashes.push(`${name}: ${res.error.code}`);
        else typed++;
      }
    }
    // The prototype was not polluted and the core still works.
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    const status = await office.core.dispatch('app.state' as keyof typeof contract, {} as never);
    console.log(`contract fuzz: ${names.length} ops, ${calls} calls, ${typed} typed errors, ${crashes.length} crashes, ${(performance.now() - t0).toFixed(0)} ms`);
    expect(crashes).toEqual([]);
    expect(status.ok).toBe(true);
  }, 180_000);
});
