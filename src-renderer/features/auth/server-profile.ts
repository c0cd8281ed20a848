// Server profiles: which server (and user) the operator works against. Remembered on this device
// (not secret: the session token is kept by the host's `secrets:*` channels).
import { z } from 'zod';
import { SessionUserSchema } from '../../../src-shared/api/auth';

const ServerProfileSchema = z.object({
  id: z.string(),
  serverUrl: z.string(),
  username: z.string(),
  user: SessionUserSchema,
  lastUsedAt: z.number(),
});
export type ServerProfile = z.infer<typeof ServerProfileSchema>;

const PROFILES_KEY = 'posko.profiles';
const LAST_PROFILE_KEY = 'posko.lastProfile';

/** Normalizes what the operator typed into a server origin, or null when it is not one. */
export function normalizeServerUrl(input: string): string | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null;
  const path = url.pathname.replace(/\/+$/, '');
  return `${url.protocol}//${url.host}${path}`;
}

/** A profile id safe as a storage key and a file name: scheme, host, port and user. */
export function profileIdFor(serverUrl: string, username: string): string {
  const url = new URL(serverUrl);
  const raw = `${url.protocol.replace(':', '')}.${url.host}${url.pathname}@${username}`;
  return raw.replace(/[^A-Za-z0-9._:@-]/g, '_').slice(0, 200);
}

export function loadProfiles(storage: Storage): ServerProfile[] {
  // A damaged entry (edited by hand, older format) is dropped, not allowed to break sign-in.
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(PROFILES_KEY) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((entry: unknown) => {
    const parsed = ServerProfileSchema.safeParse(entry);
    return parsed.success ? [parsed.data] : [];
  });
}

export function saveProfile(storage: Storage, profile: ServerProfile): ServerProfile[] {
  const others = loadProfiles(storage).filter((p) => p.id !== profile.id);
  const next = [profile, ...others].slice(0, 20);
  storage.setItem(PROFILES_KEY, JSON.stringify(next));
  storage.setItem(LAST_PROFILE_KEY, profile.id);
  return next;
}

export function forgetProfile(storage: Storage, profileId: string): ServerProfile[] {
  const next = loadProfiles(storage).filter((p) => p.id !== profileId);
  storage.setItem(PROFILES_KEY, JSON.stringify(next));
  if (storage.getItem(LAST_PROFILE_KEY) === profileId) storage.removeItem(LAST_PROFILE_KEY);
  return next;
}

export function lastProfileId(storage: Storage): string | null {
  return storage.getItem(LAST_PROFILE_KEY);
}

export function clearLastProfile(storage: Storage): void {
  storage.removeItem(LAST_PROFILE_KEY);
}
