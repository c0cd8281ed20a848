import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  hasDemoCredentials,
  prepareDatabase,
  stopOnSignals,
  type Console,
} from '../../../../src-server/cli';
import type { ServerConfig } from '../../../../src-server/config';
import type { Db } from '../../../../src-server/db/db';
import { insertAgencies } from '../../../../src-server/directory/agencies';
import { insertUser } from '../../../../src-server/directory/users';
import { DEMO_PASSWORD, DEMO_ROOT_ID } from '../../../../src-server/seed/demo-directory';
import { DEFAULT_AGENCY_SETTINGS } from '../../../../src-shared/domain/agency';
import type { RunningServer } from '../../../../src-server/server';
import { manualClock } from '../../../../src-shared/ports';
import { describeEachBackend, openMigratedDb } from '../../../support/test-db';
import { insertFixtures } from '../../../support/test-server';

const root = resolve(import.meta.dirname, '../../../..');

interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI as `npm run server` would, with the environment minus DATABASE_URL. */
function runCli(args: string[]): {
  child: ChildProcessByStdio<null, Readable, Readable>;
  output: () => string;
  finished: Promise<Finished>;
} {
  const env = { ...process.env };
  delete env['DATABASE_URL'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-server/cli.ts', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<Finished>((resolveExit) => {
    child.on('exit', (code, signal) => {
      resolveExit({ code, signal, stdout, stderr });
    });
  });
  return { child, output: () => stdout, finished };
}

/** Resolves with the URL once the CLI prints its listening line (or rejects if it exits first). */
function listeningUrl(run: ReturnType<typeof runCli>): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    const check = () => {
      const match = /Posko server listening on (http:\/\/\S+) \(pglite\)/.exec(run.output());
      if (match?.[1] !== undefined) resolveUrl(match[1]);
    };
    run.child.stdout.on('data', check);
    void run.finished.then((result) => {
      reject(new Error(`the server exited first: ${JSON.stringify(result)}`));
    });
  });
}

describe('npm run server', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'posko-cli-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts on an embedded database, answers the health check and stops cleanly on SIGTERM', async () => {
    const run = runCli(['--port', '0', '--data', dataDir, '--log-level', 'warn']);
    const url = await listeningUrl(run);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:[0-9]+$/);
    const health = await fetch(`${url}/api/v1/health`);
    expect(await health.json()).toMatchObject({ ok: true, db: 'pglite' });

    run.child.kill('SIGTERM');
    const result = await run.finished;
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Posko server stopped');
    expect(result.stderr).toBe('');
    await expect(fetch(`${url}/api/v1/health`)).rejects.toThrow();
    // Creating a PGlite data directory (initdb in WebAssembly) alone can take half a minute.
  }, 120_000);

  it('refuses demo users on a public address with a one-line message and exit code 2', async () => {
    const result = await runCli(['--seed', 'demo', '--host', '0.0.0.0', '--port', '0']).finished;
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^posko server: --seed demo creates users whose password is published; refusing to serve them on 0\.0\.0\.0.*--allow-demo/,
    );
    expect(result.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
    expect(result.stdout).not.toContain('listening');
  }, 30_000);

  it('says which option is wrong without a stack trace', async () => {
    const result = await runCli(['--port', 'eighty']).finished;
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'posko server: --port must be a whole number\nRun with --help to see the options.\n',
    );
  }, 30_000);
});

describe('stopOnSignals', () => {
  function harness(close: () => Promise<void>) {
    const handlers = new Map<string, () => void>();
    const exits: number[] = [];
    const lines: string[] = [];
    const io: Console = { out: (l) => lines.push(l), error: (l) => lines.push(l) };
    stopOnSignals({ close } as RunningServer, io, {
      onSignal: (signal, handler) => handlers.set(signal, handler),
      exit: (code) => exits.push(code),
    });
    return { handlers, exits, lines };
  }

  it('drains on the first signal and exits 0 once closed', async () => {
    let finishClose!: () => void;
    const { handlers, exits } = harness(
      () => new Promise<void>((resolveClose) => (finishClose = resolveClose)),
    );
    handlers.get('SIGTERM')?.();
    await Promise.resolve();
    expect(exits).toEqual([]);
    finishClose();
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([0]);
  });

  it('exits 1 at once on a second signal while draining', () => {
    const { handlers, exits, lines } = harness(() => new Promise<void>(() => undefined));
    handlers.get('SIGINT')?.();
    handlers.get('SIGINT')?.();
    expect(exits).toEqual([1]);
    expect(lines.at(-1)).toMatch(/again: exiting without waiting/);
  });

  it('exits 1 when closing fails', async () => {
    const { handlers, exits } = harness(() => Promise.reject(new Error('disk gone')));
    handlers.get('SIGTERM')?.();
    await new Promise((r) => setImmediate(r));
    expect(exits).toEqual([1]);
  });
});

describeEachBackend('demo users on a public address', (backend) => {
  let db: Db;
  const io: Console = { out: () => undefined, error: () => undefined };
  const demoAdmin = {
    id: 'user-admin-demo',
    username: 'admin.demo',
    displayName: 'Admin Demo',
    role: 'admin_instansi' as const,
    agencyId: DEMO_ROOT_ID,
    password: DEMO_PASSWORD,
  };
  const baseConfig: ServerConfig = {
    host: '0.0.0.0',
    port: 0,
    database: { kind: 'pglite', dataDir: null },
    seed: null,
    allowDemo: false,
    logLevel: 'silent',
    corsOrigins: [],
    trustProxy: false,
  };

  beforeAll(async () => {
    db = await openMigratedDb(backend);
    await insertFixtures(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('finds no demo credentials in a database without them', async () => {
    expect(await hasDemoCredentials(db)).toBe(false);
    await expect(prepareDatabase(db, manualClock(0), baseConfig, io)).resolves.toBeUndefined();
  });

  it('does not mistake a user outside the demo province for a demo user', async () => {
    await insertUser(db, { ...demoAdmin, id: 'not-demo', username: 'admin', agencyId: 'dinkes-a' });
    expect(await hasDemoCredentials(db)).toBe(false);
  });

  it('refuses to start when a demo user still has the published password', async () => {
    await db.transaction((tx) =>
      insertAgencies(tx, [
        {
          id: DEMO_ROOT_ID,
          parentId: null,
          name: 'Demo',
          level: 'province',
          timeZone: 'WITA',
          settings: DEFAULT_AGENCY_SETTINGS,
        },
      ]),
    );
    await insertUser(db, demoAdmin);
    expect(await hasDemoCredentials(db)).toBe(true);
    await expect(prepareDatabase(db, manualClock(0), baseConfig, io)).rejects.toThrow(
      /the database has demo users whose password is still the published one; refusing to serve them on 0\.0\.0\.0/,
    );
    await expect(
      prepareDatabase(db, manualClock(0), { ...baseConfig, allowDemo: true }, io),
    ).resolves.toBeUndefined();
    await expect(
      prepareDatabase(db, manualClock(0), { ...baseConfig, host: '127.0.0.1' }, io),
    ).resolves.toBeUndefined();
  });

  it('starts once the demo password has been changed', async () => {
    await db.query("UPDATE users SET password_hash = 'scrypt$changed' WHERE id = $1", [
      demoAdmin.id,
    ]);
    expect(await hasDemoCredentials(db)).toBe(false);
  });
});
