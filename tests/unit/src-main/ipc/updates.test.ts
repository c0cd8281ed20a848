import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { UpdateStatus } from '../../../../src-shared/bridge';
import { UpdateStatusSchema } from '../../../../src-shared/bridge';
import { createBridgeEventSender } from '../../../../src-main/ipc/events';
import {
  createUpdateService,
  updatesHandlers,
  updatesUnavailableReason,
  updateStatusFor,
  type UpdaterLike,
} from '../../../../src-main/ipc/updates';
import { recordingLogger } from '../../../../src-main/log';

// electron-updater is never loaded for real: the service receives this fake through loadUpdater.
vi.mock('electron-updater', () => {
  throw new Error('electron-updater must not be imported by the update service');
});

class FakeUpdater extends EventEmitter {
  autoDownload = true;
  logger: unknown = null;
  readonly setFeedURL = vi.fn();
  readonly checkForUpdates = vi.fn((): Promise<unknown> => Promise.resolve(null));
  readonly downloadUpdate = vi.fn((): Promise<string[]> => Promise.resolve([]));
  readonly quitAndInstall = vi.fn();
}

function setup(options: { updateUrl?: string | null; isPackaged?: boolean } = {}) {
  const updater = new FakeUpdater();
  const published: UpdateStatus[] = [];
  const loadUpdater = vi.fn(() => updater as unknown as UpdaterLike);
  const service = createUpdateService({
    updateUrl:
      options.updateUrl === undefined ? 'https://updates.example.go.id/posko' : options.updateUrl,
    isPackaged: options.isPackaged ?? true,
    loadUpdater,
    publish: (status) => published.push(status),
    log: recordingLogger(),
  });
  return { updater, published, loadUpdater, service };
}

const info = (version: string) => ({ version, files: [], path: '', sha512: '', releaseDate: '' });

describe('updatesUnavailableReason', () => {
  it('explains a missing update URL', () => {
    expect(updatesUnavailableReason({ updateUrl: null, isPackaged: true })).toContain('updateUrl');
  });

  it('explains an unpackaged (development) app', () => {
    expect(
      updatesUnavailableReason({ updateUrl: 'https://u.example', isPackaged: false }),
    ).toContain('installed');
  });

  it('has no objection when both are present', () => {
    expect(
      updatesUnavailableReason({ updateUrl: 'https://u.example', isPackaged: true }),
    ).toBeNull();
  });
});

describe('updateStatusFor', () => {
  it('maps every updater event to a status the bridge schema accepts', () => {
    const statuses = [
      updateStatusFor({ event: 'checking-for-update' }),
      updateStatusFor({ event: 'update-available', info: info('0.2.0') }),
      updateStatusFor({ event: 'update-not-available', info: info('0.1.0') }),
      updateStatusFor({ event: 'update-cancelled', info: info('0.2.0') }),
      updateStatusFor({
        event: 'download-progress',
        progress: { percent: 42.5, bytesPerSecond: 1000, transferred: 425, total: 1000 },
      }),
      updateStatusFor({ event: 'update-downloaded', info: info('0.2.0') }),
      updateStatusFor({ event: 'error', error: new Error('net::ERR_INTERNET_DISCONNECTED') }),
    ];

    expect(statuses).toEqual([
      { state: 'checking' },
      { state: 'available', version: '0.2.0' },
      { state: 'up-to-date', version: '0.1.0' },
      { state: 'available', version: '0.2.0' },
      { state: 'downloading', percent: 42.5, bytesPerSecond: 1000, transferred: 425, total: 1000 },
      { state: 'downloaded', version: '0.2.0' },
      { state: 'error', message: 'net::ERR_INTERNET_DISCONNECTED' },
    ]);
    for (const status of statuses) expect(UpdateStatusSchema.safeParse(status).success).toBe(true);
  });

  it('clamps odd progress numbers into the schema’s range', () => {
    const status = updateStatusFor({
      event: 'download-progress',
      progress: { percent: 100.0001, bytesPerSecond: Number.NaN, transferred: -1, total: Infinity },
    });

    expect(status).toEqual({
      state: 'downloading',
      percent: 100,
      bytesPerSecond: 0,
      transferred: 0,
      total: 0,
    });
    expect(UpdateStatusSchema.safeParse(status).success).toBe(true);
  });

  it('shortens very long error messages (electron-updater may include a whole HTTP body)', () => {
    const status = updateStatusFor({ event: 'error', error: new Error('x'.repeat(10_000)) });

    expect(status.state === 'error' && status.message.length).toBeLessThanOrEqual(501);
  });

  it('accepts non-Error throwables', () => {
    expect(updateStatusFor({ event: 'error', error: 'timeout' })).toEqual({
      state: 'error',
      message: 'timeout',
    });
  });
});

