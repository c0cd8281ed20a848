import { beforeEach, describe, expect, it } from 'vitest';
import {
  createSessionStore,
  type SessionDeps,
} from '../../../../../src-renderer/features/auth/session-store';
import { loadProfiles } from '../../../../../src-renderer/features/auth/server-profile';
import {
  useConnectionStore,
  initialConnectionState,
} from '../../../../../src-renderer/features/connection/connection-store';
import { createBrowserHost } from '../../../../../src-renderer/platform/browser-host';
import type { PoskoBridge } from '../../../../../src-shared/bridge';
import { MemoryStorage } from '../../../../support/memory-storage';

const SERVER = 'http://127.0.0.1:8787';
const user = {
  id: 'u1',
  username: 'admin',
  displayName: 'Siti',
  role: 'admin_instansi',
  agencyId: 'a1',
};

interface Call {
  url: string;
  method: string;
  body: unknown;
  authorization: string | null;
}

function fakeServer(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const call: Call = {
      url: input instanceof Request ? input.url : input.toString(),
      method: init?.method ?? 'GET',
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      authorization: headers.get('authorization'),
    };
    calls.push(call);
    return answer(call);
  };
  return { calls, fetchFn };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const loginOk = () => json(200, { token: 'tok-1', expiresAt: 10_000, user });

let storage: MemoryStorage;
let bridge: PoskoBridge;

function deps(fetchFn: typeof fetch, overrides: Partial<SessionDeps> = {}): SessionDeps {
  return { bridge, fetch: fetchFn, storage, now: () => 1_000, ...overrides };
}

beforeEach(() => {
  storage = new MemoryStorage();
  bridge = createBrowserHost({ version: 'test', storage, defaultServerUrl: null });
  useConnectionStore.setState(initialConnectionState());
});

describe('session store', () => {
  it('signs in, keeps the token with the host and remembers the profile', async () => {
    const { calls, fetchFn } = fakeServer(loginOk);
    const store = createSessionStore(deps(fetchFn));
    await store.getState().signIn(`${SERVER}/`, ' admin ', 'posko-demo');

    expect(calls).toEqual([
      {
        url: `${SERVER}/api/v1/auth/login`,
        method: 'POST',
        body: { username: 'admin', password: 'posko-demo' },
        authorization: null,
      },
    ]);
    const state = store.getState();
    expect(state.phase).toBe('signed-in');
    expect(state.profile?.user.displayName).toBe('Siti');
    expect(state.token).toBe('tok-1');
    const secret = await bridge.invoke('secrets:get', { profileId: state.profile!.id });
    expect(secret).toEqual({ ok: true, value: { token: 'tok-1' } });
    expect(useConnectionStore.getState().connection).toBe('online');
  });

  it('restores the session after a restart without asking the server', async () => {
    const first = fakeServer(loginOk);
    await createSessionStore(deps(first.fetchFn)).getState().signIn(SERVER, 'admin', 'pw');

    const second = fakeServer(() => {
      throw new TypeError('offline');
    });
    const restarted = createSessionStore(deps(second.fetchFn));
    expect(restarted.getState().phase).toBe('restoring');
    await restarted.getState().restore();
    expect(restarted.getState().phase).toBe('signed-in');
    expect(restarted.getState().token).toBe('tok-1');
    expect(second.calls).toEqual([]);
  });

  it('starts signed out when the remembered profile has no stored token', async () => {
    const { fetchFn } = fakeServer(loginOk);
    await createSessionStore(deps(fetchFn)).getState().signIn(SERVER, 'admin', 'pw');
    const id = loadProfiles(storage)[0]!.id;
    await bridge.invoke('secrets:delete', { profileId: id });
    const restarted = createSessionStore(deps(fetchFn));
    await restarted.getState().restore();
    expect(restarted.getState().phase).toBe('signed-out');
  });

  it('explains wrong credentials and stays signed out', async () => {
    const { fetchFn } = fakeServer(() =>
      json(401, { error: { code: 'auth/invalid-credentials', message: 'nope' } }),
    );
    const store = createSessionStore(deps(fetchFn));
    await store.getState().signIn(SERVER, 'admin', 'wrong');
    expect(store.getState().signInError).toEqual({ key: 'login.error.invalidCredentials' });
    expect(store.getState().phase).toBe('restoring');
    expect(store.getState().signingIn).toBe(false);
    expect(loadProfiles(storage)).toEqual([]);
  });

  it('reports an unreachable server as offline', async () => {
    const { fetchFn } = fakeServer(() => {
      throw new TypeError('Failed to fetch');
    });
    const store = createSessionStore(deps(fetchFn));
    await store.getState().signIn(SERVER, 'admin', 'pw');
    expect(store.getState().signInError).toEqual({ key: 'login.error.unreachable' });
    expect(useConnectionStore.getState().connection).toBe('offline');
  });

  it('treats a success answer of the wrong shape as unexpected, not as a sign-in', async () => {
    const { fetchFn } = fakeServer(() => json(200, { token: 'x', user: { id: 1 } }));
    const store = createSessionStore(deps(fetchFn));
    await store.getState().signIn(SERVER, 'admin', 'pw');
    expect(store.getState().signInError).toEqual({ key: 'login.error.unexpected' });
    expect(store.getState().token).toBeNull();
  });

  it('never contacts the server for an invalid address or missing fields', async () => {
    const { calls, fetchFn } = fakeServer(loginOk);
    const store = createSessionStore(deps(fetchFn));
    await store.getState().signIn('file:///etc/passwd', 'admin', 'pw');
    expect(store.getState().signInError).toEqual({ key: 'login.error.serverUrlInvalid' });
    await store.getState().signIn(SERVER, '  ', 'pw');
    expect(store.getState().signInError).toEqual({ key: 'login.error.required' });
    expect(calls).toEqual([]);
  });

  it('does not sign in when the host cannot store the token securely', async () => {
    const { fetchFn } = fakeServer(loginOk);
    const refusing: PoskoBridge = {
      on: bridge.on,
      invoke: (channel, request) =>
        channel === 'secrets:set'
          ? Promise.resolve({
              ok: false,
              error: { code: 'secrets/unavailable', message: 'no keyring' },
            })
          : bridge.invoke(channel, request),
    };
    const store = createSessionStore(deps(fetchFn, { bridge: refusing }));
    await store.getState().signIn(SERVER, 'admin', 'pw');
    expect(store.getState().signInError).toEqual({
      key: 'login.error.secrets',
      params: { message: 'no keyring' },
    });
    expect(store.getState().phase).not.toBe('signed-in');
    expect(loadProfiles(storage)).toEqual([]);
  });

  it('signs out: tells the server, forgets the token, keeps the profile for next time', async () => {
    const { calls, fetchFn } = fakeServer((call) =>
      call.url.endsWith('/login') ? loginOk() : json(200, {}),
    );
    const store = createSessionStore(deps(fetchFn));
    await store.getState().signIn(SERVER, 'admin', 'pw');
    const id = store.getState().profile!.id;
    await store.getState().signOut();

    expect(calls.at(-1)).toMatchObject({
      url: `${SERVER}/api/v1/auth/logout`,
      authorization: 'Bearer tok-1',
    });
    expect(store.getState().phase).toBe('signed-out');
    expect(store.getState().token).toBeNull();
    expect(await bridge.invoke('secrets:get', { profileId: id })).toEqual({
      ok: true,
      value: { token: null },
    });
    expect(loadProfiles(storage).map((p) => p.id)).toEqual([id]);
  });
});
