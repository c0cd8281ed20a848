// Desktop configuration: `posko-config.json` in userData, overridden by POSKO_SERVER_URL and
// POSKO_UPDATE_URL. A bad file never stops the app: it falls back to defaults and says why.

import { z } from 'zod';
import type { Logger } from './log';

export const CONFIG_FILE_NAME = 'posko-config.json';

export interface PoskoConfig {
  /** The complaint server offered on the login screen; also the only origin the renderer may reach. */
  readonly serverUrl: string | null;
  /** The generic electron-updater feed. Without it, updates are unavailable. */
  readonly updateUrl: string | null;
}

export const defaultConfig: PoskoConfig = { serverUrl: null, updateUrl: null };

const HttpUrlSchema = z
  .string()
  .trim()
  .max(2048)
  .pipe(z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }))
  .refine(
    (value) => {
      const url = new URL(value);
      return url.username === '' && url.password === '';
    },
    { message: 'must not contain a user name or password' },
  );

const ConfigFileSchema = z.strictObject({
  serverUrl: HttpUrlSchema.nullable().optional(),
  updateUrl: HttpUrlSchema.nullable().optional(),
});

export type ConfigEnv = Readonly<Record<string, string | undefined>>;

export interface ParsedConfig {
  readonly config: PoskoConfig;
  readonly warnings: readonly string[];
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(file)'}: ${issue.message}`)
    .join('; ');
}

function parseFile(fileText: string | null): { config: PoskoConfig; warnings: string[] } {
  if (fileText === null) return { config: defaultConfig, warnings: [] };
  let json: unknown;
  try {
    json = JSON.parse(fileText);
  } catch {
    return {
      config: defaultConfig,
      warnings: [`${CONFIG_FILE_NAME} is not valid JSON; using the default configuration`],
    };
  }
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    return {
      config: defaultConfig,
      warnings: [
        `${CONFIG_FILE_NAME} is invalid (${describeIssues(parsed.error)}); using the default configuration`,
      ],
    };
  }
  return {
    config: { serverUrl: parsed.data.serverUrl ?? null, updateUrl: parsed.data.updateUrl ?? null },
    warnings: [],
  };
}

function overrideFromEnv(
  name: string,
  value: string | undefined,
  fallback: string | null,
  warnings: string[],
): string | null {
  if (value === undefined || value.trim() === '') return fallback;
  const parsed = HttpUrlSchema.safeParse(value);
  if (!parsed.success) {
    warnings.push(`${name} is ignored: ${describeIssues(parsed.error)}`);
    return fallback;
  }
  return parsed.data;
}

/** Pure: the file's text (null when there is no file) and the environment → the configuration. */
export function parseConfig(fileText: string | null, env: ConfigEnv): ParsedConfig {
  const { config: fromFile, warnings } = parseFile(fileText);
  const config: PoskoConfig = {
    serverUrl: overrideFromEnv(
      'POSKO_SERVER_URL',
      env['POSKO_SERVER_URL'],
      fromFile.serverUrl,
      warnings,
    ),
    updateUrl: overrideFromEnv(
      'POSKO_UPDATE_URL',
      env['POSKO_UPDATE_URL'],
      fromFile.updateUrl,
      warnings,
    ),
  };
  return { config, warnings };
}

/** The origins the renderer may connect to (CSP `connect-src`), derived from the configuration. */
export function configuredServerOrigins(config: PoskoConfig): string[] {
  return config.serverUrl === null ? [] : [new URL(config.serverUrl).origin];
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

export async function loadConfig(options: {
  filePath: string;
  env: ConfigEnv;
  readFile: (path: string, encoding: 'utf8') => Promise<string>;
  log: Logger;
}): Promise<PoskoConfig> {
  let fileText: string | null = null;
  try {
    fileText = await options.readFile(options.filePath, 'utf8');
  } catch (error) {
    if (!isMissingFile(error)) {
      options.log.warn('configuration file could not be read; using the default configuration', {
        path: options.filePath,
        error,
      });
    }
  }
  const { config, warnings } = parseConfig(fileText, options.env);
  for (const warning of warnings) options.log.warn(warning, { path: options.filePath });
  options.log.info('configuration loaded', {
    serverUrl: config.serverUrl,
    updateUrl: config.updateUrl,
  });
  return config;
}
