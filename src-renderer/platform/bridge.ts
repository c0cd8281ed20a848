// The one place that picks the host: Electron's preload (`window.posko`) when present, otherwise
// the browser host. Everything else imports `bridge` from here.
import type { PoskoBridge } from '../../src-shared/bridge';
import { createBrowserHost } from './browser-host';

declare global {
  interface Window {
    posko?: PoskoBridge;
  }
}

function defaultServerUrlForBrowserHost(): string | null {
  const configured = import.meta.env['VITE_POSKO_SERVER_URL'] as string | undefined;
  if (configured) return configured;
  const fromQuery = new URLSearchParams(window.location.search).get('server');
  return fromQuery;
}

export const bridge: PoskoBridge =
  window.posko ??
  createBrowserHost({
    version: __POSKO_VERSION__,
    storage: window.localStorage,
    defaultServerUrl: defaultServerUrlForBrowserHost(),
  });
