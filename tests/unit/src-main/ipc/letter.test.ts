import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { SaveDialogOptions, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  LETTER_PDF_OPTIONS,
  LETTER_PRINT_PARTITION,
  letterHandlers,
  resetLetterPrintSession,
} from '../../../../src-main/ipc/letter';
import {
  dispatchBridgeCall,
  type BridgeHandlers,
  type IpcContext,
} from '../../../../src-main/ipc/registry';
import { recordingLogger } from '../../../../src-main/log';

// ---------------------------------------------------------------------------------------------
// Electron, as far as the print window uses it

const electron = await vi.hoisted(async () => {
  const { EventEmitter } = await import('node:events');
  const { vi } = await import('vitest');

  class FakeSession extends EventEmitter {
    readonly webRequest = {
      onBeforeRequest:
        vi.fn<
          (
            listener: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void,
          ) => void
        >(),
    };
    readonly setPermissionRequestHandler =
      vi.fn<(handler: (c: unknown, p: string, cb: (granted: boolean) => void) => void) => void>();
    readonly setPermissionCheckHandler = vi.fn<(handler: () => boolean) => void>();
  }

  class FakeWindow {
    static all: FakeWindow[] = [];
    static pdf: Promise<Buffer> = Promise.resolve(Buffer.from('%PDF-1.7 surat'));
    readonly options: Record<string, unknown>;
    destroyed = false;
    loadedUrl: string | null = null;
    readonly webContents = Object.assign(new EventEmitter(), {
      setWindowOpenHandler: vi.fn<(handler: (details: { url: string }) => unknown) => void>(),
      printToPDF: vi.fn((_options: unknown) => FakeWindow.pdf),
    });
    constructor(options: Record<string, unknown>) {
      this.options = options;
      FakeWindow.all.push(this);
    }
    loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      return Promise.resolve();
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    destroy(): void {
      this.destroyed = true;
    }
  }

  const sessions = new Map<string, FakeSession>();
  const fromPartition = vi.fn((partition: string) => {
    let found = sessions.get(partition);
    if (found === undefined) {
      found = new FakeSession();
      sessions.set(partition, found);
    }
    return found;
  });
  return { FakeWindow, fromPartition, sessions };
});

vi.mock('electron', () => ({
  BrowserWindow: electron.FakeWindow,
  session: { fromPartition: electron.fromPartition },
}));

// ---------------------------------------------------------------------------------------------
// Harness

const HTML =
  '<!doctype html><html lang="id"><head><title>Surat</title></head><body>Yth.</body></html>';
const ctx = {
  senderUrl: 'app://posko/index.html',
  sender: {} as unknown as WebContents,
} as IpcContext;

let downloads: string;

beforeEach(async () => {
  electron.FakeWindow.all = [];
  electron.FakeWindow.pdf = Promise.resolve(Buffer.from('%PDF-1.7 surat'));
  electron.sessions.clear();
  electron.fromPartition.mockClear();
  resetLetterPrintSession();
  downloads = await mkdtemp(path.join(tmpdir(), 'posko-letter-'));
});

afterEach(async () => {
  await rm(downloads, { recursive: true, force: true });
});

function setup(choice: (options: SaveDialogOptions) => { canceled: boolean; filePath?: string }) {
  const showSaveDialog = vi.fn((_ctx: IpcContext, options: SaveDialogOptions) =>
    Promise.resolve(choice(options)),
  );
  const write = vi.fn((filePath: string, data: Uint8Array) => writeFile(filePath, data));
  const log = recordingLogger();
  const handlers = letterHandlers({
    showSaveDialog,
    writeFile: write,
    defaultDirectory: () => downloads,
    joinPath: (directory, name) => path.join(directory, name),
    log,
  });
  return { showSaveDialog, write, log, save: handlers['letter:savePdf'] };
}

const chooseDefault = (options: SaveDialogOptions) => ({
  canceled: false,
  filePath: options.defaultPath ?? '',
});

function onlyWindow() {
  expect(electron.FakeWindow.all).toHaveLength(1);
  return electron.FakeWindow.all[0]!;
}

