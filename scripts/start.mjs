// `npm start`: builds Posko and opens the desktop app; where the Electron binary cannot start
// (as on CI machines), says so in one line and serves the same app in the browser host.
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { startBrowserHost } from './browser-host.mjs';
import { electronBinary } from './electron-binary.cjs';

const root = resolve(import.meta.dirname, '..');
/** @param {string} pkg @param {string} file */
const packageBin = (pkg, file) => resolve(root, 'node_modules', pkg, file);
const skipBuild = process.argv.includes('--no-build');

if (!skipBuild) {
  const build = spawnSync(
    process.execPath,
    [packageBin('electron-vite', 'bin/electron-vite.js'), 'build'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const electron = electronBinary();
if ('path' in electron) {
  const child = spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const { url } = await startBrowserHost({ port: Number(process.env.POSKO_PORT ?? 5173) });
  console.log(
    `Electron cannot start here (${electron.reason}); Posko is served in the browser host at ${url}`,
  );
}
