// The central server for the end-to-end tests: a fresh embedded database on every run, seeded
// with the demo province and a few reports, on the loopback port given as the first argument.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const port = process.argv[2] ?? '4318';
const dataDir = resolve(root, 'test-results/e2e-server-data');
rmSync(dataDir, { recursive: true, force: true });
// The server creates its data folder but not the folders above it (a fresh clone has none).
mkdirSync(resolve(root, 'test-results'), { recursive: true });

const args = ['--import', 'tsx', 'src-server/cli.ts', '--port', port, '--data', dataDir];
// Tests file reports from many citizens' addresses (X-Forwarded-For), as behind a load balancer.
args.push('--seed', 'demo', '--reports', '60', '--log-level', 'warn', '--trust-proxy');
const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code) => process.exit(code ?? 0));
