// Bulk disposition and keyboard-first triage end to end (issue 6), by keyboard only — no mouse
// event is sent: triage a queue of 20 reports one key at a time, bulk-dispose 50 picked as a
// range, undo (nothing reaches the server), redo, then offline bulk-archive 30 and come back
// online. The server ends with exactly the final state, and the batch results say so.
import { expect, test, type Page } from '@playwright/test';
import {
  SCREENS,
  apiToken,
  blockServer,
  fileReport,
  pendingCount,
  serverState,
  waitSynced,
  type Filed,
  PASSWORD,
  SERVER,
} from './e2e-support';

test.use({ viewport: { width: 1400, height: 900 } });

const grid = (page: Page) => page.getByRole('grid', { name: /Daftar laporan|Laporan/ });

/** Files `n` reports whose titles share one searchable word. */
async function fileMany(word: string, n: number): Promise<Filed[]> {
  const filed: Filed[] = [];
  for (let i = 1; i <= n; i++) {
    filed.push(await fileReport(`Pelayanan puskesmas lambat ${word} nomor ${String(i)}`));
  }
  return filed;
}

/** Signs in typing into the form; Enter submits. */
async function signInByKeyboard(page: Page, username: string): Promise<void> {
  await page.goto(`/?server=${encodeURIComponent(SERVER)}`);
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(PASSWORD);
  await page.getByLabel('Kata sandi').press('Enter');
  await expect(page.getByText(/^Masuk sebagai /)).toBeVisible();
}

/** Not in a text field: the keys go to the app's commands. */
async function leaveField(page: Page): Promise<void> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
  });
}

/** `g u`, then `/`, the word, and ArrowDown: the unverified queue filtered to `word`, focused. */
async function showUnverified(page: Page, word: string, count: number): Promise<void> {
  await leaveField(page);
  await page.keyboard.press('g');
  await page.keyboard.press('u');
  await expect(page.locator('nav [data-queue="unverified"]')).toHaveAttribute(
    'aria-current',
    'page',
  );
  await page.keyboard.press('/');
  await page.keyboard.type(word);
  await page.keyboard.press('ArrowDown');
  await expect(grid(page)).toBeFocused();
  await expect(grid(page)).toHaveAttribute('aria-rowcount', String(count + 1));
}

async function statusesOf(reports: readonly Filed[]): Promise<Record<string, number>> {
  const state = await serverState(await apiToken('admin'));
  const counts: Record<string, number> = {};
  for (const report of reports) {
    const status = state.report(report.reportId)?.status ?? 'missing';
    counts[status] = (counts[status] ?? 0) + 1;
  }
  return counts;
}

/** How many audit events of `action` each report has on the server. */
async function auditCounts(reports: readonly Filed[], action: string): Promise<number[]> {
  const state = await serverState(await apiToken('admin'));
  return reports.map(
    (report) =>
      state.of('audit_event', report.reportId).filter((e) => e['action'] === action).length,
  );
}

