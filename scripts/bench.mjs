// `npm run bench`: the benchmark suite. Benchmarks arrive with the offline inbox (issue 5); until
// then this says so, and still writes bench/results/latest.json so tooling has a stable file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
};
mkdirSync(resolve(root, 'bench/results'), { recursive: true });
writeFileSync(
  resolve(root, 'bench/results/latest.json'),
  `${JSON.stringify({ at: new Date().toISOString(), machine, results: {} }, null, 2)}\n`,
);
console.log(
  'no benchmarks yet (they arrive with the offline inbox); wrote bench/results/latest.json',
);
