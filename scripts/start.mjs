// `npm start`: builds Posko and opens the desktop app; where the Electron binary cannot start
// (as on CI machines), says so in one line and serves the same app in the browser host.
// `npm run dev` (`--dev`): the same with live reloading (electron-vite dev, or Vite's dev server).
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { startBrowserHost } from './browser-host.mjs';
import { electronBinary } from './electron-binary.cjs';

const root = resolve(import.meta.dirname, '..');
/** @param {string} pkg @param {string} file */
const packageBin = (pkg, file) => resolve(root, 'node_modules', pkg, file);
const isDev = process.argv.includes('--dev');
const skipBuild = isDev || process.argv.includes('--no-build');
const port = Number(process.env['POSKO_PORT'] ?? 5173);
const electronVite = packageBin('electron-vite', 'bin/electron-vite.js');

if (!skipBuild) {
  const build = spawnSync(process.execPath, [electronVite, 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const electron = electronBinary();
if ('path' in electron) {
  const args = isDev ? [electronVite, 'dev'] : [];
  const child = isDev
    ? spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
    : spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  let url;
  if (isDev) {
    const server = await createServer({
      configFile: resolve(root, 'vite.renderer.config.ts'),
      server: { port },
    });
    await server.listen();
    url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${String(port)}/`;
  } else {
    ({ url } = await startBrowserHost({ port }));
  }
  console.log(
    `Electron cannot start here (${electron.reason}); Posko is served in the browser host at ${url}`,
  );
}
