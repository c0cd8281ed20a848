// Lint: typescript-eslint strictTypeChecked everywhere, react-hooks in the renderer, and the import
// table of ../shared/ARCHITECTURE.md enforced as `no-restricted-imports` per part.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const part = (name) => `(^|/)${name}(/|$)`;
const nodeBuiltins = `^(node:.*|${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/.*)?$`;

const forbid = {
  srcShared: { regex: part('src-shared'), message: 'This part may not import src-shared.' },
  srcMain: {
    regex: part('src-main'),
    message: 'Only src-main may import src-main (ARCHITECTURE.md).',
  },
  srcRenderer: {
    regex: part('src-renderer'),
    message: 'Only src-renderer may import src-renderer (ARCHITECTURE.md).',
  },
  srcServer: {
    regex: part('src-server'),
    message:
      'Only src-server and the simulation host in src-main may import src-server (ARCHITECTURE.md).',
  },
  electron: {
    regex: '^electron(/.*)?$',
    message: 'Only src-main may import electron (ARCHITECTURE.md).',
  },
  node: {
    regex: nodeBuiltins,
    message: 'Node built-ins are for src-main and src-server only (ARCHITECTURE.md).',
  },
  ui: {
    regex: '^(react|react-dom|dexie|zustand)(/.*)?$',
    message: 'React, Dexie and zustand belong to src-renderer (ARCHITECTURE.md).',
  },
  electronUpdater: {
    regex: '^electron-updater$',
    message: 'Only src-main may import electron-updater.',
  },
};
const restrict = (...rules) => ({
  'no-restricted-imports': [
    'error',
    { patterns: rules.map((r) => ({ regex: r.regex, message: r.message })) },
  ],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'dist/**',
      '.posko-data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: ['*.mjs'],
        },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src-shared/**/*.ts'],
    rules: restrict(
      forbid.srcMain,
      forbid.srcRenderer,
      forbid.srcServer,
      forbid.electron,
      forbid.node,
      forbid.ui,
      forbid.electronUpdater,
    ),
  },
  {
    files: ['src-main/**/*.ts'],
    rules: restrict(forbid.srcRenderer, forbid.ui),
  },
  {
    // Only the simulation host in src-main may reach into the server.
    files: ['src-main/**/*.ts'],
    ignores: ['src-main/ipc/simulation*.ts', 'src-main/simulation/**'],
    rules: restrict(forbid.srcRenderer, forbid.ui, forbid.srcServer),
  },
  {
    files: ['src-renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        forbid.srcMain,
        forbid.srcServer,
        forbid.electron,
        forbid.node,
        forbid.electronUpdater,
      ),
    },
  },
  {
    // Only the platform adapter may look at the host's bridge object.
    files: ['src-renderer/**/*.{ts,tsx}'],
    ignores: ['src-renderer/platform/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='posko']",
          message: 'Reach the host through src-renderer/platform, never window.posko directly.',
        },
      ],
    },
  },
  {
    files: ['src-server/**/*.ts'],
    rules: restrict(
      forbid.srcMain,
      forbid.srcRenderer,
      forbid.electron,
      forbid.ui,
      forbid.electronUpdater,
    ),
  },
  {
    files: ['tests/**/*.{ts,tsx}', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
