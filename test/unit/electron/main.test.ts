import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openCore } from '../../../electron/core';
import { IPC_CHANNEL } from '../../../electron/contract/bridge';
import { CSP } from '../../../electron/security/csp';
import type { Result } from '../../../electron/domain/errors';
import { app, BrowserWindowStandIn, electron, standIn, WebContentsStandIn } from './electronStandIn';
import { safeStorageKeyProtector } from '../../../electron/core/bundles';

vi.mock('electron', async () => (await import('./electronStandIn')).electron);

/**
 * Electron's main process, wired against a stand-in of the `electron` module: the window's
 * options, the hardened session, the app:// protocol, the IPC door, and the core running in
 * its own process (a worker thread here) behind a real MessageChannel.
 */

const repo = path.resolve(__dirname, '../../..');
const outDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-main-bundle-'));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'soviec-main-data-'));

async function until(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

type IpcHandler = (event: { senderFrame: { url: string } | null }, name: unknown, input: unknown) => Promise<Result<unknown>>;
const ipc = (): IpcHandler => standIn.ipcHandlers.get(IPC_CHANNEL) as unknown as IpcHandler;
const fromApp = { senderFrame: { url: 'app://soviec/index.html' } };

beforeAll(async () => {
  // The real build script, so the test also shows it emits coreHost.cjs next to main.cjs.
  execFileSync(process.execPath, ['build/bundle.mjs', '--quiet', '--outdir', outDir], { cwd: repo });
  standIn.hostBundle = path.join(outDir, 'coreHost.cjs');
  process.argv.push('--data', dataDir);
  await import('../../../electron/main');
  await until(() => BrowserWindowStandIn.created.length === 1, 'the window');
});

afterAll(() => {
  for (const c of standIn.children) c.crash();
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the window and the session', () => {
  it('opens one isolated, sandboxed window without Node, on the app:// page', () => {
    const win = BrowserWindowStandIn.created[0] as BrowserWindowStandIn;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(path.basename(String(win.options.webPreferences.preload))).toBe('preload.cjs');
    expect(win.loadedUrl).toBe('app://soviec/index.html');
  });

  it('serves the renderer from app://soviec/ with the CSP, and nothing outside its folder', async () => {
    expect(standIn.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    const handle = standIn.protocolHandlers.get('app');
    if (!handle) throw new Error('no app:// handler');
    const page = await handle(new Request('app://soviec/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('Content-Security-Policy')).toBe(CSP);
    expect(await page.text()).toContain('<div id="root"');
    expect((await handle(new Request('app://soviec/..%2Fpackage.json'))).status).toBe(404);
    expect((await handle(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('denies permissions, navigation away, redirects, new windows and webviews', () => {
    let granted: boolean | null = null;
    standIn.permissionRequestHandler?.(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(standIn.permissionCheckHandler?.()).toBe(false);
    let headers: Record<string, string[]> = {};
    standIn.headersReceived?.({ responseHeaders: { 'content-type': ['text/html'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']).toEqual([CSP]);

    const contents = new WebContentsStandIn();
    app.emit('web-contents-created', {}, contents);
    const prevented = (event: string, url?: string): boolean => {
      let p = false;
      contents.emit(event, { preventDefault: () => (p = true) }, url);
      return p;
    };
    expect(prevented('will-navigate', 'https://lua-dao.example/dang-nhap')).toBe(true);
    expect(prevented('will-navigate', 'app://soviec/index.html#/ho-ngheo')).toBe(false);
    expect(prevented('will-redirect', 'https://example.com/')).toBe(true);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });
});

describe('the core in its utility process', () => {
  it('is forked from coreHost.cjs beside main, and given the data folder and one port', () => {
    expect(standIn.forkCalls).toHaveLength(1);
    const call = standIn.forkCalls[0] as { modulePath: string };
    expect(path.basename(call.modulePath)).toBe('coreHost.cjs');
    expect(path.dirname(call.modulePath)).toBe(path.join(repo, 'electron'));
    expect(existsSync(path.join(outDir, 'coreHost.cjs')) && existsSync(path.join(outDir, 'main.cjs'))).toBe(true);
    const first = standIn.children[0]?.sent[0];
    expect(first?.message).toEqual({ t: 'init', dataDir, safeStorage: true });
    expect(first?.ports).toHaveLength(1);
  });

  it('keeps the core host free of electron: it runs as plain Node', () => {
    expect(readFileSync(standIn.hostBundle, 'utf8')).not.toMatch(/require\(["']electron["']\)/);
  });

  it('refuses a call from a frame that is not the app page', async () => {
    const r = await ipc()({ senderFrame: { url: 'https://lua-dao.example/' } }, 'app.state', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const none = await ipc()({ senderFrame: null }, 'app.state', {});
    expect(none).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('round-trips calls to the real core, which still validates the input', async () => {
    const setup = await ipc()(fromApp, 'app.setup', { profileId: 'lang-son-2022', role: 'office', officeCode: 'VANQUAN', officerName: 'Hoàng Thị Lan' });
    expect(setup).toMatchObject({ ok: true, value: { session: { officerName: 'Hoàng Thị Lan' } } });
    const bad = await ipc()(fromApp, 'app.setup', { profileId: 'lang-son-2022', role: 'office', officeCode: 'VANQUAN', officerName: 'H' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await ipc()(fromApp, 'app.formatDisk', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_OPERATION' } });
  });

  it('asks main to seal the private keys with safeStorage', async () => {
    const id = await ipc()(fromApp, 'sync.identity', {});
    expect(id.ok).toBe(true);
    // Twice through main's safeStorage: the folder's data key at first open (core/atRest), then the private keys.
    expect(standIn.sealed).toBe(2);
    const dataKey = JSON.parse(readFileSync(path.join(dataDir, 'keys', 'datakey.json'), 'utf8')) as { machine?: { protector: string } };
    expect(dataKey.machine?.protector).toBe('safeStorage');
    const stored = JSON.parse(readFileSync(path.join(dataDir, 'keys', 'identity.json'), 'utf8')) as { protector: string; sealedPrivateKeys: string };
    expect(stored.protector).toBe('safeStorage');
    expect(Buffer.from(stored.sealedPrivateKeys, 'base64').toString()).toMatch(/^os-sealed:/);
  });

  it('gives the window a handle for the folder main\'s dialog chose, never the path; a raw path is refused', async () => {
    standIn.pickedFolder = path.join(dataDir, '..', `${path.basename(dataDir)}-thẻ-khoá`);
    const picked = await ipc()(fromApp, 'dialog.pickFolder', { purpose: 'keyCard' });
    expect(picked).toMatchObject({ ok: true, value: { available: true, label: path.basename(standIn.pickedFolder) } });
    expect(JSON.stringify(picked)).not.toContain(standIn.pickedFolder);
    const handle = (picked as { value: { handle: string } }).value.handle;
    expect(handle).toMatch(/^fh_/);

    const written = await ipc()(fromApp, 'sync.keyCard.export', { handle });
    expect(written).toMatchObject({ ok: true });
    const card = (written as { value: { file: { fileName: string } } }).value.file.fileName;
    expect(existsSync(path.join(standIn.pickedFolder, card))).toBe(true);
    // Spent by that export; and a path typed by the page is refused before anything is created.
    expect(await ipc()(fromApp, 'sync.keyCard.export', { handle })).toMatchObject({ ok: false, error: { code: 'FILE_HANDLE_REFUSED' } });
    const elsewhere = path.join(dataDir, '..', `${path.basename(dataDir)}-kẻ-gian`);
    expect(await ipc()(fromApp, 'sync.keyCard.export', { outDir: elsewhere })).toMatchObject({ ok: false, error: { code: 'RAW_PATH_REFUSED' } });
    expect(existsSync(elsewhere)).toBe(false);
    rmSync(standIn.pickedFolder, { recursive: true, force: true });
  });

  it('after a crash, tells the user, restarts the core once, and unseals the keys through main', async () => {
    standIn.children[0]?.crash();
    await until(() => standIn.forkCalls.length === 2, 'the restart');
    expect(standIn.errorBoxes.at(-1)?.title).toBe('Dịch vụ dữ liệu đã dừng');
    const state = await ipc()(fromApp, 'app.state', {});
    expect(state).toMatchObject({ ok: true, value: { session: { officerName: 'Hoàng Thị Lan' } } });
    const id = await ipc()(fromApp, 'sync.identity', {});
    expect(id.ok).toBe(true);
    expect(standIn.unsealed).toBeGreaterThanOrEqual(1);
  });

  it('on quit, lets the core flush its writes and release the folder before the app ends', async () => {
    const saved = await ipc()(fromApp, 'app.setLanguage', { language: 'en' });
    expect(saved.ok).toBe(true);
    const quitsBefore = app.quitCalls;
    let ended = false;
    app.once('quit', () => (ended = true));
    app.emit('window-all-closed');
    await until(() => ended, 'the quit');
    expect(app.quitCalls).toBeGreaterThan(quitsBefore);
    expect(existsSync(path.join(dataDir, 'soviec.lock'))).toBe(false);
    // Opened again as the app would: the data key is unsealed by the same OS key store.
    const reopened = await openCore({ dataDir, ports: { keyProtector: safeStorageKeyProtector(electron.safeStorage) } });
    try {
      const state = await reopened.dispatch('app.state', {});
      expect(state).toMatchObject({ ok: true, value: { language: 'en', session: { officerName: 'Hoàng Thị Lan' } } });
    } finally {
      await reopened.close();
    }
  });
});
