// `npm run bench [-- --quick] [--no-browser] [--no-build]`: builds the renderer, then runs the
// benchmark suite in bench/run.ts with tsx. It prints a table
// and writes bench/results/latest.json; the exit code is the suite's.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
// The browser benchmarks measure the built renderer: build it first unless told not to.
if (!args.includes('--no-browser') && !args.includes('--no-build')) {
  const vite = resolve(root, 'node_modules/electron-vite/bin/electron-vite.js');
  const built = spawnSync(process.execPath, [vite, 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}
const tsx = resolve(root, 'node_modules/tsx/dist/cli.mjs');
const child = spawnSync(
  process.execPath,
  [tsx, 'bench/run.ts', ...args.filter((a) => a !== '--no-build')],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(child.status ?? 1);
