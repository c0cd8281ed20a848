// The inbox benchmarks of issue 5, in Chromium with real IndexedDB against a demo server on
// loopback: time to usable, initial sync against its floor, queue switch, search, opening a
// report, scrolling, renderer heap and an offline action. Everything is driven through the UI;
// latencies are measured inside the page (performance.now, from the input event until the rows
// are in the DOM and a frame has been painted).
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { queueIds } from '../../src-shared/inbox/queries';
import { timeBulkDispose, timeBulkReply, timeSelectAll } from './bulk-bench';
import { measureFloorInPage } from './floor';
import {
  apiToken,
  launchChromium,
  percentile,
  startDemoServer,
  startIsolatedHost,
  warmPull,
} from './harness';

export type Record = (key: string, value: number, unit: string, name: string) => void;

/** The province's coordinator sees every report of the demo province. */
const USER = 'koordinator';
const PASSWORD = 'posko-demo';
/** Replies need someone who answers: Kota Sukamaju's liaison officer (the largest city). */
const REPLY_USER = 'penghubung';

interface Settled {
  epoch: number;
  firstId: string | null;
  total: number;
}

/**
 * tsx compiles this file with esbuild's keepNames, which wraps named functions in `__name(…)`;
 * the functions handed to page.evaluate carry those calls into the page, where this defines it.
 */
const KEEP_NAMES_SHIM = 'window.__name = (fn) => fn;';

/** Helpers installed in the page: wait for the list to show a newer query's first screen. */
const pageHelpers = `
window.__bench = {
  settled() {
    const grid = document.querySelector('.report-list__scroller');
    const empty = document.querySelector('.report-list__empty');
    if (grid === null) return null;
    const epoch = Number(grid.getAttribute('data-epoch') ?? '-1');
    const busy = grid.getAttribute('aria-busy') === 'true';
    const first = grid.querySelector('[data-report-id]');
    if (busy) return null;
    if (first === null && empty === null) return null;
    const total = Number(grid.getAttribute('aria-rowcount') ?? '1') - 1;
    return { epoch, firstId: first === null ? null : first.getAttribute('data-report-id'), total };
  },
  /** The start of the next frame: the one that paints what is in the DOM now. */
  async nextFrame() {
    await new Promise((r) => requestAnimationFrame(r));
  },
  /** Resolves when check() is true, checked on every DOM change (no polling delay). */
  until(check, timeoutMs) {
    return new Promise((resolve, reject) => {
      const now = check();
      if (now) return resolve(now);
      const observer = new MutationObserver(() => {
        const value = check();
        if (value) { observer.disconnect(); clearTimeout(timer); resolve(value); }
      });
      const timer = setTimeout(() => { observer.disconnect(); reject(new Error('timed out waiting for the page')); }, timeoutMs);
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  },
  /** Resolves with ms from start until a query newer than epoch has rendered (and painted). */
  async timeUntilNewer(start, epoch, timeoutMs = 10000) {
    const settled = await window.__bench.until(() => {
      const s = window.__bench.settled();
      return s !== null && s.epoch > epoch ? s : null;
    }, timeoutMs);
    await window.__bench.nextFrame();
    return { ms: performance.now() - start, settled };
  },
};
`;

async function settled(page: Page): Promise<Settled | null> {
  return page.evaluate(() => (window as unknown as BenchWindow).__bench.settled());
}

interface BenchWindow {
  __bench: {
    settled(): Settled | null;
    until<T>(check: () => T, timeoutMs: number): Promise<T>;
    nextFrame(): Promise<void>;
    timeUntilNewer(
      start: number,
      epoch: number,
      timeoutMs?: number,
    ): Promise<{ ms: number; settled: Settled }>;
  };
}

/** Clicks a queue in the sidebar and times it until its first screen is rendered. */
async function timeQueueSwitch(page: Page, queue: string): Promise<number> {
  return page.evaluate(async (id) => {
    const w = window as unknown as BenchWindow;
    const before = w.__bench.settled()?.epoch ?? -1;
    const button = document.querySelector<HTMLButtonElement>(`[data-queue="${id}"]`);
    // Clicking the queue on screen asks nothing new: not a switch.
    if (button === null || button.getAttribute('aria-current') === 'page') return Number.NaN;
    const start = performance.now();
    button.click();
    return (await w.__bench.timeUntilNewer(start, before)).ms;
  }, queue);
}

