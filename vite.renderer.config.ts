// The renderer's Vite config, shared by the Electron build (electron.vite.config.ts) and the
// browser host's development server (`npm run dev` where Electron cannot start).
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { Plugin, UserConfig } from 'vite';
import pkg from './package.json' with { type: 'json' };

// The renderer's own CSP, for the browser host; Electron's app:// handler adds a stricter header
// (connect-src narrowed to the configured servers). Only in builds: dev tooling injects inline code.
const rendererCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' http: https:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

function cspMetaTag(): Plugin {
  return {
    name: 'posko-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: rendererCsp },
        injectTo: 'head-prepend',
      },
    ],
  };
}

const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'src-renderer'),
  base: './',
  plugins: [react(), cspMetaTag()],
  define: { __POSKO_VERSION__: JSON.stringify(pkg.version) },
  // The sync worker (src-renderer/sync/sync-worker.ts) is a module worker: an ES chunk of its own,
  // loaded from 'self' (CSP worker-src), no blob: URL needed.
  worker: { format: 'es' },
  build: {
    // electron-vite leaves output unminified; the browser host serves it over a network.
    minify: true,
    outDir: resolve(import.meta.dirname, 'out/renderer'),
    emptyOutDir: true,
    rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src-renderer/index.html') } },
  },
  server: { host: '127.0.0.1', strictPort: false },
};

export default rendererConfig;
