// Shared by the end-to-end specs: the real central server seen through its API (filing reports as
// a citizen, signing in, pulling what a user may see) and the app's landmarks as an operator
// finds them (queues, rows, the detail pane, the status bar).
import { mkdirSync } from 'node:fs';
import { expect, type BrowserContext, type Page, type Route } from '@playwright/test';

export const SERVER = `http://127.0.0.1:${process.env['POSKO_E2E_SERVER_PORT'] ?? '4318'}`;
export const API = `${SERVER}/api/v1`;
export const PASSWORD = 'posko-demo';
export const SCREENS = 'test-results/screens';
mkdirSync(SCREENS, { recursive: true });

// ---------------------------------------------------------------------------------------------
// The server, seen through its API

export interface Filed {
  readonly reportId: string;
  readonly trackingId: string;
  readonly title: string;
}

let citizens = 0;

/**
 * Files a complaint as a citizen would; it lands unverified in Kota Sukamaju's queue. Each call
 * comes from another citizen's address (the e2e server trusts X-Forwarded-For, as behind a load
 * balancer), so many filings stay within the per-address filing limit.
 */
export async function fileReport(
  title: string,
  body = `Isi laporan uji: ${title}.`,
): Promise<Filed> {
  citizens += 1;
  const address = `10.${String(process.pid % 250)}.${String(Math.floor(citizens / 250))}.${String(citizens % 250)}`;
  const response = await fetch(`${API}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({
      title,
      body,
      location: { text: 'Jl. Merdeka No. 1, Kota Sukamaju' },
      type: 'pengaduan',
      channel: 'web',
      privacy: { rahasia: false, anonim: false },
      reporter: { name: 'Warga Uji', phone: '081234567890' },
      targetAgencyId: 'kota-sukamaju',
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const filed = (await response.json()) as { reportId: string; trackingId: string };
  return { reportId: filed.reportId, trackingId: filed.trackingId, title };
}

export async function apiToken(username: string): Promise<string> {
  const response = await fetch(`${API}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

export interface Row {
  entity: string;
  id: string;
  data: Record<string, unknown>;
}
export interface ServerReport {
  id: string;
  status: string;
  agencyId: string;
  unitId: string | null;
  assigneeId: string | null;
  categoryId: string | null;
  tags: string[];
  privacy: { rahasia: boolean; anonim: boolean };
  title: string;
  body: string;
}
export interface ServerState {
  report(id: string): ServerReport | undefined;
  /** Rows of `entity` that belong to the report (notes, audit events, dispositions). */
  of(entity: string, reportId: string): Record<string, unknown>[];
}

/** Everything the user may see, pulled from cursor 0 to the end, newest version of each row. */
export async function serverState(token: string): Promise<ServerState> {
  const rows = new Map<string, Row>();
  for (let cursor = 0; ;) {
    const response = await fetch(`${API}/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ cursor, limit: 5000 }),
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as {
      rows: (Row | { entity: string; id: string; deleted: true })[];
      cursor: number;
      hasMore: boolean;
    };
    for (const row of page.rows) {
      const key = `${row.entity}:${row.id}`;
      if ('deleted' in row) rows.delete(key);
      else rows.set(key, row);
    }
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  return {
    report: (id) => rows.get(`report:${id}`)?.data as ServerReport | undefined,
    of: (entity, reportId) =>
      [...rows.values()]
        .filter((row) => row.entity === entity && row.data['reportId'] === reportId)
        .map((row) => row.data),
  };
}

// ---------------------------------------------------------------------------------------------
// The app, driven as an operator would

export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto(`/?server=${encodeURIComponent(SERVER)}`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByText(/^Masuk sebagai /)).toBeVisible();
}

/** The complete local copy: the status bar says "Sinkron …" and no initial sync is running. */
export async function waitSynced(page: Page): Promise<void> {
  await expect(page.getByTestId('last-sync')).toHaveText(/^Sinkron /, { timeout: 30_000 });
  await expect(page.getByRole('progressbar')).toHaveCount(0);
}

export const queue = (page: Page, id: string) => page.locator(`nav [data-queue="${id}"]`);
export const row = (page: Page, report: Filed) =>
  page.locator(`[role="row"][data-report-id="${report.reportId}"]`);
export const detail = (page: Page) => page.getByRole('region', { name: 'Rincian laporan' });

export const pendingCount = (page: Page) => page.getByTestId('pending-count');

/** Cuts the app off from the central server while the app's own host stays reachable. */
export async function blockServer(context: BrowserContext): Promise<void> {
  await context.route(`${SERVER}/**`, (route: Route) => route.abort('internetdisconnected'));
}

let pushClients = 0;

/**
 * Sends mutations to the server as `username` would from a fresh client (its own client id, ids
 * from 1), for setting up a scene the test then works in; every one must be applied.
 */
export async function pushAs(
  username: string,
  mutations: readonly { name: string; args: Record<string, unknown> }[],
): Promise<void> {
  pushClients += 1;
  const clientId = `e2e-setup-${String(process.pid)}-${String(pushClients)}`;
  const token = await apiToken(username);
  const response = await fetch(`${API}/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      clientId,
      mutations: mutations.map((m, i) => ({
        clientId,
        id: i + 1,
        baseVersion: Number.MAX_SAFE_INTEGER,
        at: Date.now(),
        name: m.name,
        args: m.args,
      })),
    }),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  const body = (await response.json()) as { results: { status: string; error?: unknown }[] };
  expect(body.results.map((r) => r.status)).toEqual(mutations.map(() => 'applied'));
}