describe('createUpdateService', () => {
  it('configures a generic feed from the config and turns automatic download off', () => {
    const { service, updater } = setup();

    service.start();

    expect(updater.setFeedURL).toHaveBeenCalledExactlyOnceWith({
      provider: 'generic',
      url: 'https://updates.example.go.id/posko',
    });
    expect(updater.autoDownload).toBe(false);
    expect(updater.logger).not.toBeNull();
  });

  it('forwards the whole flow: check → available → progress → downloaded → install', async () => {
    const { service, updater, published } = setup();
    updater.checkForUpdates.mockImplementation(() => {
      updater.emit('checking-for-update');
      updater.emit('update-available', info('0.2.0'));
      return Promise.resolve({ isUpdateAvailable: true, updateInfo: info('0.2.0') });
    });
    updater.downloadUpdate.mockImplementation(() => {
      updater.emit('download-progress', {
        percent: 50,
        bytesPerSecond: 2048,
        transferred: 500,
        total: 1000,
        delta: 500,
      });
      updater.emit('download-progress', {
        percent: 100,
        bytesPerSecond: 2048,
        transferred: 1000,
        total: 1000,
        delta: 500,
      });
      updater.emit('update-downloaded', { ...info('0.2.0'), downloadedFile: '/tmp/posko-0.2.0' });
      return Promise.resolve(['/tmp/posko-0.2.0']);
    });
    service.start();

    const checked = await service.check();
    const downloaded = await service.download();
    const installed = service.install();

    expect(checked).toEqual({ state: 'available', version: '0.2.0' });
    expect(downloaded).toEqual({ ok: true, value: null });
    expect(installed).toEqual({ ok: true, value: null });
    expect(updater.quitAndInstall).toHaveBeenCalledOnce();
    expect(published).toEqual([
      { state: 'checking' },
      { state: 'available', version: '0.2.0' },
      { state: 'downloading', percent: 50, bytesPerSecond: 2048, transferred: 500, total: 1000 },
      { state: 'downloading', percent: 100, bytesPerSecond: 2048, transferred: 1000, total: 1000 },
      { state: 'downloaded', version: '0.2.0' },
    ]);
  });

  it('reports up-to-date when there is nothing new', async () => {
    const { service, updater, published } = setup();
    updater.checkForUpdates.mockImplementation(() => {
      updater.emit('checking-for-update');
      updater.emit('update-not-available', info('0.1.0'));
      return Promise.resolve({ isUpdateAvailable: false, updateInfo: info('0.1.0') });
    });

    expect(await service.check()).toEqual({ state: 'up-to-date', version: '0.1.0' });
    expect(published.at(-1)).toEqual({ state: 'up-to-date', version: '0.1.0' });
  });

  it('maps an updater error to one error status, even when it is both emitted and thrown', async () => {
    const { service, updater, published } = setup();
    updater.checkForUpdates.mockImplementation(() => {
      updater.emit('checking-for-update');
      const error = new Error('HttpError: 404 Not Found');
      updater.emit('error', error);
      return Promise.reject(error);
    });

    const status = await service.check();

    expect(status).toEqual({ state: 'error', message: 'HttpError: 404 Not Found' });
    expect(published).toEqual([
      { state: 'checking' },
      { state: 'error', message: 'HttpError: 404 Not Found' },
    ]);
  });

  it('reports a second failed check again, not only the first', async () => {
    const { service, updater, published } = setup();
    updater.checkForUpdates.mockImplementation(() => Promise.reject(new Error('offline')));

    await service.check();
    await service.check();

    expect(published).toEqual([
      { state: 'error', message: 'offline' },
      { state: 'error', message: 'offline' },
    ]);
  });

  it('forwards an error emitted during download and answers download-failed', async () => {
    const { service, updater, published } = setup();
    updater.checkForUpdates.mockImplementation(() => {
      updater.emit('update-available', info('0.2.0'));
      return Promise.resolve({});
    });
    updater.downloadUpdate.mockImplementation(() => {
      updater.emit('download-progress', {
        percent: 10,
        bytesPerSecond: 1,
        transferred: 1,
        total: 10,
        delta: 1,
      });
      return Promise.reject(new Error('sha512 checksum mismatch'));
    });
    await service.check();

    const result = await service.download();

    expect(result).toMatchObject({ ok: false, error: { code: 'updates/download-failed' } });
    expect(published.at(-1)).toEqual({ state: 'error', message: 'sha512 checksum mismatch' });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('refuses to download before an update is known to be available', async () => {
    const { service, updater } = setup();

    const result = await service.download();

    expect(result).toMatchObject({ ok: false, error: { code: 'updates/nothing-to-download' } });
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
  });

  it('refuses to install before the update is downloaded', async () => {
    const { service, updater } = setup();
    updater.checkForUpdates.mockImplementation(() => {
      updater.emit('update-available', info('0.2.0'));
      return Promise.resolve({});
    });
    await service.check();

    const result = service.install();

    expect(result).toMatchObject({ ok: false, error: { code: 'updates/not-downloaded' } });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('is unavailable with a reason, and never loads the updater, when no update URL is configured', async () => {
    const { service, loadUpdater, published } = setup({ updateUrl: null });

    service.start();
    const status = await service.check();
    const download = await service.download();

    expect(service.canUpdate).toBe(false);
    expect(status).toEqual({
      state: 'unavailable',
      reason: expect.stringContaining('updateUrl') as string,
    });
    expect(download).toMatchObject({ ok: false, error: { code: 'updates/unavailable' } });
    expect(loadUpdater).not.toHaveBeenCalled();
    expect(published).toEqual([]);
  });

  it('is unavailable when the app is not packaged', async () => {
    const { service, loadUpdater } = setup({ isPackaged: false });

    expect(service.canUpdate).toBe(false);
    expect((await service.check()).state).toBe('unavailable');
    expect(loadUpdater).not.toHaveBeenCalled();
  });

  it('reports unavailable when electron-updater says it is inactive', async () => {
    const { service, updater } = setup();
    updater.checkForUpdates.mockResolvedValue(null);

    expect((await service.check()).state).toBe('unavailable');
  });

  it('does not start a second check while a download runs', async () => {
    const { service, updater } = setup();
    updater.checkForUpdates.mockImplementation(() => {
      updater.emit('update-available', info('0.2.0'));
      return Promise.resolve({});
    });
    let finish: () => void = () => undefined;
    updater.downloadUpdate.mockImplementation(() => {
      updater.emit('download-progress', {
        percent: 1,
        bytesPerSecond: 1,
        transferred: 1,
        total: 100,
        delta: 1,
      });
      return new Promise<string[]>((resolve) => {
        finish = () => {
          resolve([]);
        };
      });
    });
    await service.check();
    const downloading = service.download();

    const status = await service.check();
    finish();
    await downloading;

    expect(status.state).toBe('downloading');
    expect(updater.checkForUpdates).toHaveBeenCalledOnce();
  });
});

describe('updatesHandlers', () => {
  it('answers updates:check with the resulting status', async () => {
    const { service, updater } = setup();
    updater.checkForUpdates.mockImplementation(() => {
      updater.emit('update-not-available', info('0.1.0'));
      return Promise.resolve({});
    });

    const result = await updatesHandlers(service)['updates:check']({}, {} as never);

    expect(result).toEqual({ ok: true, value: { state: 'up-to-date', version: '0.1.0' } });
  });
});

describe('updates:status events', () => {
  it('reach app windows on the updates:status channel', async () => {
    const appWindow = {
      send: vi.fn(),
      getURL: () => 'app://posko/index.html',
      isDestroyed: () => false,
    };
    const updater = new FakeUpdater();
    const send = createBridgeEventSender({ targets: () => [appWindow], log: recordingLogger() });
    const service = createUpdateService({
      updateUrl: 'https://u.example',
      isPackaged: true,
      loadUpdater: () => updater as unknown as UpdaterLike,
      publish: (status) => {
        send('updates:status', status);
      },
      log: recordingLogger(),
    });
    updater.checkForUpdates.mockImplementation(() => {
      updater.emit('checking-for-update');
      updater.emit('update-available', info('0.2.0'));
      return Promise.resolve({});
    });

    await service.check();

    expect(appWindow.send.mock.calls).toEqual([
      ['updates:status', { state: 'checking' }],
      ['updates:status', { state: 'available', version: '0.2.0' }],
    ]);
  });
});
