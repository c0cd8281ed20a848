import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const created: FakeWindow[] = [];

class FakeWindow extends EventEmitter {
  static loadFails = false;
  readonly options: unknown;
  readonly webContents = new EventEmitter();
  readonly show = vi.fn();
  readonly loadURL = vi.fn((_url: string) =>
    FakeWindow.loadFails ? Promise.reject(new Error('ERR_FAILED')) : Promise.resolve(),
  );
  constructor(options: unknown) {
    super();
    this.options = options;
    created.push(this);
  }
}

vi.mock('electron', () => ({ BrowserWindow: FakeWindow }));

const { createMainWindow, mainWindowOptions } = await import('../../../src-main/window');
const { recordingLogger } = await import('../../../src-main/log');

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the page with no Node access', () => {
    const { webPreferences } = mainWindowOptions('/app/out/preload/index.js');

    expect(webPreferences).toMatchObject({
      preload: '/app/out/preload/index.js',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
  });

  it('enables no experimental or extra Blink features', () => {
    const { webPreferences } = mainWindowOptions('/p.js');

    expect(webPreferences?.experimentalFeatures).toBe(false);
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('starts hidden, titled Posko, at a usable size', () => {
    const options = mainWindowOptions('/p.js');

    expect(options.show).toBe(false);
    expect(options.title).toBe('Posko');
    expect(options.minWidth).toBeGreaterThanOrEqual(1024);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
  });
});

describe('createMainWindow', () => {
  beforeEach(() => {
    created.length = 0;
  });

  it('loads the app page from app://posko', () => {
    createMainWindow({ preloadPath: '/p.js', log: recordingLogger() });

    expect(created).toHaveLength(1);
    expect(created[0]!.loadURL).toHaveBeenCalledExactlyOnceWith('app://posko/index.html');
    expect(created[0]!.options).toEqual(mainWindowOptions('/p.js'));
  });

  it('shows the window only once it is ready to show', () => {
    createMainWindow({ preloadPath: '/p.js', log: recordingLogger() });
    const window = created[0]!;

    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
  });

  it('logs a page that fails to load instead of leaving an unhandled rejection', async () => {
    const log = recordingLogger();
    FakeWindow.loadFails = true;
    try {
      createMainWindow({ preloadPath: '/p.js', log });
    } finally {
      FakeWindow.loadFails = false;
    }

    await vi.waitFor(() => {
      expect(log.entries.some((entry) => entry.message.includes('could not be loaded'))).toBe(true);
    });
  });
});