async function timeSearch(page: Page, text: string): Promise<number> {
  return page.evaluate(async (query) => {
    const w = window as unknown as BenchWindow;
    const input = document.querySelector<HTMLInputElement>('input[type="search"]');
    if (input === null) throw new Error('no search box');
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const before = w.__bench.settled()?.epoch ?? -1;
    const start = performance.now();
    setValue?.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    return (await w.__bench.timeUntilNewer(start, before)).ms;
  }, text);
}

async function clearSearch(page: Page): Promise<void> {
  await timeSearch(page, '');
}

async function timeOpenReport(page: Page, index: number): Promise<number> {
  return page.evaluate(async (i) => {
    const rows = document.querySelectorAll<HTMLElement>('.report-list__scroller [data-report-id]');
    const row = rows[i % rows.length];
    if (row === undefined) return Number.NaN;
    const id = row.getAttribute('data-report-id');
    const start = performance.now();
    row.click();
    const w = window as unknown as BenchWindow;
    await w.__bench.until(
      () =>
        document.querySelector('[data-detail-report-id]')?.getAttribute('data-detail-report-id') ===
        id,
      10000,
    );
    await w.__bench.nextFrame();
    return performance.now() - start;
  }, index);
}

/** Flings through the list for `ms`, returning every frame's duration. */
async function scrollFrames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(async (duration) => {
    const grid = document.querySelector<HTMLElement>('.report-list__scroller');
    if (grid === null) return [];
    const frames: number[] = [];
    let last = performance.now();
    const end = last + duration;
    let direction = 1;
    await new Promise<void>((resolve) => {
      const step = (now: number) => {
        frames.push(now - last);
        last = now;
        if (grid.scrollTop + grid.clientHeight >= grid.scrollHeight - 10) direction = -1;
        if (grid.scrollTop <= 0) direction = 1;
        grid.scrollTop += direction * 2400;
        if (now < end) requestAnimationFrame(step);
        else resolve();
      };
      requestAnimationFrame(step);
    });
    return frames.slice(1);
  }, ms);
}

async function signIn(
  page: Page,
  hostUrl: string,
  serverUrl: string,
  user = USER,
): Promise<number> {
  await page.goto(`${hostUrl}?server=${encodeURIComponent(serverUrl)}`);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', PASSWORD);
  await page.evaluate(pageHelpers);
  const started = Date.now();
  await page.click('button[type=submit]');
  return started;
}

async function waitForInitialSync(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    () => {
      const progress = document.querySelector('[data-testid="initial-sync"]');
      const last = document.querySelector('[data-testid="last-sync"]');
      // "Belum pernah sinkronisasi" until the first complete pull; then "Sinkron …".
      return progress === null && last !== null && !/Belum/.test(last.textContent);
    },
    undefined,
    { timeout: timeoutMs, polling: 100 },
  );
}

/** Visits every queue until each shows its first screen; resolves when all have. */
async function waitUntilUsable(page: Page, queues: readonly string[]): Promise<void> {
  const pending = new Set(queues);
  while (pending.size > 0) {
    for (const queue of [...pending]) {
      const ok = await page.evaluate(async (id) => {
        const w = window as unknown as BenchWindow;
        const button = document.querySelector<HTMLButtonElement>(`[data-queue="${id}"]`);
        if (button === null) return false;
        const count = document.querySelector(`[data-testid="count-${id}"]`);
        if (count === null) return false; // counts not known yet
        const expected = Number(count.textContent.replace(/[^0-9]/g, ''));
        if (button.getAttribute('aria-current') === 'page') {
          const now = w.__bench.settled();
          return now !== null && (expected === 0 || now.firstId !== null);
        }
        const before = w.__bench.settled()?.epoch ?? -1;
        button.click();
        try {
          const { settled } = await w.__bench.timeUntilNewer(performance.now(), before, 5000);
          return expected === 0 || settled.firstId !== null;
        } catch {
          return false;
        }
      }, queue);
      if (ok) pending.delete(queue);
    }
  }
}

