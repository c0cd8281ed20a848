// The real server on a fresh migrated database (PGlite, or PostgreSQL when configured) on a
// loopback port, with a fixture agency tree and one user per role, for integration tests.
// Start one per test file (beforeAll): PGlite takes seconds to open. Keep tests independent with
// fresh ids, not fresh databases.
//
//   prov (province, WIB) ── koordinator-prov
//   ├── kab-a (regency, WIB) ── koordinator, pelatih, peserta
//   │   ├── dinkes-a (OPD) ── admin-a, penghubung-a, pimpinan-a
//   │   │   └── pkm-a (unit) ── operator-a, nonaktif (disabled)
//   │   └── disdik-a (OPD)
//   ├── kab-b (regency, WIB)
//   │   └── dinkes-b (OPD) ── admin-b
//   └── kab-wit (regency, WIT)
//       └── dinkes-wit (OPD) ── admin-wit
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { API_PREFIX, ApiErrorBodySchema, LoginResponseSchema } from '../../src-shared/api/auth';
import { DEFAULT_AGENCY_SETTINGS } from '../../src-shared/domain/agency';
import type { UserRole } from '../../src-shared/domain/user';
import { manualClock, sequentialIds, type Ids } from '../../src-shared/ports';
import type { Db } from '../../src-server/db/db';
import { insertAgencies, type NewAgency } from '../../src-server/directory/agencies';
import { insertUser } from '../../src-server/directory/users';
import { createServer, type ServerDeps } from '../../src-server/server';
import { openMigratedDb, type TestBackend } from './test-db';

export type ManualClock = ReturnType<typeof manualClock>;

/** Every fixture user's password. */
export const FIXTURE_PASSWORD = 'kata-sandi-uji-2026';
/** Where the test clock starts: Monday 5 January 2026, 09:00 WIB (a working day). */
export const FIXTURE_START = Date.UTC(2026, 0, 5, 2, 0, 0);

export const fixtureAgencyIds = {
  province: 'prov',
  kabA: 'kab-a',
  dinkesA: 'dinkes-a',
  puskesmasA: 'pkm-a',
  disdikA: 'disdik-a',
  kabB: 'kab-b',
  dinkesB: 'dinkes-b',
  kabWit: 'kab-wit',
  dinkesWit: 'dinkes-wit',
} as const;

const settings = { ...DEFAULT_AGENCY_SETTINGS };
const a = fixtureAgencyIds;

export const FIXTURE_AGENCIES: readonly NewAgency[] = [
  {
    id: a.province,
    parentId: null,
    name: 'Provinsi Uji',
    level: 'province',
    timeZone: 'WIB',
    settings,
  },
  {
    id: a.kabA,
    parentId: a.province,
    name: 'Kabupaten A',
    level: 'regency_city',
    timeZone: 'WIB',
    settings,
  },
  {
    id: a.dinkesA,
    parentId: a.kabA,
    name: 'Dinas Kesehatan Kabupaten A',
    level: 'opd',
    timeZone: 'WIB',
    settings,
  },
  {
    id: a.puskesmasA,
    parentId: a.dinkesA,
    name: 'Puskesmas Kota A',
    level: 'unit',
    timeZone: 'WIB',
    settings,
  },
  {
    id: a.disdikA,
    parentId: a.kabA,
    name: 'Dinas Pendidikan Kabupaten A',
    level: 'opd',
    timeZone: 'WIB',
    settings,
  },
  {
    id: a.kabB,
    parentId: a.province,
    name: 'Kabupaten B',
    level: 'regency_city',
    timeZone: 'WIB',
    settings,
  },
  {
    id: a.dinkesB,
    parentId: a.kabB,
    name: 'Dinas Kesehatan Kabupaten B',
    level: 'opd',
    timeZone: 'WIB',
    settings,
  },
  {
    id: a.kabWit,
    parentId: a.province,
    name: 'Kabupaten Timur',
    level: 'regency_city',
    timeZone: 'WIT',
    settings,
  },
  {
    id: a.dinkesWit,
    parentId: a.kabWit,
    name: 'Dinas Kesehatan Kabupaten Timur',
    level: 'opd',
    timeZone: 'WIT',
    settings,
  },
];

