// The operator's session: which profile is signed in. Restored at start-up from the remembered
// profile and the host's secret store, so a reload (or a day offline) keeps the operator signed in.
import { create } from 'zustand';
import type { SessionUser } from '../../../src-shared/api/auth';
import type { PoskoBridge } from '../../../src-shared/bridge';
import type { MessageKey } from '../../i18n/i18n';
import { useConnectionStore } from '../connection/connection-store';
import { ClientErrorCode, login, loginErrorKey, logout } from './auth-api';
import {
  clearLastProfile,
  lastProfileId,
  loadProfiles,
  normalizeServerUrl,
  profileIdFor,
  saveProfile,
  type ServerProfile,
} from './server-profile';

export interface SessionDeps {
  bridge: PoskoBridge;
  fetch: typeof fetch;
  storage: Storage;
  now: () => number;
}

export type SignInError = { key: MessageKey; params?: Record<string, string> };

type Phase = 'restoring' | 'signed-out' | 'signed-in';

interface SessionState {
  phase: Phase;
  profile: ServerProfile | null;
  token: string | null;
  signingIn: boolean;
  signInError: SignInError | null;
}

interface SessionActions {
  restore: () => Promise<void>;
  signIn: (serverUrl: string, username: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
}

export type SessionStore = SessionState & SessionActions;

export const initialSessionState = (): SessionState => ({
  phase: 'restoring',
  profile: null,
  token: null,
  signingIn: false,
  signInError: null,
});

export function createSessionStore(deps: SessionDeps) {
  return create<SessionStore>()((set, get) => ({
    ...initialSessionState(),

    async restore() {
      const id = lastProfileId(deps.storage);
      const profile = id ? loadProfiles(deps.storage).find((p) => p.id === id) : undefined;
      if (!profile) {
        set({ phase: 'signed-out' });
        return;
      }
      const secret = await deps.bridge.invoke('secrets:get', { profileId: profile.id });
      if (!secret.ok || secret.value.token === null) {
        set({ phase: 'signed-out' });
        return;
      }
      set({ phase: 'signed-in', profile, token: secret.value.token });
    },

    async signIn(serverUrlInput, username, password) {
      const serverUrl = normalizeServerUrl(serverUrlInput);
      if (!serverUrl) {
        set({ signInError: { key: 'login.error.serverUrlInvalid' } });
        return;
      }
      if (!username.trim() || !password) {
        set({ signInError: { key: 'login.error.required' } });
        return;
      }
      set({ signingIn: true, signInError: null });
      const result = await login(deps.fetch, serverUrl, username.trim(), password);
      useConnectionStore
        .getState()
        .reportRequest(!(!result.ok && result.error.code === ClientErrorCode.unreachable));
      if (!result.ok) {
        set({ signingIn: false, signInError: { key: loginErrorKey(result.error) } });
        return;
      }
      const { token, user } = result.value;
      const profile: ServerProfile = {
        id: profileIdFor(serverUrl, user.username),
        serverUrl,
        username: user.username,
        user: user satisfies SessionUser,
        lastUsedAt: deps.now(),
      };
      const stored = await deps.bridge.invoke('secrets:set', { profileId: profile.id, token });
      if (!stored.ok) {
        set({
          signingIn: false,
          signInError: { key: 'login.error.secrets', params: { message: stored.error.message } },
        });
        return;
      }
      saveProfile(deps.storage, profile);
      set({ phase: 'signed-in', profile, token, signingIn: false, signInError: null });
    },

    async signOut() {
      const { profile, token } = get();
      if (profile && token) {
        // Best effort: the server forgets the session if reachable; locally it is gone either way.
        void logout(deps.fetch, profile.serverUrl, token).catch(() => undefined);
        await deps.bridge.invoke('secrets:delete', { profileId: profile.id });
      }
      clearLastProfile(deps.storage);
      set({ ...initialSessionState(), phase: 'signed-out' });
    },
  }));
}
