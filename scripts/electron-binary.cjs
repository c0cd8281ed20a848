// Locates the Electron binary without triggering the electron package's on-demand download
// (which hangs or fails on machines without access to Electron's releases).
// CommonJS so both the Node scripts and Playwright's (CommonJS) test files can load it.
'use strict';
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

/**
 * `{ path }` of a runnable Electron binary, or `{ reason }` why there is none.
 * @returns {{ path: string } | { reason: string }}
 */
function electronBinary() {
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (override) {
    const path = join(override, executable ?? 'electron');
    return existsSync(path)
      ? { path }
      : { reason: `ELECTRON_OVERRIDE_DIST_PATH has no binary at ${path}` };
  }
  if (executable === null) {
    return { reason: 'the Electron binary was never downloaded (no access to its release host)' };
  }
  const path = join(packageDir, 'dist', executable);
  return existsSync(path) ? { path } : { reason: `the Electron binary is missing at ${path}` };
}

module.exports = { electronBinary };
