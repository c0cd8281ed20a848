// The import table of ARCHITECTURE.md is enforced by lint: each forbidden edge is refused, each
// allowed one passes. Linted with the project's real eslint config, as `npm run lint` does.
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

/** Lints `code` as if it were the file at `path`, and returns the messages of one rule. */
async function restrictedImports(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

/** [file, code] pairs, each importing something the file's part may not import. */
const forbiddenImports: [string, string][] = [
  ['src-shared/result.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  [
    'src-shared/result.ts',
    "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
  ],
  ['src-shared/result.ts', "import { readFileSync } from 'fs';\nexport const r = readFileSync;\n"],
  ['src-shared/result.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n"],
  ['src-shared/result.ts', "import { useState } from 'react';\nexport const u = useState;\n"],
  [
    'src-shared/result.ts',
    "import { healthBody } from '../src-server/health';\nexport const h = healthBody;\n",
  ],
  ['src-renderer/main.tsx', "import { app } from 'electron';\nexport const a = app;\n"],
  ['src-renderer/main.tsx', "import { join } from 'node:path';\nexport const j = join;\n"],
  [
    'src-renderer/main.tsx',
    "import { healthBody } from '../src-server/health';\nexport const h = healthBody;\n",
  ],
  ['src-renderer/main.tsx', "import { log } from '../src-main/log';\nexport const l = log;\n"],
  ['src-server/health.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ['src-server/health.ts', "import Dexie from 'dexie';\nexport const d = Dexie;\n"],
  [
    'src-server/health.ts',
    "import { bridge } from '../src-renderer/platform/bridge';\nexport const b = bridge;\n",
  ],
  ['src-server/health.ts', "import { log } from '../src-main/log';\nexport const l = log;\n"],
  ['src-main/log.ts', "import { create } from 'zustand';\nexport const c = create;\n"],
  [
    'src-main/log.ts',
    "import { bridge } from '../src-renderer/platform/bridge';\nexport const b = bridge;\n",
  ],
  [
    'src-main/log.ts',
    "import { healthBody } from '../src-server/health';\nexport const h = healthBody;\n",
  ],
];

describe('import boundaries', () => {
  it.each(
    forbiddenImports.map(([path, code]) => [path, /from '([^']+)'/.exec(code)?.[1] ?? code, code]),
  )('refuses, in %s, an import of %s', async (path, _target, code) => {
    const messages = await restrictedImports(path, code);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.join('\n')).toMatch(/ARCHITECTURE\.md|only|may not/i);
  });

  it.each([
    ['src-shared/result.ts', "import { z } from 'zod';\nexport const s = z.string();\n"],
    [
      'src-renderer/main.tsx',
      "import { ok } from '../src-shared/result';\nimport Dexie from 'dexie';\nexport const x = [ok, Dexie];\n",
    ],
    [
      'src-server/health.ts',
      "import { ok } from '../src-shared/result';\nimport { readFileSync } from 'node:fs';\nexport const x = [ok, readFileSync];\n",
    ],
    [
      'src-main/log.ts',
      "import { app } from 'electron';\nimport { ok } from '../src-shared/result';\nexport const x = [app, ok];\n",
    ],
  ])('allows, in %s, the imports of its layer (%#)', async (path, code) => {
    expect(await restrictedImports(path, code)).toEqual([]);
  });

  it('refuses window.posko outside the platform adapter', async () => {
    const messages = await restrictedImports(
      'src-renderer/main.tsx',
      'export const b = window.posko;\n',
    );
    expect(messages.join('\n')).toMatch(/platform/);
  });
});
