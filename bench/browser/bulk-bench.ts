// The bulk benchmarks of issue 6, in the same signed-in page as the inbox benchmarks: select all
// in the largest queue, and 1,000 unverified reports disposed as one batch — until the list shows
// it, and until the server has applied every one and the client has pulled them back. Driven
// through the UI (Ctrl+A, a shift-click range, `d`, the dialog); timed inside the page.
import type { Page } from '@playwright/test';

/** The undo window in seconds, as the settings screen stores it (0: batches are not held). */
const UNDO_WINDOW_KEY = 'posko.undoWindowSeconds';

interface BulkWindow {
  __bench: {
    until<T>(check: () => T, timeoutMs: number): Promise<T>;
    nextFrame(): Promise<void>;
  };
}

/** Reads a number shown with Indonesian digit grouping ("1.234 dipilih" → 1234). */
const digitsOf = (text: string | null | undefined): number =>
  Number((text ?? '').replace(/[^0-9]/g, '') || 'NaN');

/** Ctrl+A in the queue on screen, timed until the selection count shows every report. */
export async function timeSelectAll(page: Page): Promise<{ ms: number; rows: number }> {
  const result = await page.evaluate(async () => {
    const w = window as unknown as BulkWindow;
    const grid = document.querySelector<HTMLElement>('.report-list__scroller');
    if (grid === null) throw new Error('no list');
    const total = Number(grid.getAttribute('aria-rowcount') ?? '1') - 1;
    grid.focus();
    const start = performance.now();
    window.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'a', code: 'KeyA', ctrlKey: true, bubbles: true }),
    );
    await w.__bench.until(() => {
      const shown = document.querySelector('[data-testid="selection-count"]')?.textContent;
      return Number((shown ?? '').replace(/[^0-9]/g, '') || 'NaN') === total;
    }, 30_000);
    await w.__bench.nextFrame();
    return { ms: performance.now() - start, rows: total };
  });
  await page.keyboard.press('Escape');
  return result;
}

export interface BulkDisposeTiming {
  /** Confirm → the list without the reports, painted. */
  readonly localMs: number;
  /** Then → the server has applied every one (the batch's results say so). */
  readonly pushMs: number;
  /** Then → nothing pending: applied and pulled back into the local copy. */
  readonly syncedMs: number;
  readonly count: number;
}

/**
 * Selects the first `n` reports of the unverified queue (a click on the first checkbox, then a
 * shift-click on the n-th after scrolling to it), disposes them to the first agency matching
 * `target` and times the batch. The undo window is set to 0 first, so the push starts at once.
 */
export async function timeBulkDispose(
  page: Page,
  n: number,
  target: string,
): Promise<BulkDisposeTiming> {
  await page.evaluate((key) => {
    localStorage.setItem(key, '0');
  }, UNDO_WINDOW_KEY);
  await page.reload();
  await page.waitForSelector('[data-queue="unverified"]');
  await page.click('[data-queue="unverified"]');
  await page.waitForSelector('.report-list__scroller [data-report-id]');
  const total = await page.$eval('.report-list__scroller', (grid) =>
    Number(grid.getAttribute('aria-rowcount') ?? '1'),
  );
  const count = Math.min(n, total - 1);
  await page.click('.report-list__scroller [aria-rowindex="2"] .report-row__checkbox');
  await page.$eval(
    '.report-list__scroller',
    (grid, index) => {
      grid.scrollTop = index * 36;
    },
    count - 1,
  );
  const last = `.report-list__scroller [aria-rowindex="${String(count + 1)}"] .report-row__checkbox`;
  await page.waitForSelector(last);
  await page.click(last, { modifiers: ['Shift'] });
  await page.waitForFunction(
    (expected) =>
      Number(
        (document.querySelector('[data-testid="bulk-count"]')?.textContent ?? '').replace(
          /[^0-9]/g,
          '',
        ),
      ) === expected,
    count,
  );
  await page.keyboard.press('d');
  await page.waitForSelector('dialog[open] input[type="search"]');
  await page.keyboard.type(target);
  await page.keyboard.press('Enter');
  await page.waitForSelector('[data-testid="bulk-confirm"]:not([disabled])', { timeout: 60_000 });
  const shown = digitsOf(await page.textContent('[data-testid="bulk-sentence"]'));
  if (shown !== count) throw new Error(`the confirmation names ${String(shown)} reports`);
  const timing = await page.evaluate(
    async ({ before, expected }) => {
      const w = window as unknown as BulkWindow;
      const confirm = document.querySelector<HTMLButtonElement>('[data-testid="bulk-confirm"]');
      if (confirm === null) throw new Error('no confirm button');
      const start = performance.now();
      confirm.click();
      await w.__bench.until(() => {
        const grid = document.querySelector('.report-list__scroller');
        const rows = Number(grid?.getAttribute('aria-rowcount') ?? '1');
        return grid !== null && rows <= before;
      }, 60_000);
      await w.__bench.nextFrame();
      const shownAt = performance.now();
      // Applied: the batch's results (Hasil massal) count every report applied by the server.
      await w.__bench.until(
        () => document.querySelector('[data-testid="batch-results-open"]') !== null,
        60_000,
      );
      document.querySelector<HTMLButtonElement>('[data-testid="batch-results-open"]')?.click();
      await w.__bench.until(() => {
        const first = document.querySelector('[data-testid^="batch-result-"]');
        const applied = first?.querySelector('[data-testid="batch-applied-count"]')?.textContent;
        return Number((applied ?? '').replace(/[^0-9]/g, '') || 'NaN') === expected;
      }, 120_000);
      const appliedAt = performance.now();
      // Synced: nothing pending any more (the client has pulled the server's rows back).
      await w.__bench.until(
        () => document.querySelector('[data-testid="pending-count"]') === null,
        120_000,
      );
      return {
        localMs: shownAt - start,
        pushMs: appliedAt - shownAt,
        syncedMs: performance.now() - shownAt,
      };
    },
    { before: total - count, expected: count },
  );
  await page.evaluate((key) => {
    localStorage.removeItem(key);
  }, UNDO_WINDOW_KEY);
  return { ...timing, count };
}
