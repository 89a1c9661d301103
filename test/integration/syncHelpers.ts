import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExportResult, ImportReport } from '../../electron/contract/sync';
import type { Office } from './twoOffices';

/** A temporary folder standing for the USB stick carried between offices. */
export function usbStick(label = 'usb'): string {
  return mkdtempSync(path.join(os.tmpdir(), `soviec-${label}-`));
}

/** `from` writes its key card to the stick; `to` imports it (as after a phone check). */
export async function sendKeyCard(from: Office, to: Office, usb: string, opts: { confirmed?: boolean; reenrol?: 'replace' | 'add' } = {}): Promise<string> {
  const { path: card } = await from.call('sync.keyCard.export', { outDir: usb });
  if (!card) throw new Error('no key card written');
  const seen = await to.call('sync.keyCard.inspect', { path: card });
  await to.call('sync.keyCard.import', {
    path: card,
    expectFingerprint: seen.fingerprint,
    confirmedByPhone: opts.confirmed ?? true,
    ...(opts.reenrol ? { reenrol: opts.reenrol } : {}),
  });
  return card;
}

export async function exchangeKeys(a: Office, b: Office, usb: string): Promise<void> {
  await sendKeyCard(a, b, usb);
  await sendKeyCard(b, a, usb);
}

/** Export from `from` to office `to` into a fresh folder on the stick. */
export async function exportTo(from: Office, to: string, usb: string, opts: { installation?: string; maxPartMb?: number } = {}): Promise<{ result: ExportResult; dir: string }> {
  const dir = mkdtempSync(path.join(usb, 'out-'));
  const result = await from.call('sync.export', { to, outDir: dir, ...opts });
  return { result, dir };
}

export function filesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((n) => /\.soviec(\.part\d+of\d+)?$/.test(n))
    .sort()
    .map((n) => path.join(dir, n));
}

/** Carry by real files: export, copy over the stick, import. Returns the import report. */
export async function carry(from: Office, to: Office, opts: { installation?: string; maxPartMb?: number } = {}): Promise<ImportReport> {
  const usb = usbStick('carry');
  try {
    const code = to.core.context.session().office.code;
    const { dir } = await exportTo(from, code, usb, { ...opts, ...(opts.installation ? {} : { installation: to.core.context.settings().installationId }) });
    const report = await to.call('sync.import', { paths: filesIn(dir) });
    const bad = report.bundles.find((b) => b.status !== 'applied');
    if (bad) throw new Error(`carry: ${bad.error?.code ?? bad.status} ${JSON.stringify(bad.error?.params ?? {})}`);
    return report;
  } finally {
    rmSync(usb, { recursive: true, force: true });
  }
}

/** sha256 of every file under a folder, by relative path: "byte-identical" made checkable. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const n of readdirSync(d).sort()) {
      const p = path.join(d, n);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