export async function benchInboxInBrowser(reports: number, record: Record): Promise<void> {
  const label = `${String(reports / 1000)}k`;
  console.log(`Browser inbox (${label} reports, Chromium, IndexedDB)`);
  const server = await startDemoServer(reports);
  const host = await startIsolatedHost();
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const token = await apiToken(server.url, USER, PASSWORD);
    const rows = await warmPull(server.url, token);
    console.log(`  server ready: ${String(rows)} rows to sync`);

    // The floor, in a page of the same origin (fresh context).
    const floorContext = await browser.newContext();
    await floorContext.addInitScript({ content: KEEP_NAMES_SHIM });
    const floorPage = await floorContext.newPage();
    await floorPage.goto(host.url);
    const floor = await floorPage.evaluate(measureFloorInPage, {
      serverUrl: server.url,
      token,
      pageSize: 1000,
    });
    await floorContext.close();

    // The app, from an empty store.
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.addInitScript({ content: KEEP_NAMES_SHIM });
    // The helpers survive a reload (the bulk benchmark reloads to change the undo window).
    await context.addInitScript({ content: pageHelpers });
    const page = await context.newPage();
    const started = await signIn(page, host.url, server.url);
    await page.waitForSelector('[data-queue]', { timeout: 60_000 });
    const queues = await page.$$eval('[data-queue]', (buttons) =>
      buttons.map((b) => b.getAttribute('data-queue') ?? ''),
    );
    await waitUntilUsable(page, queues);
    const usable = (Date.now() - started) / 1000;
    record('time_to_usable_s', usable, 's', 'time to usable (every queue browsable)');
    await waitForInitialSync(page, 30 * 60_000);
    const initial = (Date.now() - started) / 1000;
    record('initial_sync_s', initial, 's', 'initial sync (complete offline copy)');
    record('initial_sync_floor_s', floor.seconds, 's', 'initial sync floor (fetch + bare put)');
    record('initial_sync_ratio', initial / floor.seconds, '×', 'initial sync ÷ floor');

    // Let the worker persist its snapshot before measuring steady-state latencies.
    await page.waitForTimeout(1000);

    const switches: number[] = [];
    const statusQueues = queues.filter((q) => queueIds.includes(q as never));
    for (const sort of ['breach', 'arrival', 'agency', 'category']) {
      await page.selectOption('.list-toolbar__sort select', sort);
      for (let round = 0; round < 2; round++) {
        for (const queue of statusQueues) switches.push(await timeQueueSwitch(page, queue));
      }
    }
    await page.selectOption('.list-toolbar__sort select', 'breach');
    const timed = switches.filter((ms) => !Number.isNaN(ms));
    record('queue_switch_p95_ms', percentile(timed, 95), 'ms', 'queue/sort switch p95');
    record('queue_switch_p50_ms', percentile(timed, 50), 'ms', 'queue/sort switch p50');

    await timeQueueSwitch(page, 'completed');
    const searches: number[] = [];
    const queries = [
      'jalan',
      'sampah menumpuk',
      'puskesmas',
      'pen',
      'banjir rob',
      'guru hon',
      'air bersih',
      'kartu',
    ];
    const sample = await settled(page);
    for (let round = 0; round < 3; round++) {
      for (const query of queries) {
        searches.push(await timeSearch(page, query));
        await clearSearch(page);
      }
      if (sample?.firstId) {
        const tracking = await page.$eval(
          `[data-report-id="${sample.firstId}"] .report-row__tracking`,
          (cell) => cell.textContent,
        );
        searches.push(await timeSearch(page, tracking));
        await clearSearch(page);
      }
    }
    record('search_p95_ms', percentile(searches, 95), 'ms', 'search p95');

    const opens: number[] = [];
    for (let i = 0; i < 30; i++) opens.push(await timeOpenReport(page, i * 3));
    record('open_report_p95_ms', percentile(opens, 95), 'ms', 'open report p95');

    await timeQueueSwitch(page, 'completed');
    const frames = await scrollFrames(page, 3000);
    record('scroll_frame_p95_ms', percentile(frames, 95), 'ms', 'scroll frame p95');

    const heapBytes = await page.evaluate(async () => {
      const measure = (
        performance as unknown as {
          measureUserAgentSpecificMemory?: () => Promise<{ bytes: number }>;
        }
      ).measureUserAgentSpecificMemory;
      if (!crossOriginIsolated || measure === undefined) return Number.NaN;
      return (await measure.call(performance)).bytes;
    });
    record('renderer_heap_mb', heapBytes / 2 ** 20, 'MB', 'renderer heap incl. sync worker');

    const offline = await timeOfflineAction(page, context);
    record('offline_action_ms', offline, 'ms', 'offline disposition visible in list');

    // Select all in the largest queue (the issue asks for a 100,000 queue; no queue holds every
    // report, so the largest one is used and its size recorded beside the time).
    const largest = await page.$$eval(
      '[data-testid^="count-"]',
      (cells) =>
        cells
          .map((cell) => ({
            queue: (cell.getAttribute('data-testid') ?? '').slice('count-'.length),
            rows: Number(cell.textContent.replace(/[^0-9]/g, '') || '0'),
          }))
          .sort((a, b) => b.rows - a.rows)[0],
    );
    if (largest !== undefined) {
      await timeQueueSwitch(page, largest.queue);
      const selections: number[] = [];
      let rows = 0;
      for (let i = 0; i < 5; i++) {
        const selected = await timeSelectAll(page);
        selections.push(selected.ms);
        rows = selected.rows;
      }
      record(
        `select_all_${label}_ms`,
        percentile(selections, 50),
        'ms',
        `select all (${String(rows)} rows)`,
      );
      record('select_all_rows', rows, 'rows', 'rows in the largest queue');
    }

    const bulk = await timeBulkDispose(page, 1000, 'kesehatan');
    record(
      `bulk_dispose_${String(bulk.count)}_local_ms`,
      bulk.localMs,
      'ms',
      'bulk dispose visible in list',
    );
    record(
      `bulk_dispose_${String(bulk.count)}_push_ms`,
      bulk.pushMs,
      'ms',
      'bulk dispose applied by the server',
    );
    record(
      `bulk_dispose_${String(bulk.count)}_synced_ms`,
      bulk.syncedMs,
      'ms',
      'bulk dispose applied and pulled back',
    );
    await context.close();

    // Bulk reply (issue 7), in a page of the liaison officer's own (their copy: the city's).
    const replyContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await replyContext.addInitScript({ content: KEEP_NAMES_SHIM });
    await replyContext.addInitScript({ content: pageHelpers });
    const replyPage = await replyContext.newPage();
    await signIn(replyPage, host.url, server.url, REPLY_USER);
    await waitForInitialSync(replyPage, 30 * 60_000);
    const reply = await timeBulkReply(replyPage, 500, 'sedang diproses');
    record(
      `bulk_reply_${String(reply.count)}_local_ms`,
      reply.localMs,
      'ms',
      `bulk reply rendered and queued locally (${String(reply.held)} held back; target ≤ 500 ms)`,
    );
    await replyContext.close();
  } finally {
    await browser?.close();
    await host.close();
    await server.close();
  }
}

