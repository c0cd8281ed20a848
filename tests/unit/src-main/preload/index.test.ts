import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PoskoBridge } from '../../../../src-shared/bridge';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: {
    invoke: vi.fn(() => Promise.resolve({ ok: true, value: null })),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

vi.mock('electron', () => electron);
// The sandboxed preload must not bundle the validation library: importing it here fails the test.
vi.mock('zod', () => {
  throw new Error('zod was imported by the preload');
});

let bridge: PoskoBridge;

beforeAll(async () => {
  await import('../../../../src-main/preload/index');
  bridge = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as PoskoBridge;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockClear();
  electron.ipcRenderer.on.mockClear();
  electron.ipcRenderer.removeListener.mockClear();
});

describe('preload', () => {
  it('exposes exactly one object, posko, with only invoke and on', () => {
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, exposed] = electron.contextBridge.exposeInMainWorld.mock.calls[0]! as unknown as [
      string,
      object,
    ];
    expect(key).toBe('posko');
    expect(Object.keys(exposed).sort()).toEqual(['invoke', 'on']);
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function');
  });

  it('exposes nothing of ipcRenderer', () => {
    const exposed = electron.contextBridge.exposeInMainWorld.mock.calls[0]![1] as Record<
      string,
      unknown
    >;

    for (const value of Object.values(exposed)) {
      expect(Object.values(electron.ipcRenderer)).not.toContain(value);
    }
    expect(exposed).not.toHaveProperty('ipcRenderer');
    expect(exposed).not.toHaveProperty('send');
  });

  it('forwards a known channel and its request to ipcRenderer.invoke', async () => {
    const result = await bridge.invoke('secrets:get', { profileId: 'p1' });

    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('secrets:get', {
      profileId: 'p1',
    });
    expect(result).toEqual({ ok: true, value: null });
  });

  it.each(['shell:exec', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'app:info '])(
    'refuses the unknown channel %j without calling ipcRenderer',
    async (channel) => {
      const result = await bridge.invoke(channel as 'app:info', {});

      expect(result).toEqual({
        ok: false,
        error: { code: 'bridge/invalid-channel', message: expect.any(String) as string },
      });
      expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    },
  );

  it('subscribes to a known event and passes only the payload to the listener', () => {
    const listener = vi.fn();

    bridge.on('updates:status', listener);
    const [channel, forward] = electron.ipcRenderer.on.mock.calls[0]! as unknown as [
      string,
      (event: unknown, payload: unknown) => void,
    ];
    const ipcEvent = { sender: electron.ipcRenderer, ports: [] };
    forward(ipcEvent, { state: 'checking' });

    expect(channel).toBe('updates:status');
    expect(listener).toHaveBeenCalledExactlyOnceWith({ state: 'checking' });
  });

  it('returns an unsubscribe function that removes exactly that listener', () => {
    const unsubscribe = bridge.on('updates:status', vi.fn());
    const forward = (electron.ipcRenderer.on.mock.calls[0]! as unknown as [string, unknown])[1];

    unsubscribe();

    expect(electron.ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(
      'updates:status',
      forward,
    );
  });

  it('ignores an unknown event: it subscribes to nothing and does not throw', () => {
    const unsubscribe = bridge.on('ipc-message' as 'updates:status', vi.fn());

    expect(electron.ipcRenderer.on).not.toHaveBeenCalled();
    expect(() => {
      unsubscribe();
    }).not.toThrow();
    expect(electron.ipcRenderer.removeListener).not.toHaveBeenCalled();
  });
});
