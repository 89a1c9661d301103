import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCore, type Core } from '../../electron/core';
import { RAW_PATH_FIELDS } from '../../electron/contract';
import { HANDLE_TTL_MS } from '../../electron/core/files/handles';
import type { AppErrorValue, Result } from '../../electron/domain/errors';

/**
 * Issue 10, class 5: the window never names a path. Calls from the window (Electron IPC through
 * the core host, the web harness: `windowDispatch`) carrying a path are refused; a folder comes
 * only as a handle minted when main's OS dialog answered, bound to read or write and to what it
 * was picked for, expiring, and spent by its export or import. Nothing is touched on refusal.
 */

let core: Core;
let root: string;
let dataDir: string;
let clock = Date.parse('2026-03-02T02:00:00Z');
/** What the OS dialog answers next (the stand-in for main's dialog.showOpenDialog). */
let dialogAnswer: string | null = null;
const secret = 'KHÓA BÍ MẬT — không được lọt ra ngoài';

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'soviec-handles-'));
  dataDir = path.join(root, 'dữ-liệu');
  core = await openCore({ dataDir, now: () => clock, ports: { pickFolder: async () => dialogAnswer } });
  const r = await core.dispatch('app.setup', { profileId: 'lang-son-2022', role: 'office', officeCode: 'VANQUAN', officerName: 'Hoàng Thị Lan' });
  expect(r.ok).toBe(true);
  mkdirSync(path.join(root, 'keys'), { recursive: true });
  writeFileSync(path.join(root, 'keys', 'device.key'), secret);
});
afterAll(async () => {
  await core.close();
  rmSync(root, { recursive: true, force: true });
});

async function win(name: string, input: unknown): Promise<Result<unknown>> {
  return core.windowDispatch(name, input);
}
function refusal(r: Result<unknown>): AppErrorValue {
  if (r.ok) throw new Error(`expected a refusal, got ${JSON.stringify(r.value).slice(0, 200)}`);
  return r.error;
}
async function pick(purpose: 'export' | 'import' | 'keyCard' | 'transport', folder: string): Promise<string> {
  dialogAnswer = folder;
  const r = await win('dialog.pickFolder', { purpose });
  if (!r.ok) throw new Error(r.error.code);
  const v = r.value as { handle: string; label: string };
  expect(JSON.stringify(v)).not.toContain(root);
  expect(v.label).toBe(path.basename(folder));
  return v.handle;
}
const filesIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

describe('a path from the window', () => {
  const hostile = ['/etc/passwd', '/dev/zero', '../../keys/device.key'];

  it('is refused with RAW_PATH_REFUSED on every operation that takes one, before any file is read', async () => {
    const inputs: Array<[string, (p: string) => unknown]> = [
      ['sync.inspect', (p) => ({ paths: [p] })],
      ['sync.inspect', (p) => ({ folder: p })],
      ['sync.import', (p) => ({ paths: [p], allowFirstContact: true })],
      ['sync.import', (p) => ({ folder: p })],
      ['sync.keyCard.inspect', (p) => ({ path: p })],
      ['sync.keyCard.import', (p) => ({ path: p, confirmedByPhone: true })],
    ];
    let tried = 0;
    for (const p of [...hostile, path.join(root, 'keys', 'device.key')]) {
      for (const [name, input] of inputs) {
        const e = refusal(await win(name, input(p)));
        expect(e.code).toBe('RAW_PATH_REFUSED');
        expect(JSON.stringify(e)).not.toContain(secret);
        tried++;
      }
    }
    expect(tried).toBe(24);
    // The same calls from the shell (the CLI: the person's own paths) still read paths.
    const shell = await core.dispatch('sync.keyCard.inspect', { path: path.join(root, 'keys', 'device.key') });
    expect(refusal(shell).code).toBe('KEY_CARD_INVALID');
  });

  it('cannot make the core create or write a folder it names', async () => {
    for (const name of ['sync.export', 'sync.keyCard.export'] as const) {
      const target = path.join(root, `ra-ngoài-${name}`);
      const input = name === 'sync.export' ? { to: 'SO_LDTBXH', outDir: target } : { outDir: target };
      expect(refusal(await win(name, input)).code).toBe('RAW_PATH_REFUSED');
      expect(existsSync(target)).toBe(false);
    }
    const shared = path.join(root, 'thư-mục-chung');
    expect(refusal(await win('sync.transports.saveFolder', { root: shared })).code).toBe('RAW_PATH_REFUSED');
    expect(existsSync(shared)).toBe(false);
  });

  it('covers every path field the contract has', () => {
    // A new path field must be listed, or the window could name paths through it.
    expect(Object.keys(RAW_PATH_FIELDS).sort()).toEqual(
      [
        'sync.export', 'sync.import', 'sync.inspect', 'sync.keyCard.export', 'sync.keyCard.import', 'sync.keyCard.inspect', 'sync.transports.saveFolder',
        'sync.enrol.prepare', 'sync.enrol.inspect', 'sync.enrol.accept', 'sync.enrol.finish',
      ].sort(),
    );
  });
});

