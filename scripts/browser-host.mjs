// Serves the built renderer (out/renderer) as the browser host, on loopback, with Vite's preview
// server. Used by `npm start` where Electron cannot start, and by the end-to-end tests.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview } from 'vite';

const root = resolve(import.meta.dirname, '..');

/** Starts the browser host and resolves to its URL. */
export async function startBrowserHost({
  port = 5173,
  host = '127.0.0.1',
  strictPort = false,
} = {}) {
  const outDir = resolve(root, 'out/renderer');
  if (!existsSync(resolve(outDir, 'index.html'))) {
    throw new Error('out/renderer/index.html is missing: run `npm run build` first.');
  }
  const server = await preview({
    root,
    configFile: false,
    logLevel: 'warn',
    build: { outDir },
    preview: {
      host,
      port,
      strictPort,
      headers: {
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'X-Frame-Options': 'DENY',
      },
    },
  });
  const url = server.resolvedUrls?.local[0] ?? `http://${host}:${String(port)}/`;
  return { url, close: () => server.close() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const portArg = process.argv.indexOf('--port');
  const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 5173;
  const { url } = await startBrowserHost({ port, strictPort: portArg > 0 });
  console.log(`Posko browser host: ${url}`);
}
