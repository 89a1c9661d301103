import { app, BrowserWindow, dialog, safeStorage, shell } from 'electron';
import path from 'node:path';
import { openCore, type Core } from './core';
import { safeStorageKeyProtector, safeStorageUsable } from './core/bundles';
import { AppError } from './domain/errors';
import { APP_ORIGIN } from './contract/bridge';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession } from './security/harden';

// Thin shell: lifecycle, one window, the hardened session, and the core behind IPC.
registerAppScheme();

function dataDirFromArgs(): string {
  const i = process.argv.indexOf('--data');
  const given = i >= 0 ? process.argv[i + 1] : undefined;
  return given ? path.resolve(given) : path.join(app.getPath('userData'), 'data');
}

let core: Core | null = null;

async function createWindow(): Promise<void> {
  const win = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: 'Sổ Việc',
    show: false,
    webPreferences: {
      preload: path.join(__dirname, 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

async function start(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    dialog.showErrorBox('Sổ Việc đang mở', 'Sổ Việc đã mở trên máy này. Hãy dùng cửa sổ đang mở (xem thanh tác vụ).');
    app.quit();
    return;
  }
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  await app.whenReady();
  hardenSession();
  try {
    core = await openCore({
      dataDir: dataDirFromArgs(),
      ports: {
        showItemInFolder: async (file) => shell.showItemInFolder(file),
        openExternal: async (url) => {
          if (url.startsWith('mailto:')) await shell.openExternal(url);
        },
        // Private keys sealed by the OS (DPAPI on Windows); otherwise the core uses a 0600 key file.
        ...(safeStorageUsable(safeStorage) ? { keyProtector: safeStorageKeyProtector(safeStorage) } : {}),
        pickFolder: async () => {
          const win = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
          const options = { properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
          const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
          return r.canceled ? null : (r.filePaths[0] ?? null);
        },
      },
    });
  } catch (e) {
    const locked = e instanceof AppError && e.code === 'DATA_FOLDER_LOCKED';
    dialog.showErrorBox(
      'Không mở được dữ liệu',
      locked
        ? 'Thư mục dữ liệu đang được một chương trình Sổ Việc khác sử dụng. Đóng chương trình đó rồi mở lại.'
        : `Không mở được thư mục dữ liệu: ${(e as Error).message}`,
    );
    app.quit();
    return;
  }
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  registerIpc(core.dispatch, core.log);
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
}

app.on('window-all-closed', () => {
  void (async () => {
    await core?.close();
    core = null;
    app.quit();
  })();
});

void start();
