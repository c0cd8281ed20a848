// The one origin the app's own pages live at. Navigation, IPC sender checks and the protocol handler
// all ask this module, so "is this our page?" has a single answer.

export const APP_SCHEME = 'app';
export const APP_HOST = 'posko';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** True for `app://posko/...` and nothing else (no other host, port, credentials or scheme). */
export function isAppUrl(url: string): boolean {
  // The prefix test rejects look-alikes (`app://posko.evil/`, `app://posko@evil/`) before parsing.
  if (!url.startsWith(`${APP_ORIGIN}/`)) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
