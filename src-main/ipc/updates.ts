// updates:check/download/install and the updates:status event: electron-updater on a generic feed
// from the configuration, downloading only when the operator asks. Every updater event becomes an
// UpdateStatus the renderer can show.

import type { AppUpdater } from 'electron-updater';
import type { UpdateStatus } from '../../src-shared/bridge';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { Logger } from '../log';
import type { BridgeHandlers } from './registry';

export type UpdaterLike = Pick<
  AppUpdater,
  | 'autoDownload'
  | 'logger'
  | 'setFeedURL'
  | 'checkForUpdates'
  | 'downloadUpdate'
  | 'quitAndInstall'
  | 'on'
>;

export const UpdatesErrorCode = {
  unavailable: 'updates/unavailable',
  nothingToDownload: 'updates/nothing-to-download',
  downloadFailed: 'updates/download-failed',
  notDownloaded: 'updates/not-downloaded',
} as const;

const MAX_ERROR_MESSAGE = 500;

/** Pure: why updates cannot work here, or null when they can. */
export function updatesUnavailableReason(options: {
  updateUrl: string | null;
  isPackaged: boolean;
}): string | null {
  if (options.updateUrl === null) {
    return 'No update server is configured (updateUrl in posko-config.json or POSKO_UPDATE_URL).';
  }
  if (!options.isPackaged) return 'Updates are only available in the installed app.';
  return null;
}

export type UpdaterEvent =
  | { readonly event: 'checking-for-update' }
  | { readonly event: 'update-available'; readonly info: { readonly version: string } }
  | { readonly event: 'update-not-available'; readonly info: { readonly version: string } }
  | { readonly event: 'update-cancelled'; readonly info: { readonly version: string } }
  | {
      readonly event: 'download-progress';
      readonly progress: {
        readonly percent: number;
        readonly bytesPerSecond: number;
        readonly transferred: number;
        readonly total: number;
      };
    }
  | { readonly event: 'update-downloaded'; readonly info: { readonly version: string } }
  | { readonly event: 'error'; readonly error: unknown };

function finiteAtLeastZero(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function errorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.length > MAX_ERROR_MESSAGE ? `${message.slice(0, MAX_ERROR_MESSAGE)}…` : message;
}

/** Pure: the status an updater event means. */
export function updateStatusFor(input: UpdaterEvent): UpdateStatus {
  switch (input.event) {
    case 'checking-for-update':
      return { state: 'checking' };
    case 'update-available':
      return { state: 'available', version: input.info.version };
    case 'update-not-available':
      return { state: 'up-to-date', version: input.info.version };
    case 'update-cancelled':
      // The update is still there; the operator may start the download again.
      return { state: 'available', version: input.info.version };
    case 'download-progress':
      return {
        state: 'downloading',
        percent: Math.min(100, finiteAtLeastZero(input.progress.percent)),
        bytesPerSecond: finiteAtLeastZero(input.progress.bytesPerSecond),
        transferred: finiteAtLeastZero(input.progress.transferred),
        total: finiteAtLeastZero(input.progress.total),
      };
    case 'update-downloaded':
      return { state: 'downloaded', version: input.info.version };
    case 'error':
      return { state: 'error', message: errorMessage(input.error) };
    default: {
      const unhandled: never = input;
      throw new Error(`Unhandled updater event: ${JSON.stringify(unhandled)}`);
    }
  }
}

export interface UpdateService {
  readonly canUpdate: boolean;
  status(): UpdateStatus;
  /** Configures the updater and starts listening; does not check. */
  start(): void;
  check(): Promise<UpdateStatus>;
  download(): Promise<Result<null>>;
  install(): Result<null>;
}

export interface UpdateServiceDeps {
  readonly updateUrl: string | null;
  readonly isPackaged: boolean;
  /** Called only when updates are possible: touching electron-updater's autoUpdater has effects. */
  readonly loadUpdater: () => UpdaterLike;
  /** Forwards a status to the renderer (the updates:status event). */
  readonly publish: (status: UpdateStatus) => void;
  readonly log: Logger;
}

