import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

/**
 * A stand-in for the `electron` module (as Electron Fiddle's tests do), for the main-process
 * wiring tests. It records what main asks of Electron, and runs the core host for real:
 * `utilityProcess.fork` starts the bundled coreHost.cjs in a child process (its own pid and
 * event loop, like the utility process) and `MessageChannelMain` is a real worker_threads
 * channel, wrapped so its 'message' event carries a MessageEvent ({ data }) as Electron's does.
 */

type Listener = (...args: never[]) => unknown;

/** A MessagePortMain over a worker_threads port; `raw` is what crosses into the worker. */
export class PortMain {
  constructor(readonly raw: MessagePort) {}
  on(event: 'message', listener: (e: { data: unknown; ports: PortMain[] }) => void): this {
    this.raw.on(event, (data: unknown) => listener({ data, ports: [] }));
    return this;
  }
  postMessage(message: unknown): void {
    this.raw.postMessage(message);
  }
  start(): void {
    this.raw.start();
  }
  close(): void {
    this.raw.close();
  }
}

const BOOTSTRAP = path.join(path.dirname(fileURLToPath(import.meta.url)), 'hostBootstrap.cjs');

/**
 * The utility process: a real Node child process (own pid, own event loop) running the
 * bundled core host. Electron would pass the port itself; Node cannot send a MessagePort to
 * another process, so the stand-in relays the port's messages over the child's IPC channel.
 */
export class UtilityChild extends EventEmitter {
  readonly process: ChildProcess;
  readonly sent: Array<{ message: unknown; ports: PortMain[] }> = [];
  constructor(
    readonly modulePath: string,
    bundle: string,
  ) {
    super();
    this.process = fork(BOOTSTRAP, [bundle], { serialization: 'advanced', stdio: 'inherit' });
    this.process.on('exit', (code, signal) => this.emit('exit', code ?? (signal ? 1 : 0)));
  }
  postMessage(message: unknown, transfer: PortMain[] = []): void {
    this.sent.push({ message, ports: transfer });
    const port = transfer[0];
    if (port) {
      port.raw.on('message', (data: unknown) => {
        if (this.process.connected) this.process.send({ kind: 'port', data });
      });
      this.process.on('message', (m: { kind: string; data: unknown }) => {
        if (m.kind === 'port') port.raw.postMessage(m.data);
      });
      port.raw.start();
    }
    this.process.send({ kind: 'init', message, withPort: Boolean(port) });
  }
  kill(): boolean {
    return this.process.kill('SIGTERM');
  }
  /** What a crash looks like from main: the process dies without being asked to. */
  crash(): void {
    this.process.kill('SIGKILL');
  }
}

export class WebContentsStandIn extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(h: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
}

export class BrowserWindowStandIn extends EventEmitter {
  static created: BrowserWindowStandIn[] = [];
  static getAllWindows(): BrowserWindowStandIn[] {
    return BrowserWindowStandIn.created;
  }
  static getFocusedWindow(): BrowserWindowStandIn | null {
    return BrowserWindowStandIn.created[0] ?? null;
  }
  loadedUrl = '';
  readonly webContents = new WebContentsStandIn();
  constructor(readonly options: { webPreferences: Record<string, unknown> } & Record<string, unknown>) {
    super();
    BrowserWindowStandIn.created.push(this);
  }
  async loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
  }
  focused = 0;
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {
    this.focused++;
  }
  show(): void {}
}

class AppStandIn extends EventEmitter {
  quitCalls = 0;
  singleInstance = true;
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  whenReady(): Promise<void> {
    return Promise.resolve();
  }
  getPath(name: string): string {
    return `/nonexistent/${name}`;
  }
  /** Electron emits 'before-quit' first; a listener may prevent the quit. */
  quit(): void {
    this.quitCalls++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.emit('quit');
  }
}

type Handler = (...args: never[]) => unknown;

