// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createBrowserHost } from '../../../../src-renderer/platform/browser-host';
import { MemoryStorage } from '../../../support/memory-storage';

const host = (storage = new MemoryStorage()) =>
  createBrowserHost({ version: '1.2.3', storage, defaultServerUrl: 'http://127.0.0.1:8787' });

describe('browser host bridge', () => {
  it('describes itself as the browser host that cannot self-update', async () => {
    const info = await host().invoke('app:info', {});
    expect(info).toMatchObject({
      ok: true,
      value: {
        version: '1.2.3',
        host: 'browser',
        canUpdate: false,
        defaultServerUrl: 'http://127.0.0.1:8787',
      },
    });
  });

  it('keeps session tokens per profile', async () => {
    const storage = new MemoryStorage();
    const bridge = host(storage);
    await bridge.invoke('secrets:set', { profileId: 'http.a@admin', token: 't1' });
    await bridge.invoke('secrets:set', { profileId: 'http.b@admin', token: 't2' });
    await bridge.invoke('secrets:delete', { profileId: 'http.a@admin' });
    expect(await bridge.invoke('secrets:get', { profileId: 'http.a@admin' })).toEqual({
      ok: true,
      value: { token: null },
    });
    expect(await bridge.invoke('secrets:get', { profileId: 'http.b@admin' })).toEqual({
      ok: true,
      value: { token: 't2' },
    });
  });

  it('refuses malformed payloads exactly as the desktop host does, changing nothing', async () => {
    const storage = new MemoryStorage();
    const bridge = host(storage);
    const bad = [
      ['secrets:set', { profileId: '../etc/passwd', token: 'x' }],
      ['secrets:set', { profileId: 'ok', token: 'x', extra: true }],
      ['secrets:set', { profileId: 'ok', token: 42 }],
      ['files:save', { suggestedName: '../evil.txt', content: 'x', encoding: 'utf8' }],
      ['notify:show', { title: '', body: 'x' }],
    ] as const;
    // Seen from the contract's other side: code that ignores the types sends anything.
    const untyped = bridge as unknown as {
      invoke(channel: string, payload: unknown): Promise<unknown>;
    };
    for (const [channel, payload] of bad) {
      const result = await untyped.invoke(channel, payload);
      expect(result, channel).toMatchObject({
        ok: false,
        error: { code: 'bridge/invalid-payload' },
      });
    }
    expect(storage.length).toBe(0);
  });

  it('refuses unknown channels with a result, not an exception', async () => {
    const untyped = host() as unknown as {
      invoke(channel: string, payload: unknown): Promise<unknown>;
    };
    const result = await untyped.invoke('shell:exec', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'bridge/invalid-channel' } });
  });

  it('reports updates as unavailable in the browser', async () => {
    const bridge = host();
    expect(await bridge.invoke('updates:check', {})).toEqual({
      ok: true,
      value: { state: 'unavailable', reason: 'browser-host' },
    });
    expect(await bridge.invoke('updates:install', {})).toMatchObject({
      ok: false,
      error: { code: 'bridge/unavailable' },
    });
  });

  it('offers an export as a download under the suggested name', async () => {
    const clicked: string[] = [];
    const original = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    };
    try {
      const result = await host().invoke('files:save', {
        suggestedName: 'laporan.csv',
        content: 'a,b',
        encoding: 'utf8',
      });
      expect(result).toEqual({ ok: true, value: { saved: true, path: 'laporan.csv' } });
      expect(clicked).toEqual(['laporan.csv']);
    } finally {
      HTMLAnchorElement.prototype.click = original;
    }
  });
});