export function createUpdateService(deps: UpdateServiceDeps): UpdateService {
  const { log } = deps;
  const unavailableReason = updatesUnavailableReason(deps);
  let current: UpdateStatus =
    unavailableReason === null
      ? { state: 'idle' }
      : { state: 'unavailable', reason: unavailableReason };
  let updater: UpdaterLike | null = null;
  // Read through a function after an await: listeners may have changed `current` meanwhile, which
  // TypeScript's narrowing of the captured variable would not see.
  const latest = (): UpdateStatus => current;
  let transitions = 0;
  /** electron-updater usually emits 'error' and also rejects: report such a failure once. */
  const errorReportedSince = (mark: number): boolean =>
    transitions > mark && latest().state === 'error';

  const setStatus = (status: UpdateStatus): void => {
    current = status;
    transitions += 1;
    if (status.state === 'error') log.warn('update error', { message: status.message });
    else if (status.state !== 'downloading') log.info('update status', { state: status.state });
    deps.publish(status);
  };

  const ensureStarted = (): UpdaterLike | null => {
    if (unavailableReason !== null || deps.updateUrl === null) return null;
    if (updater !== null) return updater;
    const instance = deps.loadUpdater();
    instance.autoDownload = false;
    instance.logger = {
      info: (message?: unknown) => {
        log.debug('electron-updater', { message: String(message) });
      },
      warn: (message?: unknown) => {
        log.warn('electron-updater', { message: String(message) });
      },
      error: (message?: unknown) => {
        log.error('electron-updater', { message: String(message) });
      },
    };
    instance.setFeedURL({ provider: 'generic', url: deps.updateUrl });
    instance.on('checking-for-update', () => {
      setStatus(updateStatusFor({ event: 'checking-for-update' }));
    });
    instance.on('update-available', (info) => {
      setStatus(updateStatusFor({ event: 'update-available', info }));
    });
    instance.on('update-not-available', (info) => {
      setStatus(updateStatusFor({ event: 'update-not-available', info }));
    });
    instance.on('update-cancelled', (info) => {
      setStatus(updateStatusFor({ event: 'update-cancelled', info }));
    });
    instance.on('download-progress', (progress) => {
      setStatus(updateStatusFor({ event: 'download-progress', progress }));
    });
    instance.on('update-downloaded', (info) => {
      setStatus(updateStatusFor({ event: 'update-downloaded', info }));
    });
    instance.on('error', (error) => {
      setStatus(updateStatusFor({ event: 'error', error }));
    });
    updater = instance;
    return instance;
  };

  return {
    canUpdate: unavailableReason === null,
    status: () => current,
    start: () => {
      ensureStarted();
    },

    check: async () => {
      const instance = ensureStarted();
      if (instance === null) return current;
      if (current.state === 'downloading' || current.state === 'downloaded') return current;
      const mark = transitions;
      try {
        const result = await instance.checkForUpdates();
        if (result === null && !errorReportedSince(mark)) {
          setStatus({ state: 'unavailable', reason: 'The updater is not active in this build.' });
        }
      } catch (error) {
        if (!errorReportedSince(mark)) setStatus(updateStatusFor({ event: 'error', error }));
      }
      return latest();
    },

    download: async () => {
      const instance = ensureStarted();
      if (instance === null) {
        return err(
          appError(UpdatesErrorCode.unavailable, unavailableReason ?? 'Updates are unavailable.'),
        );
      }
      if (current.state === 'downloading' || current.state === 'downloaded') return ok(null);
      if (current.state !== 'available') {
        return err(
          appError(
            UpdatesErrorCode.nothingToDownload,
            'There is no update to download. Check for updates first.',
          ),
        );
      }
      const mark = transitions;
      try {
        await instance.downloadUpdate();
      } catch (error) {
        if (!errorReportedSince(mark)) setStatus(updateStatusFor({ event: 'error', error }));
        return err(
          appError(
            UpdatesErrorCode.downloadFailed,
            `The update could not be downloaded: ${errorMessage(error)}`,
          ),
        );
      }
      return ok(null);
    },

    install: () => {
      const instance = ensureStarted();
      if (instance === null || current.state !== 'downloaded') {
        return err(appError(UpdatesErrorCode.notDownloaded, 'No update has been downloaded yet.'));
      }
      log.info('restarting to install the update', { version: current.version });
      instance.quitAndInstall();
      return ok(null);
    },
  };
}

export function updatesHandlers(
  service: UpdateService,
): Pick<BridgeHandlers, 'updates:check' | 'updates:download' | 'updates:install'> {
  return {
    'updates:check': async () => ok(await service.check()),
    'updates:download': () => service.download(),
    'updates:install': () => Promise.resolve(service.install()),
  };
}
