// The central server as a Fastify app: `createServer(deps)` wires the HTTP conventions (errors,
// CORS, request ids, JSON bodies, logs) and every route module under /api/v1; `startServer`
// opens and migrates the database, then listens. Used by the CLI, the tests and simulation mode.
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import fastify, { type FastifyInstance } from 'fastify';
import { API_PREFIX } from '../src-shared/api/auth';
import { assertNever } from '../src-shared/domain/assert-never';
import type { Clock, Ids } from '../src-shared/ports';
import type { LoginRateLimits } from './auth/rate-limit';
import type { Announcer } from './sync/announcer';
import type { PresenceHub } from './sync/presence';
import type { DatabaseTarget } from './config';
import type { Db } from './db/db';
import { loadMigrations, migrate } from './db/migrate';
import { ensurePlannerStatistics } from './db/statistics';
import { openPgliteDb } from './db/pglite-db';
import { openPostgresDb } from './db/postgres-db';
import { corsPolicy, installCors } from './http/cors';
import { installDrainOnClose } from './http/drain';
import { frameworkErrorHandler, installErrorHandler } from './http/error-handler';
import { installJsonBodyParser } from './http/json-body';
import { installNotFoundHandler } from './http/not-found';
import { installRequestIdEcho, requestIdFor } from './http/request-id';
import { loggerOptions, type LogOptions } from './log';
import { registerAuthRoutes } from './routes/auth';
import { registerHealthRoutes } from './routes/health';
import { registerEventsRoutes } from './routes/events';
import { registerSyncRoutes } from './routes/sync';
import { registerCitizenRoutes } from './routes/citizen';
import { registerStatsRoutes } from './routes/stats';
import { registerAttachmentRoutes } from './routes/attachments';
import { registerPresenceRoutes } from './routes/presence';

/**
 * What the server and every route module run on. A new dependency is one optional field here,
 * with its default made where it is used (or below in createServer when several routes share
 * one instance); route modules receive this same object.
 */
export interface ServerDeps {
  db: Db;
  clock: Clock;
  ids: Ids;
  /** The server's version, as /health reports it. */
  version: string;
  /** Default: level `info` to stdout. Tests pass `{level: 'silent'}` or a capturing stream. */
  log?: LogOptions;
  /** Largest request body in bytes (default 1 MiB); a route may set its own `bodyLimit`. */
  bodyLimit?: number;
  /** Browser origins allowed besides the desktop app and loopback pages (`--cors-origin`). */
  corsOrigins?: readonly string[];
  /** Take the client address from X-Forwarded-For (behind a load balancer you trust). */
  trustProxy?: boolean;
  loginRateLimits?: LoginRateLimits;
  /** A training server (simulation mode): peserta and pelatih may push mutations. Default false. */
  simulation?: boolean;
  /** Announces new versions to live subscribers; default: one per server (src-server/sync/live.ts). */
  announcer?: Announcer;
  /** Who has which report open; default: one per server (src-server/sync/live.ts). */
  presence?: PresenceHub;
}

/**
 * A route module: registers one area's routes on `app`, which is its own Fastify scope with the
 * /api/v1 prefix (a content-type parser or hook added there stays in that area).
 */
export type RouteModule = (app: FastifyInstance, deps: ServerDeps) => Promise<void> | void;

/** Every area of the API, in one list: adding an area is one line here. */
const routeModules: readonly RouteModule[] = [
  registerHealthRoutes,
  registerAuthRoutes,
  registerSyncRoutes,
  registerEventsRoutes,
  registerCitizenRoutes,
  registerStatsRoutes,
  registerAttachmentRoutes,
  registerPresenceRoutes,
];

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

export const systemClock: Clock = { now: () => Date.now() };
export const randomIds: Ids = { next: () => randomUUID() };

/** The app with every route registered and ready (inject works; listen is the caller's). */
export async function createServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = fastify({
    logger: loggerOptions(deps.log ?? { level: 'info' }),
    genReqId: requestIdFor,
    bodyLimit: deps.bodyLimit ?? DEFAULT_BODY_LIMIT,
    trustProxy: deps.trustProxy ?? false,
    frameworkErrors: frameworkErrorHandler,
  });
  // Hook order matters: the id first (every answer carries it), CORS before anything that can
  // refuse (a browser can only read a refusal that carries the CORS headers).
  installRequestIdEcho(app);
  installCors(app, corsPolicy(deps.corsOrigins ?? []));
  installDrainOnClose(app);
  app.addHook('onRequest', (_request, reply, done) => {
    // Answers hold tokens and reporters' data: no cache may keep them, no browser may sniff them.
    reply.header('cache-control', 'no-store');
    reply.header('x-content-type-options', 'nosniff');
    done();
  });
  installJsonBodyParser(app);
  installErrorHandler(app);
  installNotFoundHandler(app);
  for (const registerRoutes of routeModules) {
    await app.register(
      async (scope) => {
        await registerRoutes(scope, deps);
      },
      { prefix: API_PREFIX },
    );
  }
  await app.ready();
  return app;
}

export async function openDatabase(target: DatabaseTarget): Promise<Db> {
  switch (target.kind) {
    case 'pglite':
      return openPgliteDb(target.dataDir ?? undefined);
    case 'postgres':
      return openPostgresDb({ connectionString: target.url });
    default:
      return assertNever(target, 'database target');
  }
}

export interface StartOptions extends Omit<ServerDeps, 'db' | 'clock' | 'ids'> {
  database: DatabaseTarget;
  host: string;
  /** 0 picks a free port; RunningServer.url has the one chosen. */
  port: number;
  clock?: Clock;
  ids?: Ids;
  /** Runs on the migrated database before the server listens: start-up checks, seeding. */
  prepare?: (db: Db, clock: Clock) => Promise<void>;
}

export interface RunningServer {
  app: FastifyInstance;
  db: Db;
  /** `http://host:port`, with the port actually bound. */
  url: string;
  /** Stops accepting, waits for requests in progress, closes the database. Safe to call twice. */
  close(): Promise<void>;
}

function urlFor(host: string, address: AddressInfo | string | null): string {
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return `http://${shownHost}:${String(port)}`;
}

/** Opens and migrates the database, runs `prepare`, then listens on host:port. */
export async function startServer(options: StartOptions): Promise<RunningServer> {
  const { database, host, port, prepare, clock = systemClock, ids = randomIds, ...rest } = options;
  const db = await openDatabase(database);
  let app: FastifyInstance | null = null;
  try {
    await migrate(db, await loadMigrations());
    await prepare?.(db, clock);
    await ensurePlannerStatistics(db);
    app = await createServer({ ...rest, db, clock, ids });
    await app.listen({ host, port });
  } catch (error) {
    await app?.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw error;
  }
  const started = app;
  let closing: Promise<void> | null = null;
  return {
    app: started,
    db,
    url: urlFor(host, started.server.address()),
    close() {
      closing ??= (async () => {
        try {
          await started.close();
        } finally {
          await db.close();
        }
      })();
      return closing;
    },
  };
}
