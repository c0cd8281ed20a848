// `npm start`: the whole system on one machine. Builds Posko, starts the central server on
// embedded PGlite with demo data (./.posko-data), then opens the desktop app pointed at it; where
// the Electron binary cannot start (as on CI machines), says so in one line and serves the same
// app in the browser host instead. `npm run dev` (`--dev`) does the same with live reloading.
// Options: --no-build, --no-server, --reports N (demo reports on first start, default 5000).
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { createServer } from 'vite';
import { startBrowserHost } from './browser-host.mjs';
import { electronBinary } from './electron-binary.cjs';

const root = resolve(import.meta.dirname, '..');
/** @param {string} pkg @param {string} file */
const packageBin = (pkg, file) => resolve(root, 'node_modules', pkg, file);
const argv = process.argv.slice(2);
const isDev = argv.includes('--dev');
const skipBuild = isDev || argv.includes('--no-build');
const withServer = !argv.includes('--no-server');
const reportsIndex = argv.indexOf('--reports');
const reports = reportsIndex >= 0 ? Number(argv[reportsIndex + 1]) : 5000;
const appPort = Number(process.env['POSKO_PORT'] ?? 5173);
const serverPort = Number(process.env['POSKO_SERVER_PORT'] ?? 8787);
const serverUrl = `http://127.0.0.1:${String(serverPort)}`;
const electronVite = packageBin('electron-vite', 'bin/electron-vite.js');

if (!Number.isInteger(reports) || reports < 0) {
  console.error('--reports takes a whole number of demo reports, e.g. --reports 20000');
  process.exit(2);
}

if (!skipBuild) {
  const build = spawnSync(process.execPath, [electronVite, 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

/** @type {import('node:child_process').ChildProcess | null} */
let server = null;

/** Starts the central server with demo data and resolves once it answers its health check. */
async function startCentralServer() {
  const args = [
    '--import',
    'tsx',
    'src-server/cli.ts',
    '--port',
    String(serverPort),
    '--data',
    '.posko-data',
  ];
  args.push('--seed', 'demo', '--reports', String(reports), '--log-level', 'warn');
  console.log(
    `Starting the Posko server on ${serverUrl} (demo data: ${String(reports)} reports on first start)…`,
  );
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
  server = child;
  const exited = new Promise((_, reject) => {
    child.once('exit', (code) => {
      reject(new Error(`the server exited with code ${String(code)} before it was ready`));
    });
  });
  const deadline = Date.now() + 10 * 60_000;
  const healthy = (async () => {
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`${serverUrl}/api/v1/health`);
        if (response.ok) return;
      } catch {
        // Not listening yet (migrating or seeding).
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error('the server did not answer within 10 minutes');
  })();
  await Promise.race([healthy, exited]);
}

function stopServer() {
  if (server && server.exitCode === null) server.kill('SIGTERM');
}
process.on('SIGINT', () => {
  stopServer();
  process.exit(130);
});
process.on('SIGTERM', () => {
  stopServer();
  process.exit(143);
});

if (withServer) {
  try {
    await startCentralServer();
  } catch (error) {
    console.error(`Posko server: ${error instanceof Error ? error.message : String(error)}`);
    stopServer();
    process.exit(1);
  }
}

const electron = electronBinary();
if ('path' in electron) {
  const env = { ...process.env, ...(withServer ? { POSKO_SERVER_URL: serverUrl } : {}) };
  const child = isDev
    ? spawn(process.execPath, [electronVite, 'dev'], { cwd: root, stdio: 'inherit', env })
    : spawn(electron.path, ['.'], { cwd: root, stdio: 'inherit', env });
  child.on('exit', (code) => {
    stopServer();
    process.exit(code ?? 0);
  });
} else {
  let url;
  if (isDev) {
    const vite = await createServer({
      configFile: resolve(root, 'vite.renderer.config.ts'),
      server: { port: appPort },
    });
    await vite.listen();
    url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${String(appPort)}/`;
  } else {
    ({ url } = await startBrowserHost({ port: appPort }));
  }
  const appUrl = withServer ? `${url}?server=${encodeURIComponent(serverUrl)}` : url;
  console.log(
    `Electron cannot start here (${electron.reason}); Posko is served in the browser host at ${appUrl}`,
  );
  if (withServer) console.log('Demo sign-in: admin / posko-demo (other roles: see README).');
}