/** Offline: verify + dispose the first unverified report, timed until it leaves the list. */
async function timeOfflineAction(page: Page, context: BrowserContext): Promise<number> {
  await context.setOffline(true);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    await timeQueueSwitch(page, 'unverified');
    const first = await settled(page);
    if (first?.firstId == null) break;
    await page.click(`[data-report-id="${first.firstId}"]`);
    await page.waitForSelector(`[data-detail-report-id="${first.firstId}"]`);
    await page.getByRole('button', { name: /^Verifikasi & disposisi/ }).click();
    await page.waitForSelector('dialog[open] select[size]');
    await page.selectOption('dialog[open] select[size]', { index: 0 });
    const ms = await page.evaluate(async (id) => {
      const confirm = document.querySelector<HTMLButtonElement>('dialog[open] button[type=submit]');
      if (confirm === null) throw new Error('no confirm button');
      const start = performance.now();
      confirm.click();
      const w = window as unknown as BenchWindow;
      await w.__bench.until(
        () => document.querySelector(`.report-list__scroller [data-report-id="${id}"]`) === null,
        10000,
      );
      await w.__bench.nextFrame();
      return performance.now() - start;
    }, first.firstId);
    samples.push(ms);
  }
  await context.setOffline(false);
  return percentile(samples, 50);
}
