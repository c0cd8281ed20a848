import { describe, expect, it } from 'vitest';
import {
  configuredServerOrigins,
  defaultConfig,
  loadConfig,
  parseConfig,
} from '../../../src-main/config';
import { recordingLogger } from '../../../src-main/log';

describe('parseConfig', () => {
  it('uses defaults and no warnings when there is no file and no environment', () => {
    expect(parseConfig(null, {})).toEqual({ config: defaultConfig, warnings: [] });
  });

  it('reads serverUrl and updateUrl from the file', () => {
    const file = JSON.stringify({
      serverUrl: 'https://lapor.example.go.id',
      updateUrl: 'https://updates.example.go.id/posko',
    });

    expect(parseConfig(file, {})).toEqual({
      config: {
        serverUrl: 'https://lapor.example.go.id',
        updateUrl: 'https://updates.example.go.id/posko',
      },
      warnings: [],
    });
  });

  it('falls back to defaults with a warning when the file is not JSON', () => {
    const { config, warnings } = parseConfig('{ serverUrl: nope', {});

    expect(config).toEqual(defaultConfig);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('not valid JSON');
  });

  it('falls back to defaults with a warning naming the field when a URL is not http(s)', () => {
    const { config, warnings } = parseConfig(
      JSON.stringify({ serverUrl: 'file:///etc/passwd' }),
      {},
    );

    expect(config).toEqual(defaultConfig);
    expect(warnings[0]).toContain('serverUrl');
  });

  it('rejects unknown keys so a misspelt setting is noticed', () => {
    const { config, warnings } = parseConfig(
      JSON.stringify({ serverURL: 'https://a.example' }),
      {},
    );

    expect(config).toEqual(defaultConfig);
    expect(warnings[0]).toContain('serverURL');
  });

  it('rejects URLs carrying credentials', () => {
    const { config, warnings } = parseConfig(
      JSON.stringify({ updateUrl: 'https://user:secret@updates.example' }),
      {},
    );

    expect(config.updateUrl).toBeNull();
    expect(warnings).toHaveLength(1);
  });

  it('lets the environment override the file', () => {
    const file = JSON.stringify({
      serverUrl: 'https://file.example',
      updateUrl: 'https://u.example',
    });

    const { config } = parseConfig(file, {
      POSKO_SERVER_URL: 'http://localhost:8787',
      POSKO_UPDATE_URL: 'https://env-updates.example',
    });

    expect(config).toEqual({
      serverUrl: 'http://localhost:8787',
      updateUrl: 'https://env-updates.example',
    });
  });

  it('ignores an invalid environment value with a warning and keeps the file value', () => {
    const file = JSON.stringify({ serverUrl: 'https://file.example' });

    const { config, warnings } = parseConfig(file, { POSKO_SERVER_URL: 'javascript:alert(1)' });

    expect(config.serverUrl).toBe('https://file.example');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('POSKO_SERVER_URL');
  });

  it('treats an empty environment variable as unset', () => {
    const { config, warnings } = parseConfig(null, { POSKO_UPDATE_URL: '  ' });

    expect(config.updateUrl).toBeNull();
    expect(warnings).toEqual([]);
  });
});

describe('configuredServerOrigins', () => {
  it('returns the origin of the server URL, without its path', () => {
    expect(
      configuredServerOrigins({
        serverUrl: 'https://lapor.example.go.id:8443/api/v1',
        updateUrl: null,
      }),
    ).toEqual(['https://lapor.example.go.id:8443']);
  });

  it('returns nothing when no server is configured', () => {
    expect(configuredServerOrigins(defaultConfig)).toEqual([]);
  });
});

describe('loadConfig', () => {
  it('uses defaults silently when the file does not exist', async () => {
    const log = recordingLogger();
    const missing = Object.assign(new Error('no file'), { code: 'ENOENT' });

    const config = await loadConfig({
      filePath: '/nowhere/posko-config.json',
      env: {},
      readFile: () => Promise.reject(missing),
      log,
    });

    expect(config).toEqual(defaultConfig);
    expect(log.entries.filter((entry) => entry.level === 'warn')).toEqual([]);
  });

  it('logs a warning and uses defaults when the file is bad', async () => {
    const log = recordingLogger();

    const config = await loadConfig({
      filePath: '/cfg/posko-config.json',
      env: {},
      readFile: () => Promise.resolve('[1, 2'),
      log,
    });

    expect(config).toEqual(defaultConfig);
    expect(
      log.entries.some(
        (entry) => entry.level === 'warn' && entry.message.includes('not valid JSON'),
      ),
    ).toBe(true);
  });

  it('logs a warning when the file exists but cannot be read', async () => {
    const log = recordingLogger();
    const denied = Object.assign(new Error('permission denied'), { code: 'EACCES' });

    await loadConfig({
      filePath: '/cfg/posko-config.json',
      env: {},
      readFile: () => Promise.reject(denied),
      log,
    });

    expect(log.entries.some((entry) => entry.level === 'warn')).toBe(true);
  });
});
