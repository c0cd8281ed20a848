import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AuthErrorCode,
  LoginResponseSchema,
  MeResponseSchema,
} from '../../../../src-shared/api/auth';
import { hashToken, SESSION_IDLE_MS, SESSION_MAX_MS } from '../../../../src-server/auth/sessions';
import { describeEachBackend } from '../../../support/test-db';
import {
  expectApiError,
  FIXTURE_USERS,
  startTestServer,
  type TestResponse,
  type TestServer,
} from '../../../support/test-server';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

describeEachBackend('sign-in and sessions', (backend) => {
  let server: TestServer;
  let addressCounter = 0;
  /** A client address no other test used, so per-address counts do not leak between tests. */
  const freshAddress = () =>
    `10.9.${String(Math.floor(++addressCounter / 250))}.${String(addressCounter % 250)}`;

  /** Signs in from `address` through Fastify's inject (which can pose as any client address). */
  async function loginFrom(address: string, username: string, password: string) {
    const response = await server.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      remoteAddress: address,
      payload: { username, password },
    });
    return {
      status: response.statusCode,
      body: response.json<unknown>(),
      retryAfter: response.headers['retry-after'],
    };
  }

  beforeAll(async () => {
    server = await startTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  describe('POST /auth/login', () => {
    it('answers a token, its expiry and the user for the right password', async () => {
      const response = await server.request('POST', '/auth/login', {
        body: { username: 'admin-a', password: server.fixtures.password },
      });
      expect(response.status).toBe(200);
      const login = LoginResponseSchema.parse(response.body);
      expect(login.expiresAt).toBe(server.clock.now() + SESSION_IDLE_MS);
      expect(login.user).toEqual({
        id: 'u-admin-a',
        username: 'admin-a',
        displayName: FIXTURE_USERS['admin-a'].displayName,
        role: 'admin_instansi',
        agencyId: 'dinkes-a',
      });
      expect(Object.keys(login.user).sort()).toEqual([
        'agencyId',
        'displayName',
        'id',
        'role',
        'username',
      ]);
    });

    it('stores only a hash of the token', async () => {
      const token = await server.login('admin-a', { fresh: true });
      const { rows } = await server.db.query<{ token_hash: string }>(
        'SELECT token_hash FROM sessions WHERE token_hash = $1 OR token_hash = $2',
        [hashToken(token), token],
      );
      expect(rows).toEqual([{ token_hash: hashToken(token) }]);
    });

    it('answers a wrong password and an unknown username identically', async () => {
      const wrongPassword = await loginFrom(freshAddress(), 'admin-a', 'not-the-password');
      const unknownUser = await loginFrom(freshAddress(), 'nobody-here', 'not-the-password');
      expect(wrongPassword.status).toBe(401);
      expect(unknownUser).toEqual(wrongPassword);
      expect(wrongPassword.body).toEqual({
        error: {
          code: AuthErrorCode.invalidCredentials,
          message: 'The username or the password is wrong.',
        },
      });
    });

    it('takes about as long for an unknown username as for a wrong password', async () => {
      const median = async (username: string) => {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const started = performance.now();
          await loginFrom(freshAddress(), username, `wrong-${String(i)}`);
          times.push(performance.now() - started);
        }
        return times.sort((x, y) => x - y)[2] ?? 0;
      };
      const known = await median('penghubung-a');
      const unknown = await median('tidak-ada');
      // Without the dummy hash an unknown username answers in a database round trip, many
      // times faster than a scrypt verification.
      expect(unknown).toBeGreaterThan(known * 0.5);
      server.clock.advance(16 * MINUTE_MS);
    });

    it('refuses a disabled user with the answer of a wrong password, even for the right one', async () => {
      const disabled = await loginFrom(freshAddress(), 'nonaktif', server.fixtures.password);
      const wrong = await loginFrom(freshAddress(), 'nonaktif', 'wrong');
      expect(disabled.status).toBe(401);
      expect(disabled).toEqual(wrong);
    });

    it('refuses a body that is not a login request with 400 request/invalid', async () => {
      expectApiError(
        await server.request('POST', '/auth/login', { body: { username: 'admin-a' } }),
        400,
        'request/invalid',
      );
      expectApiError(
        await server.request('POST', '/auth/login', { body: ['admin-a', 'password'] }),
        400,
        'request/invalid',
      );
    });
  });

  describe('rate limiting', () => {
    it('refuses a username after 5 failures with 429 and Retry-After, even with the right password', async () => {
      const address = freshAddress();
      for (let i = 0; i < 5; i++) {
        expect((await loginFrom(address, 'pimpinan-a', `guess-${String(i)}`)).status).toBe(401);
      }
      // From another address too: the count belongs to the username.
      const refused = await loginFrom(freshAddress(), 'pimpinan-a', server.fixtures.password);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ error: { code: AuthErrorCode.rateLimited } });
      expect(refused.retryAfter).toBe(String(15 * 60));
      server.clock.advance(15 * MINUTE_MS);
    });

    it('lets the username sign in again once the window has passed', async () => {
      const address = freshAddress();
      for (let i = 0; i < 5; i++) await loginFrom(address, 'pelatih', `guess-${String(i)}`);
      expect((await loginFrom(address, 'pelatih', server.fixtures.password)).status).toBe(429);
      server.clock.advance(10 * MINUTE_MS);
      const stillRefused = await loginFrom(address, 'pelatih', server.fixtures.password);
      expect(stillRefused.status).toBe(429);
      expect(stillRefused.retryAfter).toBe(String(5 * 60));
      server.clock.advance(5 * MINUTE_MS);
      expect((await loginFrom(address, 'pelatih', server.fixtures.password)).status).toBe(200);
    });

    it('counts case and spacing variants of a username as one', async () => {
      const address = freshAddress();
      for (const variant of ['Peserta', 'PESERTA', ' peserta', 'peserta ', 'pEsErTa']) {
        await loginFrom(address, variant, 'wrong');
      }
      expect((await loginFrom(address, 'peserta', server.fixtures.password)).status).toBe(429);
      server.clock.advance(15 * MINUTE_MS);
    });

    it('starts counting afresh after a successful sign-in', async () => {
      const address = freshAddress();
      for (let i = 0; i < 4; i++) await loginFrom(address, 'koordinator', 'wrong');
      expect((await loginFrom(address, 'koordinator', server.fixtures.password)).status).toBe(200);
      for (let i = 0; i < 4; i++) {
        expect((await loginFrom(address, 'koordinator', 'wrong')).status).toBe(401);
      }
      expect((await loginFrom(address, 'koordinator', server.fixtures.password)).status).toBe(200);
    });

    it('refuses an address after 30 failures across usernames, and only that address', async () => {
      const address = freshAddress();
      for (let i = 0; i < 30; i++) {
        expect((await loginFrom(address, `tebakan-${String(i)}`, 'wrong')).status).toBe(401);
      }
      const refused = await loginFrom(address, 'admin-b', server.fixtures.password);
      expect(refused.status).toBe(429);
      expect(refused.body).toMatchObject({ error: { code: AuthErrorCode.rateLimited } });
      expect((await loginFrom(freshAddress(), 'admin-b', server.fixtures.password)).status).toBe(
        200,
      );
      server.clock.advance(15 * MINUTE_MS);
      expect((await loginFrom(address, 'admin-b', server.fixtures.password)).status).toBe(200);
    });
  });

  describe('GET /me', () => {
    const me = (token?: string): Promise<TestResponse> =>
      server.request('GET', '/me', token === undefined ? {} : { token });

    it('answers the signed-in user', async () => {
      const token = await server.login('operator-a', { fresh: true });
      const response = await me(token);
      expect(response.status).toBe(200);
      expect(MeResponseSchema.parse(response.body).user).toMatchObject({
        id: 'u-operator-a',
        role: 'operator_unit',
        agencyId: 'pkm-a',
      });
    });

    it('answers 401 auth/unauthenticated without a token or with an unknown one', async () => {
      expectApiError(await me(), 401, AuthErrorCode.unauthenticated);
      expectApiError(await me('x'.repeat(43)), 401, AuthErrorCode.unauthenticated);
      expectApiError(
        await server.request('GET', '/me', {
          headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
        }),
        401,
        AuthErrorCode.unauthenticated,
      );
    });

    it('ends a session after the idle period and keeps an active one alive', async () => {
      const idle = await server.login('operator-a', { fresh: true });
      const active = await server.login('operator-a', { fresh: true });
      server.clock.advance(SESSION_IDLE_MS - HOUR_MS);
      expect((await me(active)).status).toBe(200);
      server.clock.advance(HOUR_MS + 1);
      expectApiError(await me(idle), 401, AuthErrorCode.unauthenticated);
      expect((await me(active)).status).toBe(200);
    });

    it('ends even an active session at the absolute limit', async () => {
      const token = await server.login('penghubung-a', { fresh: true });
      const signedInAt = server.clock.now();
      while (server.clock.now() + 11 * HOUR_MS < signedInAt + SESSION_MAX_MS) {
        server.clock.advance(11 * HOUR_MS);
        expect((await me(token)).status).toBe(200);
      }
      server.clock.set(signedInAt + SESSION_MAX_MS);
      expectApiError(await me(token), 401, AuthErrorCode.unauthenticated);
    });

    it('ends the sessions of a user who is disabled', async () => {
      const token = await server.login('admin-wit', { fresh: true });
      await server.db.query('UPDATE users SET disabled = true WHERE id = $1', ['u-admin-wit']);
      try {
        expectApiError(await me(token), 401, AuthErrorCode.unauthenticated);
      } finally {
        await server.db.query('UPDATE users SET disabled = false WHERE id = $1', ['u-admin-wit']);
      }
    });
  });

  describe('POST /auth/logout', () => {
    it('revokes the session it is called with, and only that one', async () => {
      const ending = await server.login('admin-a', { fresh: true });
      const other = await server.login('admin-a', { fresh: true });
      const response = await server.request('POST', '/auth/logout', { token: ending, body: {} });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ ok: true });
      expectApiError(
        await server.request('GET', '/me', { token: ending }),
        401,
        AuthErrorCode.unauthenticated,
      );
      expect((await server.request('GET', '/me', { token: other })).status).toBe(200);
    });

    it('answers ok for a session that already ended, and 401 without a token', async () => {
      const token = await server.login('admin-a', { fresh: true });
      await server.request('POST', '/auth/logout', { token });
      const again = await server.request('POST', '/auth/logout', { token });
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ok: true });
      expectApiError(
        await server.request('POST', '/auth/logout', { body: {} }),
        401,
        AuthErrorCode.unauthenticated,
      );
    });

    it('refuses a body other than {}', async () => {
      const token = await server.login('admin-a', { fresh: true });
      const response = await server.request('POST', '/auth/logout', {
        token,
        body: { everywhere: true },
      });
      expectApiError(response, 400, 'request/invalid');
      expect((await server.request('GET', '/me', { token })).status).toBe(200);
    });
  });

  it('deletes a user’s ended sessions when they sign in again', async () => {
    await server.login('pimpinan-a', { fresh: true });
    server.clock.advance(SESSION_IDLE_MS + 1);
    const countSessions = async () =>
      (
        await server.db.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1',
          ['u-pimpinan-a'],
        )
      ).rows[0]?.n;
    expect(await countSessions()).toBeGreaterThan(0);
    await server.login('pimpinan-a', { fresh: true });
    expect(await countSessions()).toBe(1);
  });
});
