import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DEMO_REPORTS,
  isLoopbackHost,
  parseConfig,
  type ServerConfig,
} from '../../../../src-server/config';

const cwd = '/srv/posko';

function config(argv: string[], env: Record<string, string> = {}): ServerConfig {
  const result = parseConfig(argv, env, cwd);
  if (!result.ok) throw new Error(`expected a config, got: ${result.error.message}`);
  if (result.value.kind !== 'run') throw new Error('expected a config, got help');
  return result.value.config;
}

function refusal(argv: string[], env: Record<string, string> = {}): string {
  const result = parseConfig(argv, env, cwd);
  if (result.ok) throw new Error(`expected a refusal for ${argv.join(' ')}`);
  return result.error.message;
}

describe('parseConfig', () => {
  it('defaults to loopback port 8787 and an embedded database in ./.posko-data', () => {
    expect(config([])).toEqual({
      host: '127.0.0.1',
      port: 8787,
      database: { kind: 'pglite', dataDir: resolve(cwd, '.posko-data') },
      seed: null,
      allowDemo: false,
      logLevel: 'info',
      corsOrigins: [],
      trustProxy: false,
    });
  });

  it('reads every option', () => {
    expect(
      config([
        '--port',
        '9000',
        '--host',
        '0.0.0.0',
        '--data',
        'data/posko',
        '--seed',
        'demo',
        '--reports',
        '100000',
        '--seed-value',
        '7',
        '--allow-demo',
        '--log-level',
        'warn',
        '--cors-origin',
        'https://Posko.Example.go.id',
        '--cors-origin',
        'https://lapor.example.go.id',
        '--trust-proxy',
      ]),
    ).toEqual({
      host: '0.0.0.0',
      port: 9000,
      database: { kind: 'pglite', dataDir: '/srv/posko/data/posko' },
      seed: { reports: 100_000, seedValue: 7 },
      allowDemo: true,
      logLevel: 'warn',
      corsOrigins: ['https://posko.example.go.id', 'https://lapor.example.go.id'],
      trustProxy: true,
    });
  });

  it('accepts --option=value as well', () => {
    expect(config(['--port=0', '--seed=demo']).port).toBe(0);
  });

  it('switches to PostgreSQL when DATABASE_URL is set', () => {
    expect(config([], { DATABASE_URL: 'postgres://posko@db:5432/posko' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://posko@db:5432/posko',
    });
    expect(config([], { DATABASE_URL: '' }).database.kind).toBe('pglite');
  });

  it('seeds the default number of reports with seed value 1', () => {
    expect(config(['--seed', 'demo']).seed).toEqual({
      reports: DEFAULT_DEMO_REPORTS,
      seedValue: 1,
    });
  });

  it('explains an invalid port', () => {
    expect(refusal(['--port', 'http'])).toBe('--port must be a whole number');
    expect(refusal(['--port', '70000'])).toBe('--port must be from 0 to 65535');
    expect(refusal(['--port', '-1'])).toMatch(/--port/);
  });

  it('explains unknown options, missing values and bad values in one line', () => {
    for (const [argv, expected] of [
      [['--prot', '8787'], /--prot/],
      [['--port'], /--port/],
      [['--seed', 'full'], /--seed takes one value: demo/],
      [['--log-level', 'loud'], /--log-level must be one of/],
      [['--cors-origin', 'https://x.example/path'], /--cors-origin must be an origin/],
      [['--reports', '5'], /only apply with --seed demo/],
      [['stray'], /stray/],
    ] as const) {
      const message = refusal([...argv]);
      expect(message).toMatch(expected);
      expect(message).not.toContain('\n');
      expect(message).not.toMatch(/at .*\.ts:/);
    }
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, and --data with one', () => {
    expect(refusal([], { DATABASE_URL: 'mysql://x' })).toMatch(/DATABASE_URL must look like/);
    expect(refusal(['--data', 'x'], { DATABASE_URL: 'postgresql://x/y' })).toMatch(
      /use one or the other/,
    );
  });

  it('refuses demo users on a non-loopback host unless --allow-demo', () => {
    expect(refusal(['--seed', 'demo', '--host', '0.0.0.0'])).toMatch(
      /--seed demo creates users whose password is published; refusing to serve them on 0\.0\.0\.0.*--allow-demo/,
    );
    expect(refusal(['--seed', 'demo', '--host', '192.168.1.10'])).toMatch(/192\.168\.1\.10/);
    expect(config(['--seed', 'demo', '--host', '0.0.0.0', '--allow-demo']).seed).not.toBeNull();
    expect(config(['--seed', 'demo', '--host', 'localhost']).seed).not.toBeNull();
    expect(config(['--host', '0.0.0.0']).seed).toBeNull();
  });

  it('answers --help with the usage instead of a config', () => {
    const result = parseConfig(['--help'], {}, cwd);
    expect(result).toEqual({ ok: true, value: { kind: 'help' } });
  });
});

describe('isLoopbackHost', () => {
  it('knows the loopback addresses and nothing else', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]', 'LOCALHOST']) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
    for (const host of [
      '0.0.0.0',
      '::',
      '192.168.1.10',
      'posko.example.go.id',
      '127.0.0.1.nip.io',
    ]) {
      expect(isLoopbackHost(host), host).toBe(false);
    }
  });
});
