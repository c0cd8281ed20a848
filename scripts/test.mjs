// `npm test`: unit + integration tests (Vitest), then the end-to-end suites (Playwright) against a
// fresh build. Exits non-zero on any failure; the last line is `N passed, N failed[, N skipped]`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { findChromium, INSTALL_HINT } from './find-chromium.cjs';

const root = resolve(import.meta.dirname, '..');
/** @param {string} pkg @param {string} file */
const packageBin = (pkg, file) => resolve(root, 'node_modules', pkg, file);
const results = resolve(root, 'test-results');
mkdirSync(results, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
let broken = false;

/**
 * Runs a Node script from the repository root with inherited output; returns its exit status.
 * @param {string} label
 * @param {string} script
 * @param {string[]} args
 * @param {Record<string, string>} [env]
 */
function run(label, script, args, env = {}) {
  console.log(`\n=== ${label} ===`);
  const child = spawnSync(process.execPath, [script, ...args], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return child.status ?? 1;
}

/**
 * A JSON report file, or null when it is missing or unreadable.
 * @param {string} path
 * @returns {any}
 */
function readJson(path) {
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

// 1. Vitest: unit and integration.
const vitestJson = resolve(results, 'vitest.json');
rmSync(vitestJson, { force: true });
const vitestStatus = run('unit + integration (vitest)', packageBin('vitest', 'vitest.mjs'), [
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${vitestJson}`,
]);
const vitest = readJson(vitestJson);
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests;
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (vitestStatus !== 0 && (!vitest || vitest.numFailedTests === 0)) broken = true;

// 2. End-to-end: needs a Chromium and a build of the app.
const chromium = findChromium();
if (!chromium) {
  console.error(`\n${INSTALL_HINT}`);
  broken = true;
} else {
  const buildStatus = run(
    'build (electron-vite)',
    packageBin('electron-vite', 'bin/electron-vite.js'),
    ['build'],
  );
  if (buildStatus !== 0) {
    broken = true;
  } else {
    const pwJson = resolve(results, 'playwright.json');
    rmSync(pwJson, { force: true });
    const pwStatus = run(
      'end-to-end (playwright)',
      packageBin('@playwright/test', 'cli.js'),
      ['test', '--reporter=list,json'],
      {
        PLAYWRIGHT_JSON_OUTPUT_NAME: pwJson,
        POSKO_CHROMIUM: chromium,
      },
    );
    const pw = readJson(pwJson);
    if (pw) {
      totals.passed += pw.stats.expected + pw.stats.flaky;
      totals.failed += pw.stats.unexpected;
      totals.skipped += pw.stats.skipped;
    }
    if (pwStatus !== 0 && (!pw || pw.stats.unexpected === 0)) broken = true;
  }
}

if (broken) totals.failed = Math.max(totals.failed, 1);
const skipped = totals.skipped > 0 ? `, ${String(totals.skipped)} skipped` : '';
console.log(`\n${String(totals.passed)} passed, ${String(totals.failed)} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
