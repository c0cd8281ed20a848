// `npm run server -- [--port 8787] [--data ./.posko-data] [--seed demo]`: parses the
// configuration, opens and migrates the database, seeds it when asked, listens, and on
// SIGINT/SIGTERM finishes the requests in progress before exiting (a second signal exits at once).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { Clock } from '../src-shared/ports';
import { verifyPassword } from './auth/passwords';
import { demoRefusal, isLoopbackHost, parseConfig, USAGE, type ServerConfig } from './config';
import type { Db } from './db/db';
import { DEMO_PASSWORD, DEMO_ROOT_ID } from './seed/demo-directory';
import { startServer, type RunningServer } from './server';

/** Where the CLI talks to its operator: stdout for progress, stderr for problems. */
export interface Console {
  out(line: string): void;
  error(line: string): void;
}

/** What the process-level code needs from `process` (a fake in tests). */
export interface ProcessHooks {
  onSignal(signal: 'SIGINT' | 'SIGTERM', handler: () => void): void;
  exit(code: number): void;
}

/** A problem the operator can fix, printed as one line without a stack trace. */
class StartupError extends Error {}

/** The demo users the README names, one per role. */
const NAMED_DEMO_USERNAMES = [
  'koordinator',
  'admin',
  'operator',
  'penghubung',
  'pimpinan',
  'pelatih',
  'peserta',
];

/** A drain that takes longer than this (a stuck request) ends with exit code 1. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

export function packageVersion(): string {
  try {
    const text = readFileSync(new URL('../package.json', import.meta.url), 'utf8');
    return z.object({ version: z.string() }).parse(JSON.parse(text)).version;
  } catch {
    return '0.0.0-unknown';
  }
}

/**
 * Whether any user of the demo province still signs in with the published demo password. The
 * named users (README) come first: on an untouched demo database the first check answers.
 */
export async function hasDemoCredentials(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ password_hash: string }>(
    `SELECT password_hash FROM users
      WHERE scope_path LIKE $1 AND NOT disabled
      ORDER BY username = ANY($2) DESC, username`,
    [`/${DEMO_ROOT_ID}/%`, NAMED_DEMO_USERNAMES],
  );
  for (const row of rows) if (await verifyPassword(DEMO_PASSWORD, row.password_hash)) return true;
  return false;
}

/** Start-up work on the migrated database: refuse exposed demo users, then seed if asked. */
export async function prepareDatabase(
  db: Db,
  clock: Clock,
  config: ServerConfig,
  io: Console,
): Promise<void> {
  const isExposed = !isLoopbackHost(config.host) && !config.allowDemo;
  if (isExposed && (await hasDemoCredentials(db))) {
    throw new StartupError(demoRefusal(config.host, 'database'));
  }
  if (config.seed === null) return;
  // Loaded only when seeding: the generator is large and most starts do not need it.
  const { seedDemo } = await import('./seed/demo');
  const result = await seedDemo(db, {
    reports: config.seed.reports,
    seedValue: config.seed.seedValue,
    now: clock.now(),
    log: (line: string) => {
      io.out(line);
    },
  });
  io.out(`Demo data ready: ${String(result.reports)} reports in ${String(result.ms)} ms`);
}

/** Starts the server described by `config`; resolves once it listens. */
export async function runServer(config: ServerConfig, io: Console): Promise<RunningServer> {
  const running = await startServer({
    database: config.database,
    host: config.host,
    port: config.port,
    version: packageVersion(),
    log: { level: config.logLevel },
    corsOrigins: config.corsOrigins,
    trustProxy: config.trustProxy,
    prepare: (db, clock) => prepareDatabase(db, clock, config, io),
  });
  io.out(`Posko server listening on ${running.url} (${running.db.kind})`);
  return running;
}

/** First signal: drain and exit 0. Second signal, or a drain that hangs: exit 1 at once. */
export function stopOnSignals(running: RunningServer, io: Console, hooks: ProcessHooks): void {
  let isStopping = false;
  const stop = (signal: string) => {
    if (isStopping) {
      io.error(`${signal} again: exiting without waiting`);
      hooks.exit(1);
      return;
    }
    isStopping = true;
    io.out(`${signal}: finishing requests in progress, then stopping`);
    setTimeout(() => {
      io.error('requests still running after 15 s: exiting without waiting');
      hooks.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    running.close().then(
      () => {
        io.out('Posko server stopped');
        hooks.exit(0);
      },
      (error: unknown) => {
        io.error(`stopping failed: ${error instanceof Error ? error.message : String(error)}`);
        hooks.exit(1);
      },
    );
  };
  hooks.onSignal('SIGINT', () => {
    stop('SIGINT');
  });
  hooks.onSignal('SIGTERM', () => {
    stop('SIGTERM');
  });
}

function startupMessage(error: unknown, config: ServerConfig): string {
  if (error instanceof StartupError) return error.message;
  const code =
    typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EADDRINUSE')
    return `port ${String(config.port)} is already in use on ${config.host}; choose another with --port`;
  if (code === 'EADDRNOTAVAIL') return `${config.host} is not an address of this machine`;
  if (code === 'ECONNREFUSED' && config.database.kind === 'postgres')
    return 'PostgreSQL refused the connection: is it running, and is DATABASE_URL right?';
  return `could not start: ${error instanceof Error ? error.message : String(error)}`;
}

/** The whole command: returns the exit code when the server did not start. */
export async function main(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  io: Console,
  hooks: ProcessHooks,
): Promise<number | null> {
  const request = parseConfig(argv, env, process.cwd());
  if (!request.ok) {
    io.error(`posko server: ${request.error.message}`);
    io.error('Run with --help to see the options.');
    return 2;
  }
  if (request.value.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  const { config } = request.value;
  try {
    stopOnSignals(await runServer(config, io), io, hooks);
    return null;
  } catch (error) {
    io.error(`posko server: ${startupMessage(error, config)}`);
    return 1;
  }
}

const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;

if (isEntryPoint) {
  const io: Console = {
    out: (line) => process.stdout.write(`${line}\n`),
    error: (line) => process.stderr.write(`${line}\n`),
  };
  const hooks: ProcessHooks = {
    onSignal: (signal, handler) => process.on(signal, handler),
    exit: (code) => process.exit(code),
  };
  // No top-level await: tsx runs this package as CommonJS.
  void main(process.argv.slice(2), process.env, io, hooks).then((code) => {
    if (code !== null) process.exit(code);
  });
}