interface FixtureUser {
  id: string;
  role: UserRole;
  agencyId: string;
  displayName: string;
  disabled?: true;
}

/** The fixture users by username; each user's id is `u-<username>`. */
export const FIXTURE_USERS = {
  'koordinator-prov': {
    id: 'u-koordinator-prov',
    role: 'admin_koordinator',
    agencyId: a.province,
    displayName: 'Koordinator Provinsi',
  },
  koordinator: {
    id: 'u-koordinator',
    role: 'admin_koordinator',
    agencyId: a.kabA,
    displayName: 'Koordinator Kabupaten A',
  },
  'admin-a': {
    id: 'u-admin-a',
    role: 'admin_instansi',
    agencyId: a.dinkesA,
    displayName: 'Admin Dinkes A',
  },
  'operator-a': {
    id: 'u-operator-a',
    role: 'operator_unit',
    agencyId: a.puskesmasA,
    displayName: 'Operator Puskesmas A',
  },
  'penghubung-a': {
    id: 'u-penghubung-a',
    role: 'pejabat_penghubung',
    agencyId: a.dinkesA,
    displayName: 'Penghubung Dinkes A',
  },
  'pimpinan-a': {
    id: 'u-pimpinan-a',
    role: 'pimpinan',
    agencyId: a.dinkesA,
    displayName: 'Kepala Dinkes A',
  },
  pelatih: { id: 'u-pelatih', role: 'pelatih', agencyId: a.kabA, displayName: 'Pelatih Bimtek' },
  peserta: { id: 'u-peserta', role: 'peserta', agencyId: a.kabA, displayName: 'Peserta Bimtek' },
  'admin-b': {
    id: 'u-admin-b',
    role: 'admin_instansi',
    agencyId: a.dinkesB,
    displayName: 'Admin Dinkes B',
  },
  'admin-wit': {
    id: 'u-admin-wit',
    role: 'admin_instansi',
    agencyId: a.dinkesWit,
    displayName: 'Admin Dinkes Timur',
  },
  nonaktif: {
    id: 'u-nonaktif',
    role: 'operator_unit',
    agencyId: a.puskesmasA,
    displayName: 'Operator Nonaktif',
    disabled: true,
  },
} as const satisfies Record<string, FixtureUser>;

export type FixtureUsername = keyof typeof FIXTURE_USERS;

export const FIXTURES = {
  password: FIXTURE_PASSWORD,
  start: FIXTURE_START,
  agencyIds: fixtureAgencyIds,
  agencies: FIXTURE_AGENCIES,
  users: FIXTURE_USERS,
} as const;

export interface TestServerOptions {
  /** Capture every log line (level trace) in `logs` instead of discarding them. */
  captureLogs?: boolean;
  /** Added to or replacing what createServer receives (a new dependency, tighter limits). */
  deps?: Partial<ServerDeps>;
  /**
   * Wraps the database the server uses (fixtures go in unwrapped), for fault injection: a query
   * that fails or waits. `TestServer.db` stays the unwrapped one.
   */
  wrapDb?: (db: Db) => Db;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or null when it is empty or not JSON. */
  body: unknown;
  text: string;
}

export interface RequestOptions {
  token?: string;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (with your own content-type header), for malformed-body tests. */
  rawBody?: string | Uint8Array<ArrayBuffer>;
  headers?: Record<string, string>;
}