function printSession() {
  const found = electron.sessions.get(LETTER_PRINT_PARTITION);
  if (found === undefined) throw new Error('no print session');
  return found;
}

// ---------------------------------------------------------------------------------------------

describe('letter:savePdf', () => {
  it('prints in a hidden, sandboxed window without JavaScript or Node, in its own session', async () => {
    const { save } = setup(chooseDefault);

    await save({ html: HTML, suggestedName: 'Surat-1916449.pdf' }, ctx);

    const window = onlyWindow();
    expect(electron.fromPartition).toHaveBeenCalledWith(LETTER_PRINT_PARTITION);
    expect(LETTER_PRINT_PARTITION).not.toMatch(/^persist:/);
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        sandbox: true,
        javascript: false,
        contextIsolation: true,
        nodeIntegration: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        webviewTag: false,
      },
    });
    expect((window.options['webPreferences'] as { session: unknown }).session).toBe(printSession());
    expect(window.options['webPreferences']).not.toHaveProperty('preload');
  });

  it('loads exactly the HTML it was given, as a data: URL', async () => {
    const { save } = setup(chooseDefault);
    const html = `${HTML}<!-- #?&%"' -->`;

    await save({ html, suggestedName: 'Surat-1916449.pdf' }, ctx);

    const url = onlyWindow().loadedUrl ?? '';
    const prefix = 'data:text/html;charset=utf-8;base64,';
    expect(url.startsWith(prefix)).toBe(true);
    expect(Buffer.from(url.slice(prefix.length), 'base64').toString('utf8')).toBe(html);
  });

  it('prints A4 with the letter’s own margins and writes the PDF where the dialog said', async () => {
    const chosen = () => path.join(downloads, 'arsip', 'Surat Warga.pdf');
    const { save, showSaveDialog } = setup(() => ({ canceled: false, filePath: chosen() }));
    const { mkdir } = await import('node:fs/promises');
    await mkdir(path.join(downloads, 'arsip'));

    const result = await save({ html: HTML, suggestedName: 'Surat-1916449.pdf' }, ctx);

    expect(result).toEqual({ ok: true, value: { saved: true, path: chosen() } });
    const window = onlyWindow();
    expect(window.webContents.printToPDF).toHaveBeenCalledExactlyOnceWith(LETTER_PDF_OPTIONS);
    expect(LETTER_PDF_OPTIONS).toMatchObject({
      pageSize: 'A4',
      landscape: false,
      preferCSSPageSize: true,
      printBackground: true,
    });
    expect(showSaveDialog).toHaveBeenCalledExactlyOnceWith(
      ctx,
      expect.objectContaining({
        defaultPath: path.join(downloads, 'Surat-1916449.pdf'),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }),
    );
    expect(await readFile(chosen(), 'utf8')).toBe('%PDF-1.7 surat');
    expect(window.destroyed).toBe(true);
  });

  it('lets the print session load nothing but data: URLs and grants no permission', async () => {
    const { save } = setup(chooseDefault);
    await save({ html: HTML, suggestedName: 'Surat-1916449.pdf' }, ctx);
    const printing = printSession();
    const listener = printing.webRequest.onBeforeRequest.mock.calls[0]![0];

    const verdict = (url: string) => {
      let cancel: boolean | undefined;
      listener({ url }, (response) => {
        cancel = response.cancel;
      });
      return cancel;
    };

    expect(verdict('data:image/png;base64,AAAA')).toBe(false);
    expect(verdict('https://tracker.example/pixel.png')).toBe(true);
    expect(verdict('file:///etc/passwd')).toBe(true);
    expect(verdict('app://posko/index.html')).toBe(true);
    const permission = printing.setPermissionRequestHandler.mock.calls[0]![0];
    const granted = vi.fn();
    permission({}, 'media', granted);
    expect(granted).toHaveBeenCalledExactlyOnceWith(false);
    expect(printing.setPermissionCheckHandler.mock.calls[0]![0]()).toBe(false);
  });

  it('locks the print session once, however many letters are printed', async () => {
    const { save } = setup(chooseDefault);
    await save({ html: HTML, suggestedName: 'Surat-1.pdf' }, ctx);
    await save({ html: HTML, suggestedName: 'Surat-2.pdf' }, ctx);

    expect(printSession().webRequest.onBeforeRequest).toHaveBeenCalledOnce();
    expect(electron.FakeWindow.all).toHaveLength(2);
  });

  it('refuses navigation and pop-ups from the print window', async () => {
    const { save } = setup(chooseDefault);
    await save({ html: HTML, suggestedName: 'Surat-1916449.pdf' }, ctx);
    const contents = onlyWindow().webContents;

    const navigation = { url: 'https://evil.example/', preventDefault: vi.fn() };
    contents.emit('will-navigate', navigation);
    expect(navigation.preventDefault).toHaveBeenCalledOnce();
    const openHandler = contents.setWindowOpenHandler.mock.calls[0]![0];
    expect(openHandler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('answers cancelled and writes nothing when the operator closes the save dialog', async () => {
    const { save, write } = setup(() => ({ canceled: true }));

    const result = await save({ html: HTML, suggestedName: 'Surat-1916449.pdf' }, ctx);

    expect(result).toEqual({ ok: true, value: { saved: false, reason: 'cancelled' } });
    expect(write).not.toHaveBeenCalled();
    expect(await readdir(downloads)).toEqual([]);
    expect(onlyWindow().destroyed).toBe(true);
  });

  it('reports a letter that cannot be printed before asking where to save it', async () => {
    electron.FakeWindow.pdf = Promise.reject(new Error('printing failed'));
    const { save, showSaveDialog, write } = setup(chooseDefault);

    const result = await save({ html: HTML, suggestedName: 'Surat-1916449.pdf' }, ctx);

    expect(result).toEqual({
      ok: false,
      error: {
        code: 'letter/print-failed',
        message: 'The letter could not be printed: printing failed',
      },
    });
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
    expect(onlyWindow().destroyed).toBe(true);
  });

  it('reports a file that cannot be written', async () => {
    const { save } = setup(() => ({
      canceled: false,
      filePath: path.join(downloads, 'missing-folder', 'Surat.pdf'),
    }));

    const result = await save({ html: HTML, suggestedName: 'Surat-1916449.pdf' }, ctx);

    expect(result).toMatchObject({ ok: false, error: { code: 'letter/write-failed' } });
  });

  it('refuses a letter too large to load as one URL, before opening any window', async () => {
    const { save, showSaveDialog } = setup(chooseDefault);
    // 700,000 characters of three UTF-8 bytes each: within the request limit, not Chromium's.
    const result = await save({ html: '€'.repeat(700_000), suggestedName: 'Surat.pdf' }, ctx);

    expect(result).toMatchObject({ ok: false, error: { code: 'letter/too-large' } });
    expect(electron.FakeWindow.all).toHaveLength(0);
    expect(showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('letter:savePdf through the bridge', () => {
  const handlers = () => setup(chooseDefault);

  it.each([
    ['no HTML', { html: '', suggestedName: 'Surat.pdf' }],
    ['a path for a name', { html: HTML, suggestedName: '../../.bashrc.pdf' }],
    ['a name that is not a PDF', { html: HTML, suggestedName: 'Surat.exe' }],
    ['HTML over the limit', { html: 'x'.repeat(1_000_001), suggestedName: 'Surat.pdf' }],
    ['an extra field', { html: HTML, suggestedName: 'Surat.pdf', path: '/tmp/x.pdf' }],
    ['not an object', 'Surat.pdf'],
  ])('refuses %s with a clear error and prints and writes nothing', async (_what, payload) => {
    const { save, write, showSaveDialog, log } = handlers();

    const result = await dispatchBridgeCall(
      { 'letter:savePdf': save } as unknown as BridgeHandlers,
      'letter:savePdf',
      payload,
      { senderUrl: 'app://posko/index.html', sender: {} as unknown as WebContents },
      log,
    );

    expect(result).toMatchObject({ ok: false, error: { code: 'bridge/invalid-payload' } });
    expect(!result.ok && result.error.message).toMatch(/^Invalid request for letter:savePdf: /);
    expect(electron.FakeWindow.all).toHaveLength(0);
    expect(showSaveDialog).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
  });
});
