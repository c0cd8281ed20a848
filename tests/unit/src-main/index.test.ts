import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeChannelNames } from '../../../src-shared/bridge';

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const calls: string[] = [];
  class FakeWindow extends EventEmitter {
    static all: FakeWindow[] = [];
    static getAllWindows = () => FakeWindow.all;
    static fromWebContents = () => null;
    readonly webContents = Object.assign(new EventEmitter(), {
      getURL: () => 'app://posko/index.html',
      isDestroyed: () => false,
      send: () => undefined,
    });
    readonly options: unknown;
    show = () => undefined;
    focus = () => undefined;
    restore = () => undefined;
    isMinimized = () => false;
    isDestroyed = () => false;
    loadURL = (_url: string) => Promise.resolve();
    constructor(options: unknown) {
      super();
      this.options = options;
      FakeWindow.all.push(this);
      calls.push('new BrowserWindow');
    }
  }
  return { FakeWindow, calls };
});
const calls = electron.calls;

type Harness = ReturnType<typeof makeHarness>;

let harness: Harness;
let userData: string;

function makeHarness(options: { hasLock: boolean }) {
  let resolveReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((resolve) => {
    resolveReady = resolve;
  });
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(() => calls.push('enableSandbox')),
    requestSingleInstanceLock: vi.fn(() => options.hasLock),
    setAppUserModelId: vi.fn(),
    whenReady: vi.fn(() => {
      calls.push('whenReady');
      return readyPromise;
    }),
    getPath: vi.fn((name: string) => (name === 'userData' ? userData : path.join(userData, name))),
    getVersion: vi.fn(() => '0.1.0'),
    quit: vi.fn(),
    exit: vi.fn(),
  });
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
  });
  return {
    app,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => calls.push('registerSchemesAsPrivileged')),
      handle: vi.fn((_scheme: string, _handler: unknown) => calls.push('protocol.handle')),
    },
    session,
    ipcMain: {
      handle: vi.fn((_channel: string, _listener: unknown) => calls.push('ipcMain.handle')),
      removeHandler: vi.fn(),
    },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    ready: resolveReady,
  };
}

vi.mock('electron', () => ({
  get app() {
    return harness.app;
  },
  get protocol() {
    return harness.protocol;
  },
  get session() {
    return { defaultSession: harness.session };
  },
  get ipcMain() {
    return harness.ipcMain;
  },
  get shell() {
    return harness.shell;
  },
  BrowserWindow: electron.FakeWindow,
  dialog: { showSaveDialog: vi.fn() },
  Notification: Object.assign(vi.fn(), { isSupported: () => false }),
  safeStorage: {
    isAsyncEncryptionAvailable: () => Promise.resolve(false),
    getSelectedStorageBackend: () => 'basic_text',
  },
}));

const autoUpdater = vi.hoisted(() => ({ setFeedURL: () => undefined }));
vi.mock('electron-updater', () => ({ autoUpdater }));

async function start(options: { hasLock?: boolean } = {}): Promise<void> {
  harness = makeHarness({ hasLock: options.hasLock ?? true });
  vi.resetModules();
  await import('../../../src-main/index');
}

async function becomeReady(): Promise<void> {
  harness.ready();
  await vi.waitFor(() => {
    expect(electron.FakeWindow.all.length).toBeGreaterThan(0);
  });
}

beforeEach(async () => {
  calls.length = 0;
  electron.FakeWindow.all = [];
  userData = await mkdtemp(path.join(tmpdir(), 'posko-main-'));
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
});

afterEach(async () => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  await rm(userData, { recursive: true, force: true });
});

describe('main process start-up', () => {
  it('registers the privileged app scheme and enables the sandbox before ready', async () => {
    await start();

    expect(harness.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect(harness.app.enableSandbox).toHaveBeenCalledOnce();
    expect(calls.indexOf('registerSchemesAsPrivileged')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls.indexOf('enableSandbox')).toBeLessThan(calls.indexOf('whenReady'));
    expect(calls).not.toContain('protocol.handle');
    expect(electron.FakeWindow.all).toHaveLength(0);
  });

  it('quits at once when another instance holds the lock', async () => {
    await start({ hasLock: false });

    expect(harness.app.quit).toHaveBeenCalledOnce();
    expect(harness.app.whenReady).not.toHaveBeenCalled();
  });

  it('on ready serves app://, locks the session, registers every channel and opens the app page', async () => {
    await start();
    await becomeReady();

    expect(harness.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(harness.session.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(harness.session.setPermissionCheckHandler).toHaveBeenCalledOnce();
    const channels = harness.ipcMain.handle.mock.calls.map((call: unknown[]) => call[0]);
    expect([...channels].sort()).toEqual([...bridgeChannelNames].sort());
    const window = electron.FakeWindow.all[0]!;
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(
      (window.options as { webPreferences: { preload: string } }).webPreferences.preload,
    ).toMatch(/preload[\\/]index\.js$/);
  });

  it('registers the IPC handlers before the window exists', async () => {
    await start();
    await becomeReady();

    expect(calls.lastIndexOf('ipcMain.handle')).toBeGreaterThan(-1);
    expect(calls.lastIndexOf('ipcMain.handle')).toBeLessThan(calls.indexOf('new BrowserWindow'));
  });

  it('serves pages with a CSP that allows the configured server and nothing else', async () => {
    vi.stubEnv('POSKO_SERVER_URL', 'https://lapor.example.go.id/api');
    await start();
    await becomeReady();
    const handler = harness.protocol.handle.mock.calls[0]![1] as (
      request: Request,
    ) => Promise<Response>;

    const response = await handler(new Request('app://posko/index.html'));

    const csp = response.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("connect-src 'self' https://lapor.example.go.id;");
  });

  it('guards every new WebContents', async () => {
    await start();
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });

    harness.app.emit('web-contents-created', {}, contents);

    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce();
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('will-attach-webview')).toBe(1);
  });

  it('quits when the last window closes (outside macOS)', async () => {
    await start();

    harness.app.emit('window-all-closed');

    if (process.platform === 'darwin') expect(harness.app.quit).not.toHaveBeenCalled();
    else expect(harness.app.quit).toHaveBeenCalledOnce();
  });

  it('answers app:info from a real IPC round trip with defaults when there is no config file', async () => {
    await start();
    await becomeReady();
    const listener = harness.ipcMain.handle.mock.calls.find(
      (call: unknown[]) => call[0] === 'app:info',
    )![1] as (event: unknown, payload: unknown) => Promise<unknown>;

    const result = await listener(
      { senderFrame: { url: 'app://posko/index.html' }, sender: {} },
      {},
    );

    expect(result).toEqual({
      ok: true,
      value: {
        version: '0.1.0',
        host: 'electron',
        platform: process.platform,
        defaultServerUrl: null,
        canUpdate: false,
      },
    });
  });
});
