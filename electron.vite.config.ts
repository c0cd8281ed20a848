// Build layout: out/main (main process), out/preload (sandboxed preload, fully bundled, CJS),
// out/renderer (the React app, also served as-is by the browser host).
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import rendererConfig from './vite.renderer.config';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rolldownOptions: { input: { index: resolve(import.meta.dirname, 'src-main/index.ts') } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can require nothing but 'electron': bundle everything else.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src-main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs' },
      },
    },
  },
  renderer: rendererConfig,
});
