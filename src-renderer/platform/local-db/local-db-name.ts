// The name of a profile's local database: `posko:<serverId>:<userId>` (ARCHITECTURE.md, one
// database per server profile and user). Parts are escaped so different servers or users never
// share a name and the separators stay unambiguous.

/** Keeps letters, digits, `.` and `-`; every other character becomes `_` + its hex code. */
function escapePart(part: string): string {
  let escaped = '';
  for (const char of part) {
    escaped += /^[A-Za-z0-9.-]$/.test(char) ? char : `_${(char.codePointAt(0) ?? 0).toString(16)}_`;
  }
  return escaped;
}

/** The server part: host, port and path of a URL (scheme and trailing slash ignored), else as is. */
function serverIdOf(serverUrlOrProfileId: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(serverUrlOrProfileId)) {
    try {
      const url = new URL(serverUrlOrProfileId);
      const path = url.pathname.replace(/\/+$/, '');
      return `${url.host}${path}`;
    } catch {
      // Not a URL after all: use it as an opaque profile id.
    }
  }
  return serverUrlOrProfileId;
}

export function localDbName(serverUrlOrProfileId: string, userId: string): string {
  return `posko:${escapePart(serverIdOf(serverUrlOrProfileId))}:${escapePart(userId)}`;
}
