// The bulk benchmarks of issue 6, in the same signed-in page as the inbox benchmarks: select all
// in the largest queue, and 1,000 unverified reports disposed as one batch — until the list shows
// it, and until the server has applied every one and the client has pulled them back. Driven
// through the UI (Ctrl+A, a shift-click range, `d`, the dialog); timed inside the page. Issue 7:
// 500 reports in progress answered with one template (`r`), until the batch is queued locally.
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
 * Opens `queue` and selects its first `n` reports (a click on the first checkbox, then a
 * shift-click on the n-th after scrolling to it); answers how many, and the queue's size.
 */
async function selectFirst(
  page: Page,
  queue: string,
  n: number,
): Promise<{ count: number; total: number }> {
  await page.waitForSelector(`[data-queue="${queue}"]`);
  await page.click(`[data-queue="${queue}"]`);
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
  return { count, total };
}

/**
 * Selects the first `n` reports of the unverified queue, disposes them to the first agency
 * matching `target` and times the batch. The undo window is set to 0 first, so the push starts
 * at once.
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
  const { count, total } = await selectFirst(page, 'unverified', n);
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

export interface BulkReplyTiming {
  /** Confirm → the batch queued locally (every reply rendered, one transaction), painted. */
  readonly localMs: number;
  /** Replies queued. */
  readonly count: number;
  /** Reports held back because their rendering left a value empty. */
  readonly held: number;
}

/**
 * A typical reply when the library offers no template to pick (self-contained: no snippets).
 * It lists the dispositions, so rendering reads each report's children as a real one does.
 */
const FALLBACK_REPLY = [
  'Yth. {{pelapor.sapaan}},',
  '',
  'Laporan Saudara nomor {{laporan.nomor}} perihal "{{laporan.judul}}" sedang ditangani oleh',
  '{{instansi.nama}}.{{#each disposisi}} Diteruskan kepada {{this.instansi}}.{{/each}}',
  'Hasil tindak lanjut kami sampaikan selambat-lambatnya pada {{batas_waktu}}.',
  '',
  'Hormat kami,',
  '{{petugas.nama}}',
].join('\n');

/**
 * Selects the first `n` reports in progress, opens bulk reply with `r`, takes the first template
 * matching `template` (or a typical source when the library offers none), checks it, and times
 * confirm → the batch queued locally: the worker renders every reply and writes the batch, its
 * outbox entries and optimistic rows in one transaction; the undo toast then shows it. The batch
 * is withdrawn afterwards (held by the undo window, nothing reaches the server).
 */
export async function timeBulkReply(
  page: Page,
  n: number,
  template: string,
): Promise<BulkReplyTiming> {
  const { count: selected } = await selectFirst(page, 'in_progress', n);
  await page.keyboard.press('r');
  await page.waitForSelector('dialog[open] .bulk-dialog[data-bulk-kind="reply"]');
  const search = await page.$('dialog[open] input[type="search"]');
  if (search === null) {
    await page.fill('dialog[open] textarea', FALLBACK_REPLY);
  } else {
    await search.fill(template);
    await page.keyboard.press('Enter');
  }
  const source = await page.$eval(
    'dialog[open] textarea',
    (area) => (area as HTMLTextAreaElement).value,
  );
  if (source.trim() === '') throw new Error(`no template matches "${template}"`);
  await page.click('dialog[open] .bulk-dialog form button[type="submit"]');
  await page.waitForSelector('[data-testid="bulk-confirm"]:not([disabled])', { timeout: 60_000 });
  // "Kirim tanggapan ke 480 laporan untuk disetujui · 20 ditahan"
  const numbers = ((await page.textContent('[data-testid="bulk-sentence"]')) ?? '')
    .match(/\d[\d.]*/g)
    ?.map(digitsOf) ?? [Number.NaN];
  const count = numbers[0] ?? Number.NaN;
  const held = numbers[1] ?? 0;
  if (Number.isNaN(count) || count + held > selected) {
    throw new Error(`the confirmation names ${String(count)} replies for ${String(selected)}`);
  }
  const localMs = await page.evaluate(async () => {
    const w = window as unknown as BulkWindow;
    const confirm = document.querySelector<HTMLButtonElement>('[data-testid="bulk-confirm"]');
    if (confirm === null) throw new Error('no confirm button');
    const start = performance.now();
    confirm.click();
    await w.__bench.until(
      () => document.querySelector('[data-testid="undo-toast"]') !== null,
      60_000,
    );
    await w.__bench.nextFrame();
    return performance.now() - start;
  });
  // Taken back while held: the demo server stays as seeded.
  await page.click('[data-testid="undo-toast"] button');
  await page.waitForSelector('[data-testid="undo-result"]');
  return { localMs, count, held };
}
