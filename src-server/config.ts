// The server's configuration from the command line and the environment, parsed once (zod) into
// ServerConfig. Mistakes come back as one-line messages a person can act on, not stack traces.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { appError, err, ok, type Result } from '../src-shared/result';
import { logLevels, type LogLevel } from './log';

export type DatabaseTarget =
  /** Embedded PGlite; `dataDir` null keeps the database in memory (simulation, tests). */
  { kind: 'pglite'; dataDir: string | null } | { kind: 'postgres'; url: string };

export interface DemoSeedConfig {
  reports: number;
  seedValue: number;
}

export interface ServerConfig {
  host: string;
  port: number;
  database: DatabaseTarget;
  /** `--seed demo`: fill the database with the demo province before listening. */
  seed: DemoSeedConfig | null;
  /** Demo users (a password everyone knows) allowed on a non-loopback address. */
  allowDemo: boolean;
  logLevel: LogLevel;
  corsOrigins: string[];
  trustProxy: boolean;
}

export type ConfigRequest = { kind: 'run'; config: ServerConfig } | { kind: 'help' };

export const DEFAULT_PORT = 8787;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_DATA_DIR = './.posko-data';
export const DEFAULT_DEMO_REPORTS = 5000;
export const MAX_DEMO_REPORTS = 2_000_000;

export const USAGE = `Usage: npm run server -- [options]

  --port <n>           port to listen on (default ${String(DEFAULT_PORT)}; 0 picks a free one)
  --host <address>     address to bind (default ${DEFAULT_HOST}; 0.0.0.0 for every interface)
  --data <dir>         embedded database directory (default ${DEFAULT_DATA_DIR})
  --seed demo          fill the database with the demo province, its users and reports
  --reports <n>        how many synthetic reports --seed demo writes (default ${String(DEFAULT_DEMO_REPORTS)})
  --seed-value <n>     makes the synthetic reports reproducible (default 1)
  --allow-demo         allow demo users on a non-loopback address (closed training networks only)
  --log-level <level>  ${logLevels.join(' | ')} (default info)
  --cors-origin <o>    a browser origin allowed to call the API (repeatable), e.g. https://posko.example.go.id
  --trust-proxy        take client addresses from X-Forwarded-For (behind your own load balancer)
  --help               this text

Environment: DATABASE_URL=postgres://… uses PostgreSQL instead of the embedded database.`;

/** Loopback addresses: reachable from this machine only. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(?:\.[0-9]{1,3}){3}$/.test(bare);
}

const wholeNumber = (flag: string, min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,10}$/, `${flag} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${flag} must be from ${String(min)} to ${String(max)}`);

const OptionsSchema = z.object({
  port: wholeNumber('--port', 0, 65_535).default(DEFAULT_PORT),
  host: z
    .string()
    .regex(/^[A-Za-z0-9.:%-]{1,253}$/, '--host must be a host name or an IP address')
    .default(DEFAULT_HOST),
  data: z.string().min(1, '--data needs a directory').optional(),
  seed: z.enum(['demo'], { error: '--seed takes one value: demo' }).optional(),
  reports: wholeNumber('--reports', 0, MAX_DEMO_REPORTS).optional(),
  'seed-value': wholeNumber('--seed-value', 0, 2 ** 31 - 1).optional(),
  'allow-demo': z.boolean().default(false),
  'log-level': z
    .enum(logLevels, { error: `--log-level must be one of ${logLevels.join(', ')}` })
    .default('info'),
  'cors-origin': z
    .array(
      z
        .string()
        .regex(
          /^[a-z][a-z0-9+.-]*:\/\/[^/\s?#]+$/i,
          '--cors-origin must be an origin like https://posko.example.go.id (scheme and host, no path)',
        ),
    )
    .default([]),
  'trust-proxy': z.boolean().default(false),
});

const DatabaseUrlSchema = z
  .string()
  .regex(/^postgres(?:ql)?:\/\/\S+$/, 'DATABASE_URL must look like postgres://user@host:5432/db');

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue === undefined ? 'invalid options' : issue.message;
}

/**
 * The configuration from `argv` (without node and the script) and `env`; relative paths are
 * resolved against `cwd`.
 */
export function parseConfig(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): Result<ConfigRequest> {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        data: { type: 'string' },
        seed: { type: 'string' },
        reports: { type: 'string' },
        'seed-value': { type: 'string' },
        'allow-demo': { type: 'boolean' },
        'log-level': { type: 'string' },
        'cors-origin': { type: 'string', multiple: true },
        'trust-proxy': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    // parseArgs explains unknown options and missing values well; keep its first sentence.
    const text = error instanceof Error ? error.message : String(error);
    const message = (text.split('\n')[0] ?? text).split('. ')[0] ?? text;
    return err(appError('config/invalid', message));
  }
  if (values['help'] === true) return ok({ kind: 'help' });

  const parsed = OptionsSchema.safeParse(values);
  if (!parsed.success) return err(appError('config/invalid', firstIssue(parsed.error)));
  const options = parsed.data;

  const databaseUrl = env['DATABASE_URL'] === '' ? undefined : env['DATABASE_URL'];
  let database: DatabaseTarget;
  if (databaseUrl === undefined) {
    database = { kind: 'pglite', dataDir: resolve(cwd, options.data ?? DEFAULT_DATA_DIR) };
  } else {
    const url = DatabaseUrlSchema.safeParse(databaseUrl);
    if (!url.success) return err(appError('config/invalid', firstIssue(url.error)));
    if (options.data !== undefined) {
      return err(
        appError(
          'config/invalid',
          '--data is for the embedded database, but DATABASE_URL selects PostgreSQL: use one or the other',
        ),
      );
    }
    database = { kind: 'postgres', url: url.data };
  }

  if (
    options.seed === undefined &&
    (options.reports !== undefined || options['seed-value'] !== undefined)
  ) {
    return err(
      appError('config/invalid', '--reports and --seed-value only apply with --seed demo'),
    );
  }
  const seed =
    options.seed === 'demo'
      ? { reports: options.reports ?? DEFAULT_DEMO_REPORTS, seedValue: options['seed-value'] ?? 1 }
      : null;
  if (seed !== null && !isLoopbackHost(options.host) && !options['allow-demo']) {
    return err(appError('config/demo-on-public-host', demoRefusal(options.host, 'seed')));
  }

  return ok({
    kind: 'run',
    config: {
      host: options.host,
      port: options.port,
      database,
      seed,
      allowDemo: options['allow-demo'],
      logLevel: options['log-level'],
      corsOrigins: options['cors-origin'].map((o) => o.toLowerCase()),
      trustProxy: options['trust-proxy'],
    },
  });
}

/** Why the server will not serve demo users on `host`, and what to do instead. */
export function demoRefusal(host: string, source: 'seed' | 'database'): string {
  const who =
    source === 'seed'
      ? '--seed demo creates users whose password is published'
      : 'the database has demo users whose password is still the published one';
  return (
    `${who}; refusing to serve them on ${host}, which other machines can reach. ` +
    'Bind to 127.0.0.1, change their passwords, or add --allow-demo on a closed training network.'
  );
}