export interface TestServer {
  /** The server's origin, `http://127.0.0.1:<port>`. */
  url: string;
  db: Db;
  app: FastifyInstance;
  clock: ManualClock;
  ids: Ids;
  fixtures: typeof FIXTURES;
  /** Log lines written so far (only with `captureLogs`). */
  logs: string[];
  /**
   * A session token for `username` (password FIXTURE_PASSWORD), reused while it is valid by the
   * test clock; `fresh` signs in again (for tests that revoke or expire the token).
   */
  login(username: FixtureUsername | (string & {}), options?: { fresh?: boolean }): Promise<string>;
  /** An HTTP request over the network; `path` is under /api/v1 unless it starts with it. */
  request(method: string, path: string, options?: RequestOptions): Promise<TestResponse>;
  close(): Promise<void>;
}

/** Inserts the fixture agency tree and users into a migrated database. */
export async function insertFixtures(db: Db): Promise<void> {
  await db.transaction((tx) => insertAgencies(tx, FIXTURE_AGENCIES));
  // In parallel: scrypt runs on libuv's thread pool, so hashing overlaps.
  await Promise.all(
    Object.entries(FIXTURE_USERS).map(([username, user]) =>
      insertUser(db, {
        id: user.id,
        username,
        displayName: user.displayName,
        role: user.role,
        agencyId: user.agencyId,
        password: FIXTURE_PASSWORD,
      }),
    ),
  );
  const disabled = Object.values(FIXTURE_USERS as Record<string, FixtureUser>)
    .filter((user) => user.disabled === true)
    .map((user) => user.id);
  await db.query('UPDATE users SET disabled = true WHERE id = ANY($1)', [disabled]);
}

async function toTestResponse(response: Response): Promise<TestResponse> {
  const text = await response.text();
  let body: unknown = null;
  if (text.length > 0) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  return { status: response.status, headers: response.headers, body, text };
}

export async function startTestServer(
  backend: TestBackend,
  options: TestServerOptions = {},
): Promise<TestServer> {
  const db = await openMigratedDb(backend);
  await insertFixtures(db);
  const clock = manualClock(FIXTURE_START);
  const ids = sequentialIds('test');
  const logs: string[] = [];
  const app = await createServer({
    db: options.wrapDb ? options.wrapDb(db) : db,
    clock,
    ids,
    version: '0.0.0-test',
    log: options.captureLogs
      ? { level: 'trace', stream: { write: (line) => logs.push(line) } }
      : { level: 'silent' },
    ...options.deps,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = `http://127.0.0.1:${String(port)}`;

  async function request(method: string, path: string, init: RequestOptions = {}) {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token !== undefined) headers['authorization'] = `Bearer ${init.token}`;
    let body: string | Uint8Array<ArrayBuffer> | undefined = init.rawBody;
    if (init.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(init.body);
    }
    const fullPath = path.startsWith(API_PREFIX) ? path : `${API_PREFIX}${path}`;
    return toTestResponse(
      await fetch(`${url}${fullPath}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body }),
      }),
    );
  }

  const tokens = new Map<string, { token: string; expiresAt: number }>();
  async function login(username: string, loginOptions: { fresh?: boolean } = {}) {
    const cached = tokens.get(username);
    if (cached && !loginOptions.fresh && clock.now() < cached.expiresAt) return cached.token;
    const response = await request('POST', '/auth/login', {
      body: { username, password: FIXTURE_PASSWORD },
    });
    if (response.status !== 200) {
      throw new Error(`login(${username}) answered ${String(response.status)}: ${response.text}`);
    }
    const { token, expiresAt } = LoginResponseSchema.parse(response.body);
    tokens.set(username, { token, expiresAt });
    return token;
  }

  let closing: Promise<void> | null = null;
  return {
    url,
    db,
    app,
    clock,
    ids,
    fixtures: FIXTURES,
    logs,
    login,
    request,
    close() {
      closing ??= (async () => {
        try {
          await app.close();
        } finally {
          await db.close();
        }
      })();
      return closing;
    },
  };
}

/** Asserts that `response` is the API's error shape with this status and code. */
export function expectApiError(response: TestResponse, status: number, code: string): void {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status,
    body: { error: { code } },
  });
  expect(ApiErrorBodySchema.strict().safeParse(response.body).success).toBe(true);
}
