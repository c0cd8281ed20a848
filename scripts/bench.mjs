// `npm run bench [-- --quick]`: the benchmark suite in bench/run.ts, run with tsx. It prints a table
// and writes bench/results/latest.json; the exit code is the suite's.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const tsx = resolve(root, 'node_modules/tsx/dist/cli.mjs');
const child = spawnSync(process.execPath, [tsx, 'bench/run.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(child.status ?? 1);
