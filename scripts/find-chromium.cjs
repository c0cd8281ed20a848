// Finds a Chromium for the end-to-end tests: Playwright's own download if present, else Debian's.
// CommonJS so both the Node scripts and Playwright's (CommonJS) config can load it.
'use strict';
const { existsSync } = require('node:fs');

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

const INSTALL_HINT =
  'No Chromium found for the end-to-end tests. Install one with `apt-get install -y chromium` ' +
  '(Debian/Ubuntu) or `npx playwright install chromium`, or set POSKO_CHROMIUM to its path.';

/**
 * The path of a Chromium executable, or null when none is installed.
 * @returns {string | null}
 */
function findChromium() {
  const fromEnv = process.env['POSKO_CHROMIUM'];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  try {
    /** @type {{ chromium: { executablePath(): string } }} */
    const playwright = require('@playwright/test');
    const own = playwright.chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright without its browser download: fall through to the system's.
  }
  for (const candidate of [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

module.exports = { CHROMIUM_ARGS, INSTALL_HINT, findChromium };
