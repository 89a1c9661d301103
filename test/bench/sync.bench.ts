import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { openCore, type Core } from '../../electron/core';
import type { ExportResult, ImportReport } from '../../electron/contract/sync';
import { generateHouseholds, sampleCommunes } from '../../electron/core/households';
import { householdDocData, householdDocId } from '../../electron/core/households/store/docs';
import type { BenchModule, BenchTable } from './run';

/**
 * Sync by bundle (issue 4): export (select, serialise, deflate, encrypt, sign, zip, durable
 * write) and import (verify, decrypt, inflate, validate, merge, one atomic durable store
 * write) of a district's household records, next to the raw pipeline on the same documents
 * measured in the same run: JSON.stringify + deflate + AES-256-GCM (and back).
 */
const OFFICE = 'VANQUAN';
const RUNS = 5;
const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const size2 = (b: number): string => (b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${Math.round(b / 1024)} KB`);
const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const time = async (fn: () => Promise<unknown> | unknown): Promise<number> => {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
};

async function call<T>(core: Core, name: string, input: unknown): Promise<T> {
  const r = await core.dispatch(name, input);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

async function office(dir: string, role: 'so' | 'office'): Promise<Core> {
  const core = await openCore({ dataDir: dir });
  if (!core.context.settings().session) await call(core, 'app.setup', { profileId: 'lang-son-2022', role, officeCode: role === 'so' ? 'SO' : OFFICE, officerName: 'Bench' });
  return core;
}

async function trust(from: Core, to: Core, usb: string): Promise<void> {
  const { path: card } = await call<{ path: string }>(from, 'sync.keyCard.export', { outDir: usb });
  // Pinning needs the fingerprint the person compared by phone (keyCards.ts), as in the UI.
  const seen = await call<{ fingerprint: string }>(to, 'sync.keyCard.inspect', { path: card });
  await call(to, 'sync.keyCard.import', { path: card, expectFingerprint: seen.fingerprint, confirmedByPhone: true });
}

function rawPipeline(docs: unknown[]): { out: number; back: number } {
  const key = randomBytes(32);
  const iv = randomBytes(12);
  let sealed = Buffer.alloc(0);
  let tag = Buffer.alloc(0);
  const out = performance.now();
  const plain = Buffer.from(JSON.stringify(docs), 'utf8');
  const z = deflateRawSync(plain, { level: 6 });
  const c = createCipheriv('aes-256-gcm', key, iv);
  sealed = Buffer.concat([c.update(z), c.final()]);
  tag = c.getAuthTag();
  const outMs = performance.now() - out;
  const back = performance.now();
  const d = createDecipheriv('aes-256-gcm', key, iv);
  d.setAuthTag(tag);
  JSON.parse(inflateRawSync(Buffer.concat([d.update(sealed), d.final()])).toString('utf8'));
  return { out: outMs, back: performance.now() - back };
}

async function atSize(n: number, runs: number): Promise<Array<string | number>> {
  const root = mkdtempSync(path.join(os.tmpdir(), `soviec-bench-sync-${n}-`));
  const usb = path.join(root, 'usb');
  try {
    const vq = await office(path.join(root, 'vq'), 'office');
    const so = await office(path.join(root, 'so-template'), 'so');
    await trust(vq, so, usb);
    await trust(so, vq, usb);
    const at = new Date();
    const households = generateHouseholds({ seed: n, count: n, communes: sampleCommunes(OFFICE), reviewYear: 2022 });
    for (let i = 0; i < households.length; i += 5000) {
      await vq.context.store.write(
        households.slice(i, i + 5000).map((h) => ({ id: householdDocId(OFFICE, 2022, h.code), kind: 'household' as const, owner: OFFICE, data: householdDocData(h, 'bench', at) })),
      );
    }
    const docs = vq.context.store.list('household');
    await so.close();

    // Nothing is acknowledged, so every export carries all n documents.
    const exportMs: number[] = [];
    const bundles: string[] = [];
    for (let r = 0; r < runs; r++) {
      const dir = path.join(usb, `out-${r}`);
      let res: ExportResult | undefined;
      exportMs.push(await time(async () => (res = await call<ExportResult>(vq, 'sync.export', { to: 'SO', outDir: dir, maxPartMb: 500 }))));
      bundles.push(...(res?.bundles[0]?.paths ?? []));
    }
    await vq.close();
    const bundle = bundles[0] as string;
    const size = statSync(bundle).size;

    // Each import into a fresh copy of the Sở's folder: all n documents are new every time.
    // The dry run (sync.inspect) is the same work minus the writes: it shows what the durable store write costs.
    const importMs: number[] = [];
    const dryMs: number[] = [];
    for (let r = 0; r < runs; r++) {
      const dir = path.join(root, `so-${r}`);
      cpSync(path.join(root, 'so-template'), dir, { recursive: true });
      const core = await office(dir, 'so');
      let rep: ImportReport | undefined;
      dryMs.push(await time(async () => (rep = await call<ImportReport>(core, 'sync.inspect', { paths: [bundle] }))));
      if (rep?.bundles[0]?.status !== 'ready') throw new Error(`inspect ${r}: ${JSON.stringify(rep?.bundles[0]?.error)}`);
      importMs.push(await time(async () => (rep = await call<ImportReport>(core, 'sync.import', { paths: [bundle] }))));
      if (rep?.bundles[0]?.totals.new !== n) throw new Error(`import ${r}: ${JSON.stringify(rep?.bundles[0]?.totals ?? rep?.bundles[0]?.error)}`);
      await core.close();
    }

    const raw = Array.from({ length: runs }, () => rawPipeline(docs));
    const rawOut = median(raw.map((x) => x.out));
    const rawBack = median(raw.map((x) => x.back));
    const ex = median(exportMs);
    const im = median(importMs);
    const json = Buffer.byteLength(JSON.stringify(docs));
    return [
      n.toLocaleString('en-US'),
      `${size2(json)} → ${size2(size)}`,
      ms(ex),
      ms(rawOut),
      `${(ex / rawOut).toFixed(1)}×`,
      ms(im),
      ms(median(dryMs)),
      ms(rawBack),
      `${(im / rawBack).toFixed(1)}×`,
      `${(median(dryMs) / rawBack).toFixed(1)}×`,
    ];
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

export const syncBench: BenchModule = {
  name: 'sync',
  async run({ quick }): Promise<BenchTable[]> {
    const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 50_000];
    const runs = quick ? 3 : RUNS;
    const rows: Array<Array<string | number>> = [];
    for (const n of sizes) rows.push(await atSize(n, runs));
    return [
      {
        title: `Bundle export and import of household records (median of ${runs}, ms)`,
        headers: ['records', 'JSON → bundle', 'export', 'raw out', 'export ÷ raw', 'import', 'dry run', 'raw back', 'import ÷ raw', 'dry run ÷ raw'],
        rows,
        notes: [
          'export = sync.export to the Sở: select unacknowledged records, read, serialise, deflate, AES-256-GCM (fresh key wrapped with X25519 + HKDF), Ed25519 signature, zip, durable write of the file and of the peer state.',
          'import = sync.import into a fresh copy of the Sở’s folder: zip and signature checks, decrypt, inflate, schema and hygiene checks of every record, merge and authority per record, and ONE atomic durable store write (journal + every touched shard fsynced).',
          'dry run = sync.inspect of the same file on the same fresh copy just before the import: every check, decryption and merge decision, no write. import − dry run ≈ the durable store write (journal, then each of up to 512 household shard files written and fsynced), which depends on the disk more than on the record count.',
          'raw out = JSON.stringify + deflate (level 6) + AES-256-GCM of the same records; raw back = decrypt + inflate + JSON.parse. Same process, same run.',
        ],
      },
    ];
  },
};
