// The browser host's implementation of PoskoBridge: the same contract as the Electron preload,
// built on web APIs, so the renderer never asks which host it runs in.
import {
  BridgeErrorCode,
  bridgeSchemas,
  isBridgeChannel,
  type BridgeChannel,
  type BridgeEvent,
  type BridgeEventPayload,
  type BridgeRequest,
  type BridgeResponse,
  type PoskoBridge,
} from '../../src-shared/bridge';
import { err, ok, type AppError, type Result } from '../../src-shared/result';
import { adoptOwnStyles } from './frame-styles';

type Handlers = {
  [C in BridgeChannel]: (request: BridgeRequest<C>) => Promise<Result<BridgeResponse<C>>>;
};

const SECRET_PREFIX = 'posko.session.';

/**
 * letter:savePdf in a browser: the letter goes to the browser's print dialog (where the operator
 * picks "Save as PDF"), from a hidden frame that may open that dialog and nothing else: sandboxed
 * without scripts (its own CSP forbids them too), same-origin only so this page can call print().
 */
function printInHiddenFrame(html: string): Promise<void> {
  document.querySelectorAll('iframe[data-posko-print]').forEach((old) => {
    old.remove();
  });
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.dataset['poskoPrint'] = 'letter';
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
  return new Promise((resolve, reject) => {
    frame.addEventListener(
      'load',
      () => {
        const view = frame.contentWindow;
        if (view === null) {
          frame.remove();
          reject(new Error('The print frame could not be opened'));
          return;
        }
        adoptOwnStyles(frame);
        view.addEventListener('afterprint', () => {
          frame.remove();
        });
        view.focus();
        view.print();
        resolve();
      },
      { once: true },
    );
    frame.srcdoc = html;
    document.body.append(frame);
  });
}

export interface BrowserHostOptions {
  version: string;
  /** Where the session token is kept: the browser host has no OS keychain. */
  storage: Storage;
  /** The server this page was served beside, offered on the login screen. */
  defaultServerUrl: string | null;
}

export function createBrowserHost(options: BrowserHostOptions): PoskoBridge {
  const unavailable = (what: string): AppError => ({
    code: BridgeErrorCode.unavailable,
    message: `${what} is not available in the browser host`,
  });

  const handlers: Handlers = {
    'app:info': () =>
      Promise.resolve(
        ok({
          version: options.version,
          host: 'browser' as const,
          platform: 'web',
          defaultServerUrl: options.defaultServerUrl,
          canUpdate: false,
        }),
      ),
    'secrets:get': ({ profileId }) =>
      Promise.resolve(ok({ token: options.storage.getItem(SECRET_PREFIX + profileId) })),
    'secrets:set': ({ profileId, token }) => {
      options.storage.setItem(SECRET_PREFIX + profileId, token);
      return Promise.resolve(ok(null));
    },
    'secrets:delete': ({ profileId }) => {
      options.storage.removeItem(SECRET_PREFIX + profileId);
      return Promise.resolve(ok(null));
    },
    'updates:check': () =>
      Promise.resolve(ok({ state: 'unavailable' as const, reason: 'browser-host' })),
    'updates:download': () => Promise.resolve(err(unavailable('Updating'))),
    'updates:install': () => Promise.resolve(err(unavailable('Updating'))),
    'files:save': ({ suggestedName, content, encoding }) => {
      const bytes =
        encoding === 'base64' ? Uint8Array.from(atob(content), (c) => c.charCodeAt(0)) : content;
      const url = URL.createObjectURL(new Blob([bytes]));
      const link = document.createElement('a');
      link.href = url;
      link.download = suggestedName;
      link.click();
      setTimeout(() => {
        URL.revokeObjectURL(url);
      }, 10_000);
      return Promise.resolve(ok({ saved: true as const, path: suggestedName }));
    },
    'letter:savePdf': async ({ html }) => {
      await printInHiddenFrame(html);
      return ok({ saved: false as const, reason: 'print-dialog' as const });
    },
    'notify:show': ({ title, body }) => {
      if ('Notification' in window && Notification.permission === 'granted') {
        new Notification(title, { body });
      }
      return Promise.resolve(ok(null));
    },
  };

  return {
    async invoke<C extends BridgeChannel>(channel: C, request: BridgeRequest<C>) {
      if (!isBridgeChannel(channel)) {
        return err({
          code: BridgeErrorCode.invalidChannel,
          message: `Unknown channel ${String(channel)}`,
        });
      }
      // Parse exactly as the Electron main process does, so both hosts refuse the same input.
      const parsed = bridgeSchemas[channel].request.safeParse(request);
      if (!parsed.success) {
        return err({ code: BridgeErrorCode.invalidPayload, message: parsed.error.message });
      }
      const handler = handlers[channel] as (r: unknown) => Promise<Result<BridgeResponse<C>>>;
      try {
        return await handler(parsed.data);
      } catch (cause) {
        return err({
          code: BridgeErrorCode.handlerFailed,
          message: cause instanceof Error ? cause.message : String(cause),
        });
      }
    },
    on<E extends BridgeEvent>(_event: E, _listener: (payload: BridgeEventPayload<E>) => void) {
      // The browser host emits no host events (no updater); subscribing is harmless.
      return () => undefined;
    },
  };
}