test('triages 20 reports, then bulk-disposes 50, undoes, redoes and bulk-archives 30 offline, by keyboard only', async ({
  page,
  context,
}) => {
  test.setTimeout(240_000);
  const stamp = Date.now().toString(36);
  const triageWord = `triase${stamp}`;
  const bulkWord = `massal${stamp}`;
  const archiveWord = `arsip${stamp}`;
  const triaged = await fileMany(triageWord, 20);
  const disposed = await fileMany(bulkWord, 50);
  const archived = await fileMany(archiveWord, 30);
  await page.mouse.move(0, 0); // The pointer rests in a corner: nothing below is clicked.

  await signInByKeyboard(page, 'admin');
  await waitSynced(page);

  // 1. Triage mode: each `d`, a typed target and Enter disposes one report and opens the next.
  await showUnverified(page, triageWord, 20);
  await page.keyboard.press('Shift+T');
  await expect(page.getByTestId('triage-status')).toContainText('1 dari 20');
  for (let i = 0; i < 20; i++) {
    // The next report is open (its actions registered) before the key is pressed.
    await expect(page.getByTestId('triage-status')).toContainText(`${String(i + 1)} dari 20`);
    await expect(page.locator('[data-detail-report-id] .action-bar')).toBeVisible();
    await leaveField(page);
    await page.keyboard.press('d');
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await page.keyboard.type('kesehatan');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
  }
  await expect(page.getByTestId('triage-status')).toContainText(/selesai/i);
  await page.screenshot({ path: `${SCREENS}/triage.png` });
  await expect.poll(() => statusesOf(triaged), { timeout: 30_000 }).toEqual({ disposed: 20 });

  // 2. Bulk dispose 50 chosen as a range: x on the first row, Shift+J to the 50th.
  await showUnverified(page, bulkWord, 50);
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  for (let i = 1; i < 50; i++) await page.keyboard.press('Shift+J');
  await expect(page.getByTestId('bulk-count')).toContainText('50');
  await page.keyboard.press('d');
  await page.keyboard.type('kesehatan');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('bulk-sentence')).toContainText('50');
  await expect(page.getByTestId('bulk-skipped-count')).toHaveText('0');
  await page.screenshot({ path: `${SCREENS}/bulk-confirm.png` });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('undo-toast')).toBeVisible();
  await expect(grid(page)).toBeHidden(); // all 50 left the queue: the list is empty
  await page.screenshot({ path: `${SCREENS}/bulk-undo-toast.png` });

  // Undo while the batch is held: nothing was sent, the 50 are back, unverified.
  await leaveField(page);
  await page.keyboard.press('z');
  await expect(page.getByTestId('undo-result')).toContainText('tidak ada yang terkirim');
  await expect(grid(page)).toHaveAttribute('aria-rowcount', '51');
  expect(await statusesOf(disposed)).toEqual({ unverified: 50 });

  // Redo: a new batch, sent once the undo window has passed.
  await leaveField(page);
  await page.keyboard.press('Shift+Z');
  await expect(grid(page)).toBeHidden();
  await expect.poll(() => statusesOf(disposed), { timeout: 40_000 }).toEqual({ disposed: 50 });
  // Exactly one disposition each: the withdrawn batch never reached the server.
  expect(await auditCounts(disposed, 'verify_dispose')).toEqual(disposed.map(() => 1));

  // 3. Offline: select all 30 (Ctrl+A) and archive them; they wait in the outbox.
  await blockServer(context);
  await showUnverified(page, archiveWord, 30);
  await page.keyboard.press('Control+A');
  await expect(page.getByTestId('bulk-count')).toContainText('30');
  await page.keyboard.press('e');
  const reason = page.getByRole('dialog').getByRole('combobox').first();
  await expect(reason).toBeFocused();
  await page.keyboard.press('ArrowDown'); // wrong_format → too_general
  await expect(reason).toHaveValue('too_general');
  // Tab to the check button, then Enter; Enter again confirms.
  const check = page.getByRole('dialog').getByRole('button', { name: 'Periksa' });
  for (let i = 0; i < 5; i++) {
    if (await check.evaluate((button) => button === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await expect(check).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('bulk-sentence')).toContainText('30');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('undo-toast')).toBeVisible();
  await expect(pendingCount(page)).toHaveText(/30/, { timeout: 20_000 });
  expect(await statusesOf(archived)).toEqual({ unverified: 30 });

  // 4. Back online: the outbox drains; the server has exactly the final state.
  await context.unroute(`${SERVER}/**`);
  await expect(pendingCount(page)).toHaveCount(0, { timeout: 60_000 });
  expect(await statusesOf(archived)).toEqual({ archived: 30 });
  expect(await statusesOf(disposed)).toEqual({ disposed: 50 });
  expect(await statusesOf(triaged)).toEqual({ disposed: 20 });
  expect(await auditCounts(archived, 'archive')).toEqual(archived.map(() => 1));

  // The result summary matches: opened from the command palette.
  await leaveField(page);
  await page.keyboard.press('Control+K');
  await page.keyboard.type('hasil tindakan massal');
  await page.keyboard.press('Enter');
  const results = page.getByTestId('batch-results');
  await expect(results).toBeVisible();
  const batches = results.locator('[data-testid^="batch-result-"]');
  const archiveBatch = batches.filter({ hasText: /Arsip/i }).first();
  await expect(archiveBatch.getByTestId('batch-applied-count')).toHaveText('30');
  await expect(archiveBatch.getByTestId('batch-superseded-count')).toHaveText('0');
  await expect(archiveBatch.getByTestId('batch-rejected-count')).toHaveText('0');
  const disposeBatch = batches.filter({ hasText: /Disposisi/i }).first();
  await expect(disposeBatch.getByTestId('batch-applied-count')).toHaveText('50');
  await page.screenshot({ path: `${SCREENS}/bulk-results.png` });
});
