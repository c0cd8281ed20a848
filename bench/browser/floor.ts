// The initial-sync floor (issue 5): the same pull pages fetched with bare `fetch`, pipelined (two
// pages fetched ahead) with one bare `put` transaction per page into one unindexed object store,
// every row one record. Runs inside the page (passed to page.evaluate), so it must not close over
// anything: everything it needs comes in `args`.

export interface FloorArgs {
  readonly serverUrl: string;
  readonly token: string;
  readonly pageSize: number;
}

export interface FloorResult {
  readonly seconds: number;
  readonly rows: number;
}

export async function measureFloorInPage(args: FloorArgs): Promise<FloorResult> {
  const dbName = `posko-bench-floor-${String(Date.now())}`;
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(dbName, 1);
    open.onupgradeneeded = () => {
      open.result.createObjectStore('rows');
    };
    open.onsuccess = () => {
      resolve(open.result);
    };
    open.onerror = () => {
      reject(open.error ?? new Error('open failed'));
    };
  });

  interface Page {
    rows: { entity: string; id: string }[];
    cursor: number;
    hasMore: boolean;
  }
  const fetchPage = async (cursor: number): Promise<Page> => {
    const response = await fetch(`${args.serverUrl}/api/v1/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${args.token}` },
      body: JSON.stringify({ cursor, limit: args.pageSize }),
    });
    return (await response.json()) as Page;
  };
  const writePage = (page: Page): Promise<void> =>
    new Promise((resolve, reject) => {
      const tx = db.transaction('rows', 'readwrite');
      const store = tx.objectStore('rows');
      for (const row of page.rows) store.put(row, `${row.entity}:${row.id}`);
      tx.oncomplete = () => {
        resolve();
      };
      tx.onerror = () => {
        reject(tx.error ?? new Error('write failed'));
      };
    });

  const started = performance.now();
  let rows = 0;
  // Cursor pagination: page n+1's cursor is only known from page n, so "fetching ahead" means
  // the next request is in flight while earlier pages are still being written.
  const writes: Promise<void>[] = [];
  let page = await fetchPage(0);
  for (;;) {
    const next = page.hasMore ? fetchPage(page.cursor) : null;
    rows += page.rows.length;
    writes.push(writePage(page));
    if (writes.length > 2) await writes.shift();
    if (next === null) break;
    page = await next;
  }
  await Promise.all(writes);
  const seconds = (performance.now() - started) / 1000;
  db.close();
  indexedDB.deleteDatabase(dbName);
  return { seconds, rows };
}
