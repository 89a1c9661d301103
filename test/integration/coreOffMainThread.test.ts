import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { householdDocData, householdDocId } from '../../electron/core/households/store/docs';
import type { Dispatch } from '../../electron/core/runtime/dispatch';
import { startCoreProcess, type CoreProcess } from '../../electron/coreProcess';
import { electron, standIn } from '../unit/electron/electronStandIn';

/**
 * Why the core runs in a utility process: while it summarises 50,000 households
 * the main process (which draws nothing itself but routes every window event and IPC message)
 * must keep answering. A 10 ms ping measures how late main answers, first with the core in
 * main's own thread (as before), then with the core in its own process behind the MessagePort.
 */

const YEAR = 2022;
const OFFICE = 'VANQUAN';
const COUNT = 50_000;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-offmain-'));
const bundleDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-offmain-bundle-'));

async function must(dispatch: Dispatch, name: string, input: unknown): Promise<unknown> {
  const r = await dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value;
}

/** Runs `work` while a 10 ms timer pings; returns how long it took and the latest ping answer. */
async function withPings(work: () => Promise<unknown>): Promise<{ callMs: number; worstPingMs: number; pings: number }> {
  let last = performance.now();
  let worst = 0;
  let pings = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last - 10);
    last = now;
    pings++;
  }, 10);
  const t0 = performance.now();
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  const end = performance.now();
  worst = Math.max(worst, end - last - 10); // a call that blocked until its very end
  return { callMs: end - t0, worstPingMs: Math.max(0, worst), pings };
}

beforeAll(async () => {
  await build({
    entryPoints: { coreHost: 'electron/coreHost/main.ts' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['electron'],
    outExtension: { '.js': '.cjs' },
    outdir: bundleDir,
    logLevel: 'error',
  });
  standIn.hostBundle = path.join(bundleDir, 'coreHost.cjs');
  const core = await openCore({ dataDir });
  try {
    await must(core.dispatch, 'app.setup', { profileId: 'lang-son-2022', role: 'office', officeCode: OFFICE, officerName: 'Hoàng Thị Lan' });
    await must(core.dispatch, 'households.communes.importSample', {});
    const households = generateHouseholds({ seed: 9, count: COUNT, communes: sampleCommunes(OFFICE), reviewYear: YEAR });
    const at = new Date();
    for (let i = 0; i < households.length; i += 5000) {
      await core.context.store.write(
        households.slice(i, i + 5000).map((h) => ({
          id: householdDocId(OFFICE, h.reviewYear, h.code),
          kind: 'household' as const,
          owner: OFFICE,
          data: householdDocData(h, 'seed', at),
        })),
      );
    }
  } finally {
    await core.close();
  }
}, 300_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(bundleDir, { recursive: true, force: true });
});

describe('a long core call and the main process', () => {
  it('main keeps answering while the core summarises 50,000 households', async () => {
    // A cold summary: the first one after the folder opens reads and classifies every record.
    const exportList = (dispatch: Dispatch) => async () => {
      await must(dispatch, 'households.summary', { year: YEAR });
      await must(dispatch, 'households.summaryXlsx', { year: YEAR });
    };

    const inMain: Core = await openCore({ dataDir });
    let before: Awaited<ReturnType<typeof withPings>>;
    try {
      before = await withPings(exportList(inMain.dispatch));
    } finally {
      await inMain.close();
    }

    const host: CoreProcess = startCoreProcess({
      hostPath: 'coreHost.cjs',
      init: { dataDir, safeStorage: false },
      fork: (p) => electron.utilityProcess.fork(p),
      channel: () => new electron.MessageChannelMain(),
      mainCalls: {
        'keys.protect': async () => new Uint8Array(),
        'keys.unprotect': async () => new Uint8Array(),
        'shell.showItemInFolder': async () => null,
        'shell.openExternal': async () => null,
        'dialog.pickFolder': async () => null,
        'notify.show': async () => false,
      },
      onCrash: () => undefined,
      log: () => undefined,
    });
    let after: Awaited<ReturnType<typeof withPings>>;
    try {
      await host.ready;
      after = await withPings(exportList(host.dispatch));
    } finally {
      await host.close();
    }

    console.log(
      `50k-household summary + summary Excel: core in main's thread ${before.callMs.toFixed(0)} ms, main's worst ping delay ${before.worstPingMs.toFixed(0)} ms (${before.pings} pings); ` +
        `core in its own process ${after.callMs.toFixed(0)} ms, worst ping delay ${after.worstPingMs.toFixed(0)} ms (${after.pings} pings)`,
    );
    // Ratios, not wall times (the machine is shared): in main's thread the call blocks main for
    // most of its run; in the host, main's worst delay is a small part of what it was in-thread.
    // Measured 77 ms against 2,859 ms; 381 ms in-thread once summaries stopped scanning (issue 15);
    // 51 ms against 892 ms with sealed shards (their reads yield between files, so the in-thread
    // call blocks main for about half its run, not most of it: the baseline check asks a quarter).
    expect(before.worstPingMs).toBeGreaterThan(before.callMs * 0.25);
    expect(after.worstPingMs).toBeLessThan(before.worstPingMs / 2);
  }, 300_000);
});
