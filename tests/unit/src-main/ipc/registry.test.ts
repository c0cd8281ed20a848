import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { BridgeErrorCode, bridgeChannelNames } from '../../../../src-shared/bridge';
import { ok } from '../../../../src-shared/result';
import {
  dispatchBridgeCall,
  registerIpc,
  type BridgeHandlers,
  type CallOrigin,
} from '../../../../src-main/ipc/registry';
import { recordingLogger } from '../../../../src-main/log';

const sender = {} as unknown as WebContents;
const fromApp: CallOrigin = { senderUrl: 'app://posko/index.html', sender };

function fakeHandlers() {
  const handlers = {
    'app:info': vi.fn<BridgeHandlers['app:info']>(() =>
      Promise.resolve(
        ok({
          version: '0.1.0',
          host: 'electron' as const,
          platform: 'linux',
          defaultServerUrl: null,
          canUpdate: false,
        }),
      ),
    ),
    'secrets:get': vi.fn<BridgeHandlers['secrets:get']>(() =>
      Promise.resolve(ok({ token: 'tok' })),
    ),
    'secrets:set': vi.fn<BridgeHandlers['secrets:set']>(() => Promise.resolve(ok(null))),
    'secrets:delete': vi.fn<BridgeHandlers['secrets:delete']>(() => Promise.resolve(ok(null))),
    'updates:check': vi.fn<BridgeHandlers['updates:check']>(() =>
      Promise.resolve(ok({ state: 'idle' as const })),
    ),
    'updates:download': vi.fn<BridgeHandlers['updates:download']>(() => Promise.resolve(ok(null))),
    'updates:install': vi.fn<BridgeHandlers['updates:install']>(() => Promise.resolve(ok(null))),
    'files:save': vi.fn<BridgeHandlers['files:save']>(() =>
      Promise.resolve(ok({ saved: false as const })),
    ),
    'notify:show': vi.fn<BridgeHandlers['notify:show']>(() => Promise.resolve(ok(null))),
    'letter:savePdf': vi.fn<BridgeHandlers['letter:savePdf']>(() =>
      Promise.resolve(ok({ saved: false as const, reason: 'cancelled' as const })),
    ),
  } satisfies BridgeHandlers;
  return handlers;
}

function calledHandlers(handlers: ReturnType<typeof fakeHandlers>): string[] {
  return Object.entries(handlers)
    .filter(([, handler]) => handler.mock.calls.length > 0)
    .map(([channel]) => channel);
}

describe('dispatchBridgeCall', () => {
  it('passes a valid request to its handler with the sender context and returns its result', async () => {
    const handlers = fakeHandlers();

    const result = await dispatchBridgeCall(
      handlers,
      'secrets:get',
      { profileId: 'lapor.go.id:op1' },
      fromApp,
      recordingLogger(),
    );

    expect(result).toEqual({ ok: true, value: { token: 'tok' } });
    expect(handlers['secrets:get']).toHaveBeenCalledExactlyOnceWith(
      { profileId: 'lapor.go.id:op1' },
      { senderUrl: 'app://posko/index.html', sender },
    );
  });

  it.each([
    ['a wrong type', 'secrets:get', { profileId: 42 }],
    ['a missing field', 'secrets:set', { profileId: 'p1' }],
    ['an extra key', 'secrets:get', { profileId: 'p1', admin: true }],
    ['an extra key on an empty request', 'app:info', { sneaky: 1 }],
    ['no payload at all', 'app:info', undefined],
    ['null', 'updates:check', null],
    ['an array', 'notify:show', ['title', 'body']],
    ['a huge string', 'secrets:set', { profileId: 'p1', token: 'x'.repeat(5_000_000) }],
    [
      'a path as the suggested file name',
      'files:save',
      { suggestedName: '../../.bashrc', content: 'x', encoding: 'utf8' },
    ],
    ['an unsafe profile id', 'secrets:get', { profileId: '../../etc/passwd' }],
    [
      'an unknown encoding',
      'files:save',
      { suggestedName: 'a.csv', content: 'x', encoding: 'hex' },
    ],
    [
      'a prototype-polluting key',
      'secrets:get',
      JSON.parse('{"profileId":"p1","__proto__":{"x":1}}') as unknown,
    ],
  ])(
    'refuses %s with bridge/invalid-payload, logs it and never calls a handler',
    async (_name, channel, payload) => {
      const handlers = fakeHandlers();
      const log = recordingLogger();

      const result = await dispatchBridgeCall(handlers, channel, payload, fromApp, log);

      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bridge/invalid-payload');
        expect(result.error.message).toContain(channel);
      }
      expect(calledHandlers(handlers)).toEqual([]);
      expect(log.entries).toContainEqual(
        expect.objectContaining({ level: 'warn', message: 'bridge call refused: invalid payload' }),
      );
    },
  );

  it('keeps payload values out of the log and the error message', async () => {
    const log = recordingLogger();
    const secret = 'SECRET-TOKEN-VALUE';

    const result = await dispatchBridgeCall(
      fakeHandlers(),
      'secrets:set',
      { profileId: 'p1', token: secret, extra: secret },
      fromApp,
      log,
    );

    expect(JSON.stringify(log.entries)).not.toContain(secret);
    expect(JSON.stringify(result)).not.toContain(secret);
  });

  it.each([['shell:exec'], ['__proto__'], ['constructor'], [42], [null]])(
    'refuses the unknown channel %s and calls no handler',
    async (channel) => {
      const handlers = fakeHandlers();
      const log = recordingLogger();

      const result = await dispatchBridgeCall(handlers, channel, {}, fromApp, log);

      expect(result).toEqual({
        ok: false,
        error: { code: 'bridge/invalid-channel', message: expect.any(String) as string },
      });
      expect(calledHandlers(handlers)).toEqual([]);
      expect(log.entries.some((entry) => entry.level === 'warn')).toBe(true);
    },
  );

  it.each([
    ['a web page', 'https://evil.example/'],
    ['a look-alike app host', 'app://posko.evil/index.html'],
    ['a file page', 'file:///tmp/x.html'],
    ['a destroyed frame', null],
  ])('refuses calls from %s', async (_name, senderUrl) => {
    const handlers = fakeHandlers();
    const log = recordingLogger();

    const result = await dispatchBridgeCall(handlers, 'app:info', {}, { senderUrl, sender }, log);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(BridgeErrorCode.forbiddenSender);
    expect(calledHandlers(handlers)).toEqual([]);
    expect(log.entries.some((entry) => entry.level === 'warn')).toBe(true);
  });

  it('turns a throwing handler into bridge/handler-failed and logs the error', async () => {
    const handlers = fakeHandlers();
    handlers['notify:show'].mockImplementation(() => {
      throw new Error('native notification crashed');
    });
    const log = recordingLogger();

    const result = await dispatchBridgeCall(
      handlers,
      'notify:show',
      { title: 'Baru', body: 'x' },
      fromApp,
      log,
    );

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bridge/handler-failed');
    expect(log.entries).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'bridge handler failed' }),
    );
  });

  it('turns a rejecting handler into bridge/handler-failed', async () => {
    const handlers = fakeHandlers();
    handlers['secrets:delete'].mockImplementation(() => Promise.reject(new Error('EACCES')));

    const result = await dispatchBridgeCall(
      handlers,
      'secrets:delete',
      { profileId: 'p1' },
      fromApp,
      recordingLogger(),
    );

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bridge/handler-failed');
  });

  it('passes a handler’s own expected failure through unchanged', async () => {
    const handlers = fakeHandlers();
    handlers['secrets:get'].mockImplementation(() =>
      Promise.resolve({ ok: false, error: { code: 'secrets/unavailable', message: 'no keyring' } }),
    );

    const result = await dispatchBridgeCall(
      handlers,
      'secrets:get',
      { profileId: 'p1' },
      fromApp,
      recordingLogger(),
    );

    expect(result).toEqual({
      ok: false,
      error: { code: 'secrets/unavailable', message: 'no keyring' },
    });
  });

  it('refuses a handler result outside the response schema', async () => {
    const handlers = fakeHandlers();
    handlers['updates:check'].mockImplementation(() =>
      Promise.resolve(ok({ state: 'downloading', percent: 250 } as never)),
    );
    const log = recordingLogger();

    const result = await dispatchBridgeCall(handlers, 'updates:check', {}, fromApp, log);

    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('bridge/handler-failed');
    expect(log.entries.some((entry) => entry.level === 'error')).toBe(true);
  });
});

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, InvokeListener>();
  return {
    listeners,
    handle: vi.fn((channel: string, listener: InvokeListener) => {
      listeners.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => {
      listeners.delete(channel);
    }),
  };
}

