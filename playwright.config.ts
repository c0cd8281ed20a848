// End-to-end tests: the browser host in Chromium (always), and the Electron app where its binary
// exists (skipped with a printed reason otherwise).
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.cjs';

const BROWSER_HOST_PORT = Number(process.env['POSKO_E2E_PORT'] ?? 4317);
/** The real central server the end-to-end tests sign in to (fresh demo data each run). */
export const E2E_SERVER_PORT = Number(process.env['POSKO_E2E_SERVER_PORT'] ?? 4318);
const executablePath = findChromium();

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results/artifacts',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env['CI']),
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${String(BROWSER_HOST_PORT)}/`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'browser-host',
      testMatch: 'e2e/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        launchOptions: { ...(executablePath ? { executablePath } : {}), args: CHROMIUM_ARGS },
      },
    },
    {
      name: 'electron',
      testMatch: 'e2e-electron/**/*.spec.ts',
    },
  ],
  webServer: [
    {
      command: `node scripts/browser-host.mjs --port ${String(BROWSER_HOST_PORT)}`,
      url: `http://127.0.0.1:${String(BROWSER_HOST_PORT)}/`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `node scripts/e2e-server.mjs ${String(E2E_SERVER_PORT)}`,
      url: `http://127.0.0.1:${String(E2E_SERVER_PORT)}/api/v1/health`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
  ],
});
