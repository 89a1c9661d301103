import { app, BrowserWindow, dialog, MessageChannelMain, Notification, safeStorage, shell, utilityProcess } from 'electron';
import path from 'node:path';
import { safeStorageKeyProtector, safeStorageUsable } from './core/bundles';
import { createLogger } from './core/runtime/log';
import { AppError } from './domain/errors';
import { APP_ORIGIN } from './contract/bridge';
import type { MainCallHandlers } from './coreHost/messages';
import { startCoreProcess, type CoreProcess } from './coreProcess';
import { registerIpc } from './ipc';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession } from './security/harden';

// Thin shell: lifecycle, one window, the hardened session, and IPC to the core, which runs in
// a utility process (coreHost.cjs) so a long import never freezes the window.
registerAppScheme();

function dataDirFromArgs(): string {
  const i = process.argv.indexOf('--data');
  const given = i >= 0 ? process.argv[i + 1] : undefined;
  return given ? path.resolve(given) : path.join(app.getPath('userData'), 'data');
}

const WINDOW_OPTIONS = {
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
} satisfies Electron.BrowserWindowConstructorOptions;

async function createWindow(): Promise<void> {
  const win = new BrowserWindow(WINDOW_OPTIONS);
  win.once('ready-to-show', () => win.show());
  await win.loadURL(`${APP_ORIGIN}/index.html`);
}

function focusedWindow(): BrowserWindow | undefined {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
}

/** What only the main process can do, on the core's behalf (see coreHost/messages.ts). */
function mainCalls(): MainCallHandlers {
  // The same protector the core used when it ran here: identity files sealed before stay readable.
  const keys = safeStorageKeyProtector(safeStorage);
  return {
    'keys.protect': async ({ plain }) => keys.protect(plain),
    'keys.unprotect': async ({ sealed }) => keys.unprotect(sealed),
    'shell.showItemInFolder': async ({ file }) => {
      shell.showItemInFolder(file);
      return null;
    },
    'shell.openExternal': async ({ url }) => {
      if (url.startsWith('mailto:')) await shell.openExternal(url);
      return null;
    },
    'dialog.pickFolder': async () => {
      const win = focusedWindow();
      const options = { properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'> };
      const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    'notify.show': async ({ title, body }) => {
      if (!Notification.isSupported()) return false;
      const n = new Notification({ title, body });
      // A click brings the window forward; its home page lists the same items ("Việc cần xử lý").
      n.on('click', () => {
        const win = BrowserWindow.getAllWindows()[0];
        if (!win) return;
        if (win.isMinimized()) win.restore();
        win.focus();
      });
      n.show();
      return true;
    },
  };
}

let core: CoreProcess | null = null;
let coreClosing: Promise<void> | null = null;
let coreClosed = false;

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
  const dataDir = dataDirFromArgs();
  const log = createLogger(dataDir);
  let started = false;
  core = startCoreProcess({
    hostPath: path.join(__dirname, 'coreHost.cjs'),
    // Private keys sealed by the OS (DPAPI on Windows); otherwise the core uses a 0600 key file.
    init: { dataDir, safeStorage: safeStorageUsable(safeStorage) },
    fork: (modulePath) => utilityProcess.fork(modulePath, [], { serviceName: 'Sổ Việc core', stdio: 'inherit' }),
    channel: () => new MessageChannelMain(),
    mainCalls: mainCalls(),
    log: (m) => log(`main: ${m}`),
    onCrash: ({ restarting }) => {
      if (!started) return; // reported below as an open failure
      dialog.showErrorBox(
        'Dịch vụ dữ liệu đã dừng',
        restarting
          ? 'Phần xử lý dữ liệu của Sổ Việc bị dừng đột ngột và đã được khởi động lại. Thao tác đang làm dở có thể chưa được lưu: hãy kiểm tra rồi làm lại.'
          : 'Phần xử lý dữ liệu của Sổ Việc lại bị dừng. Sổ Việc sẽ đóng; hãy mở lại, nếu vẫn lỗi hãy gửi tệp nhật ký trong thư mục dữ liệu (logs) cho bộ phận kỹ thuật.',
      );
      if (!restarting) app.quit();
    },
  });
  try {
    await core.ready;
  } catch (e) {
    const locked = e instanceof AppError && e.code === 'DATA_FOLDER_LOCKED';
    dialog.showErrorBox(
      'Không mở được dữ liệu',
      locked
        ? 'Thư mục dữ liệu đang được một chương trình Sổ Việc khác sử dụng. Đóng chương trình đó rồi mở lại.'
        : `Không mở được thư mục dữ liệu: ${e instanceof AppError ? e.code : (e as Error).message}`,
    );
    app.quit();
    return;
  }
  started = true;
  serveRenderer(path.join(__dirname, '..', 'renderer'));
  registerIpc(core.dispatch, (m) => log(`main: ${m}`));
  await createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void createWindow();
  });
}

app.on('window-all-closed', () => app.quit());

// Quit waits for the core to finish its calls, flush the WAL and release the folder lock.
app.on('before-quit', (event) => {
  if (coreClosed || !core) return;
  event.preventDefault();
  coreClosing ??= core.close().finally(() => {
    coreClosed = true;
    app.quit();
  });
});

void start();