describe('a handle from the OS dialog', () => {
  it('writes the key card into the chosen folder once; reused, it is refused', async () => {
    const folder = path.join(root, 'USB thẻ khoá');
    const h = await pick('keyCard', folder);
    const first = await win('sync.keyCard.export', { handle: h });
    expect(first.ok).toBe(true);
    expect(filesIn(folder)).toHaveLength(1);
    const again = refusal(await win('sync.keyCard.export', { handle: h }));
    expect(again).toMatchObject({ code: 'FILE_HANDLE_REFUSED', params: { reason: 'spent' } });
    expect(filesIn(folder)).toHaveLength(1);
  });

  it('refuses a forged id (well-formed or not) without touching anything', async () => {
    const forged = refusal(await win('sync.keyCard.export', { handle: 'fh_AAAAAAAAAAAAAAAAAAAAAA' }));
    expect(forged).toMatchObject({ code: 'FILE_HANDLE_REFUSED', params: { reason: 'unknown' } });
    expect(refusal(await win('sync.keyCard.export', { handle: '../../keys/device.key' })).code).toBe('INVALID_INPUT');
    expect(refusal(await win('sync.inspect', { handle: 'fh_BBBBBBBBBBBBBBBBBBBBBB' })).code).toBe('FILE_HANDLE_REFUSED');
  });

  it('expires an hour after the dialog', async () => {
    const folder = path.join(root, 'để quá hạn');
    const h = await pick('export', folder);
    clock += HANDLE_TTL_MS + 1000;
    expect(refusal(await win('sync.keyCard.export', { handle: h }))).toMatchObject({ code: 'FILE_HANDLE_REFUSED', params: { reason: 'expired' } });
    expect(existsSync(folder)).toBe(false);
  });

  it('picked to read (import) cannot be written to, and picked to write cannot be read', async () => {
    const inbox = path.join(root, 'USB nhận');
    mkdirSync(inbox);
    const read = await pick('import', inbox);
    for (const [name, input] of [
      ['sync.keyCard.export', { handle: read }],
      ['sync.export', { to: 'SO_LDTBXH', handle: read }],
    ] as const) {
      expect(refusal(await win(name, input))).toMatchObject({ code: 'FILE_HANDLE_REFUSED', params: { reason: 'mode' } });
    }
    expect(filesIn(inbox)).toEqual([]);
    const write = await pick('export', path.join(root, 'USB gửi'));
    expect(refusal(await win('sync.inspect', { handle: write }))).toMatchObject({ code: 'FILE_HANDLE_REFUSED', params: { reason: 'mode' } });
    // A key-card folder is not where bundles go.
    const card = await pick('keyCard', path.join(root, 'USB thẻ 2'));
    expect(refusal(await win('sync.export', { to: 'SO_LDTBXH', handle: card }))).toMatchObject({ code: 'FILE_HANDLE_REFUSED', params: { reason: 'purpose' } });
  });

  it('picked to import serves the dry runs and is spent by the import', async () => {
    const inbox = path.join(root, 'USB trống');
    mkdirSync(inbox);
    const h = await pick('import', inbox);
    // The folder was read: it holds no bundle.
    for (let i = 0; i < 2; i++) expect(refusal(await win('sync.inspect', { handle: h })).code).toBe('NO_FILES');
    expect(refusal(await win('sync.import', { handle: h })).code).toBe('NO_FILES');
    expect(refusal(await win('sync.inspect', { handle: h }))).toMatchObject({ code: 'FILE_HANDLE_REFUSED', params: { reason: 'spent' } });
  });

  it('a cancelled dialog gives no handle', async () => {
    dialogAnswer = null;
    expect(await win('dialog.pickFolder', { purpose: 'export' })).toEqual({ ok: true, value: { handle: null, label: null, available: true } });
  });

  it('picked for the shared-folder transport is saved as that folder, once; a path or another purpose is refused', async () => {
    const shared = path.join(root, 'Ổ mạng chung');
    mkdirSync(shared);
    expect(refusal(await win('sync.transports.saveFolder', { root: shared })).code).toBe('RAW_PATH_REFUSED');
    const exportHandle = await pick('export', shared);
    expect(refusal(await win('sync.transports.saveFolder', { handle: exportHandle }))).toMatchObject({ code: 'FILE_HANDLE_REFUSED', params: { reason: 'purpose' } });
    const h = await pick('transport', shared);
    const saved = await win('sync.transports.saveFolder', { handle: h, pollSeconds: 60 });
    expect(saved.ok).toBe(true);
    const list = await core.dispatch('sync.transports.list', {});
    if (!list.ok) throw new Error(list.error.code);
    expect(JSON.stringify(list.value)).toContain('Ổ mạng chung');
    expect(refusal(await win('sync.transports.saveFolder', { handle: h }))).toMatchObject({ code: 'FILE_HANDLE_REFUSED', params: { reason: 'spent' } });
  });
});