function invokeEvent(url: string | null): IpcMainInvokeEvent {
  return { senderFrame: url === null ? null : { url }, sender } as unknown as IpcMainInvokeEvent;
}

describe('registerIpc', () => {
  it('registers exactly the bridge channels', () => {
    const ipcMain = fakeIpcMain();

    registerIpc(ipcMain, fakeHandlers(), recordingLogger());

    expect([...ipcMain.listeners.keys()].sort()).toEqual([...bridgeChannelNames].sort());
  });

  it('validates payloads arriving through ipcMain before calling the handler', async () => {
    const ipcMain = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpc(ipcMain, handlers, recordingLogger());
    const listener = ipcMain.listeners.get('secrets:set')!;

    const refused = await listener(invokeEvent('app://posko/index.html'), {
      profileId: 'p1',
      token: 7,
    });
    const accepted = await listener(invokeEvent('app://posko/index.html'), {
      profileId: 'p1',
      token: 't',
    });

    expect(refused).toMatchObject({ ok: false, error: { code: 'bridge/invalid-payload' } });
    expect(accepted).toEqual({ ok: true, value: null });
    expect(handlers['secrets:set']).toHaveBeenCalledOnce();
  });

  it('refuses calls whose sender frame is gone or foreign', async () => {
    const ipcMain = fakeIpcMain();
    const handlers = fakeHandlers();
    registerIpc(ipcMain, handlers, recordingLogger());
    const listener = ipcMain.listeners.get('app:info')!;

    const gone = await listener(invokeEvent(null), {});
    const foreign = await listener(invokeEvent('https://evil.example/'), {});

    expect(gone).toMatchObject({ ok: false, error: { code: BridgeErrorCode.forbiddenSender } });
    expect(foreign).toMatchObject({ ok: false, error: { code: BridgeErrorCode.forbiddenSender } });
    expect(handlers['app:info']).not.toHaveBeenCalled();
  });

  it('refuses, rather than throws, when reading the sender frame throws', async () => {
    const ipcMain = fakeIpcMain();
    registerIpc(ipcMain, fakeHandlers(), recordingLogger());
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed');
      },
      sender,
    } as unknown as IpcMainInvokeEvent;

    const result = await ipcMain.listeners.get('app:info')!(event, {});

    expect(result).toMatchObject({ ok: false, error: { code: BridgeErrorCode.forbiddenSender } });
  });

  it('removes every handler it registered', () => {
    const ipcMain = fakeIpcMain();

    const unregister = registerIpc(ipcMain, fakeHandlers(), recordingLogger());
    unregister();

    expect(ipcMain.listeners.size).toBe(0);
  });
});
