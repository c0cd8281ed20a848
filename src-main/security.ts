// The security decisions of the desktop shell, as pure functions (CSP, navigation, window.open,
// permissions), plus the thin wiring that applies them to a WebContents and a Session.

import type { Session, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-origin';
import type { Logger } from './log';

const MAX_LOGGED_URL = 300;

function forLog(url: string): string {
  return url.length > MAX_LOGGED_URL ? `${url.slice(0, MAX_LOGGED_URL)}…` : url;
}

/**
 * The CSP source for a server URL: its http(s) origin, or null for anything else. Parsing and
 * re-serializing the origin keeps a hostile value (`https://x; script-src *`) out of the policy.
 */
export function cspSourceFor(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const origin = parsed.origin;
  return /^https?:\/\/[A-Za-z0-9.\-[\]:]+$/.test(origin) ? origin : null;
}

/**
 * The Content-Security-Policy of every app:// response. `connect-src` is the app itself and the
 * configured servers only (fetch and EventSource both fall under it); no eval, no inline script,
 * no inline style, no plugins, no frames, no forms posting anywhere.
 */
export function buildContentSecurityPolicy(serverOrigins: readonly string[]): string {
  const servers = [...new Set(serverOrigins.map(cspSourceFor).filter((source) => source !== null))];
  const directives: readonly (readonly [string, ...string[]])[] = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['font-src', "'self'"],
    ['connect-src', "'self'", ...servers],
    ['worker-src', "'self'", 'blob:'],
    ['frame-src', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The renderer may only ever show our own pages. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** Only plain https links leave the app, and only to the operator's browser. */
export function isExternallyOpenable(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '';
}

/**
 * `window.open` and `target=_blank` never create an Electron window; an https URL is handed to the
 * system browser instead. Everything else (http, file, javascript:, custom schemes) goes nowhere.
 */
export function handleWindowOpen(
  url: string,
  openExternal: (url: string) => void,
): WindowOpenHandlerResponse {
  if (isExternallyOpenable(url)) openExternal(new URL(url).href);
  return { action: 'deny' };
}

/** Every permission request (camera, notifications, geolocation, clipboard, …) is refused. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

export interface WindowSecurityDeps {
  readonly openExternal: (url: string) => Promise<void>;
  readonly log: Logger;
}

interface PreventableNavigation {
  readonly url: string;
  preventDefault(): void;
}

export function applyWindowSecurity(contents: WebContents, deps: WindowSecurityDeps): void {
  const { log } = deps;
  const guardNavigation = (kind: string) => (details: PreventableNavigation) => {
    if (isAllowedNavigation(details.url)) return;
    details.preventDefault();
    log.warn(`${kind} blocked: not an app page`, { url: forLog(details.url) });
  };

  contents.setWindowOpenHandler(({ url }) =>
    handleWindowOpen(url, (target) => {
      log.info('opening link in the system browser', { url: forLog(target) });
      deps.openExternal(target).catch((error: unknown) => {
        log.warn('the system browser could not open a link', { url: forLog(target), error });
      });
    }),
  );
  contents.on('will-navigate', guardNavigation('navigation'));
  contents.on('will-frame-navigate', guardNavigation('frame navigation'));
  contents.on('will-redirect', guardNavigation('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview attachment blocked');
  });
}

export interface SessionSecurityDeps {
  readonly log: Logger;
}

export function applySessionSecurity(session: Session, deps: SessionSecurityDeps): void {
  const { log } = deps;
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const granted = isPermissionGranted(permission);
    if (!granted) log.warn('permission request denied', { permission });
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionGranted(permission));
  session.setDevicePermissionHandler(() => false);
  // Files leave the app only through files:save (a save dialog the operator answers); a renderer
  // cannot start a download on its own.
  session.on('will-download', (event, item) => {
    event.preventDefault();
    log.warn('download blocked', { url: forLog(item.getURL()) });
  });
}