export const standIn = {
  /** The bundled coreHost.cjs the stand-in utilityProcess runs (set by the test). */
  hostBundle: '',
  children: [] as UtilityChild[],
  forkCalls: [] as Array<{ modulePath: string; args: unknown; options: unknown }>,
  ipcHandlers: new Map<string, Handler>(),
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  privilegedSchemes: [] as unknown[],
  permissionRequestHandler: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
  permissionCheckHandler: null as null | ((...a: unknown[]) => boolean),
  headersReceived: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
  errorBoxes: [] as Array<{ title: string; content: string }>,
  shown: [] as string[],
  opened: [] as string[],
  /** The folder the stand-in folder picker answers with. */
  pickedFolder: '/tmp/nơi-xuất',
  sealed: 0,
  unsealed: 0,
  /** Desktop notifications main showed, in order. */
  notifications: [] as NotificationStandIn[],
};

/** Electron's Notification: records what was shown; `click()` plays the user's click. */
export class NotificationStandIn extends EventEmitter {
  static isSupported(): boolean {
    return true;
  }
  shown = false;
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    this.shown = true;
    standIn.notifications.push(this);
  }
  click(): void {
    this.emit('click');
  }
}

/** A reversible stand-in for the OS key store; records use so tests see main was asked. */
const safeStorage = {
  isEncryptionAvailable: () => true,
  getSelectedStorageBackend: () => 'gnome_libsecret',
  encryptString: (plain: string): Buffer => {
    standIn.sealed++;
    return Buffer.from(`os-sealed:${Buffer.from(plain).toString('hex')}`);
  },
  decryptString: (sealed: Buffer): string => {
    standIn.unsealed++;
    const s = sealed.toString();
    if (!s.startsWith('os-sealed:')) throw new Error('not sealed by this OS account');
    return Buffer.from(s.slice('os-sealed:'.length), 'hex').toString();
  },
};

export const app = new AppStandIn();

export const electron = {
  app,
  BrowserWindow: BrowserWindowStandIn,
  Notification: NotificationStandIn,
  MessageChannelMain: class {
    readonly port1: PortMain;
    readonly port2: PortMain;
    constructor() {
      const ch = new MessageChannel();
      this.port1 = new PortMain(ch.port1);
      this.port2 = new PortMain(ch.port2);
    }
  },
  utilityProcess: {
    fork: (modulePath: string, args?: unknown, options?: unknown): UtilityChild => {
      standIn.forkCalls.push({ modulePath, args, options });
      const child = new UtilityChild(modulePath, standIn.hostBundle);
      standIn.children.push(child);
      return child;
    },
  },
  ipcMain: {
    handle: (channel: string, handler: Handler) => void standIn.ipcHandlers.set(channel, handler),
  },
  protocol: {
    registerSchemesAsPrivileged: (schemes: unknown[]) => void standIn.privilegedSchemes.push(...schemes),
    handle: (scheme: string, handler: (request: Request) => Promise<Response>) => void standIn.protocolHandlers.set(scheme, handler),
  },
  net: {
    // Electron's net.fetch reads file: URLs; Node's fetch does not.
    fetch: async (url: string): Promise<Response> => {
      try {
        return new Response(await readFile(fileURLToPath(url)), { status: 200, headers: { 'content-type': 'text/html' } });
      } catch {
        return new Response('not found', { status: 404 });
      }
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (h: typeof standIn.permissionRequestHandler) => void (standIn.permissionRequestHandler = h),
      setPermissionCheckHandler: (h: typeof standIn.permissionCheckHandler) => void (standIn.permissionCheckHandler = h),
      webRequest: { onHeadersReceived: (h: typeof standIn.headersReceived) => void (standIn.headersReceived = h) },
    },
  },
  safeStorage,
  dialog: {
    showErrorBox: (title: string, content: string) => void standIn.errorBoxes.push({ title, content }),
    showOpenDialog: async () => ({ canceled: false, filePaths: [standIn.pickedFolder] }),
  },
  shell: {
    showItemInFolder: (file: string) => void standIn.shown.push(file),
    openExternal: async (url: string) => void standIn.opened.push(url),
  },
} satisfies Record<string, unknown>;

export type { Listener };
