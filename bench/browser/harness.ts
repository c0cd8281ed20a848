// The moving parts of the browser benchmarks: a demo server with N reports, the built renderer
// served cross-origin isolated (so `performance.measureUserAgentSpecificMemory` can count the
// sync worker's heap too), and a headless Chromium. Loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const { CHROMIUM_ARGS, INSTALL_HINT, findChromium } =
  require('../../scripts/find-chromium.cjs') as {
    CHROMIUM_ARGS: string[];
    INSTALL_HINT: string;
    findChromium: () => string | null;
  };

export interface DemoServer {
  readonly url: string;
  /** How long seeding took (generator + start), ms. */
  readonly startMs: number;
  close(): Promise<void>;
}

/** Starts `src-server/cli.ts` on a free loopback port with the demo seed and `reports` reports. */
export async function startDemoServer(reports: number): Promise<DemoServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'posko-bench-browser-'));
  const started = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      'src-server/cli.ts',
      '--port',
      '0',
      '--data',
      dataDir,
      '--seed',
      'demo',
      '--reports',
      String(reports),
      '--log-level',
      'warn',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolvePromise, reject) => {
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(buffered);
      if (match?.[1] !== undefined) resolvePromise(match[1]);
    });
    child.on('exit', (code) => {
      reject(new Error(`the demo server exited (${String(code)}) before listening:\n${buffered}`));
    });
  });
  return {
    url,
    startMs: Date.now() - started,
    async close() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticHost {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves out/renderer with COOP/COEP so the page is cross-origin isolated. */
export async function startIsolatedHost(): Promise<StaticHost> {
  const dir = resolve(root, 'out/renderer');
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npm run build` first.');
  }
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) {
      response.writeHead(403).end();
      return;
    }
    if (!existsSync(file) || statSync(file).isDirectory()) file = join(dir, 'index.html');
    response.writeHead(200, {
      'content-type': mimeTypes[extname(file)] ?? 'application/octet-stream',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
      'cross-origin-resource-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => {
          r();
        });
      }),
  };
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (executablePath === null) throw new Error(INSTALL_HINT);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

/** Signs in over HTTP and returns a session token (for the floor measurement). */
export async function apiToken(serverUrl: string, username: string, password: string) {
  const response = await fetch(`${serverUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!response.ok) throw new Error(`login failed: HTTP ${String(response.status)}`);
  return ((await response.json()) as { token: string }).token;
}

/** Pulls everything once from Node (warms the server's caches before anything is timed). */
export async function warmPull(serverUrl: string, token: string): Promise<number> {
  let cursor = 0;
  let rows = 0;
  for (;;) {
    const response = await fetch(`${serverUrl}/api/v1/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ cursor, limit: 1000 }),
    });
    const page = (await response.json()) as { rows: unknown[]; cursor: number; hasMore: boolean };
    rows += page.rows.length;
    cursor = page.cursor;
    if (!page.hasMore) return rows;
  }
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? Number.NaN;
}
