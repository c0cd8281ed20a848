// The list's selection gestures on top of the selection store: x toggles the report under the
// cursor, shift+j/k and shift-click add a range from the anchor, "select all" takes every report
// matching the query. Ranges come from the rows on screen when they are all there, else from the
// ids of the whole query in order (the rows of a long range are never fetched page by page).
import type { InboxQuery } from '../../../src-shared/inbox/queries';
import type { InboxService } from '../../sync/inbox-service';
import { rowAt, useInboxStore, WINDOW_SIZE, type ListWindow } from '../inbox/inbox-store';
import { rangeToIndex } from './range-selection';
import { useSelectionStore } from './selection-store';

// ---------------------------------------------------------------------------------------------
// The ids of the whole query, asked once per query and data generation

interface CachedIds {
  readonly service: InboxService;
  readonly key: string;
  readonly ids: Promise<readonly string[]>;
}

let cached: CachedIds | null = null;

/**
 * Every id matching the inbox's query, in list order: one `matchingIds` call per query (epoch)
 * and data generation, shared by select-all and ranges.
 */
export function listOrderIds(): Promise<readonly string[]> {
  const { service, query, epoch, generation } = useInboxStore.getState();
  if (service === null) return Promise.resolve([]);
  const key = `${String(epoch)}:${String(generation)}`;
  if (cached?.service !== service || cached.key !== key) {
    cached = { service, key, ids: askIds(service, query) };
  }
  return cached.ids;
}

function askIds(service: InboxService, query: InboxQuery): Promise<readonly string[]> {
  return service.matchingIds(query).catch((error: unknown) => {
    // A failed answer is not kept: the next gesture asks again.
    cached = null;
    throw error;
  });
}

/** Forgets the cached ids (tests; a new session). */
export function resetListOrderIds(): void {
  cached = null;
}

// ---------------------------------------------------------------------------------------------
// Rows already on screen

type Windows = Readonly<Record<number, ListWindow>>;

function loadedIndexOf(windows: Windows, id: string): number | null {
  for (const [w, win] of Object.entries(windows)) {
    const i = win.rows.findIndex((row) => row.id === id);
    if (i >= 0) return Number(w) * WINDOW_SIZE + i;
  }
  return null;
}

/** The ids of rows `from`..`to` (inclusive, any order) if every one is loaded, else null. */
function loadedIds(windows: Windows, from: number, to: number): string[] | null {
  const ids: string[] = [];
  for (let index = Math.min(from, to); index <= Math.max(from, to); index++) {
    const row = rowAt({ windows }, index);
    if (row === undefined) return null;
    ids.push(row.id);
  }
  return ids;
}

// ---------------------------------------------------------------------------------------------
// Gestures

/** x: selects or unselects the report under the cursor (the first one when there is none). */
export function toggleCurrent(): void {
  const inbox = useInboxStore.getState();
  if (inbox.selectedIndex === null) inbox.selectIndex(0);
  const id = useInboxStore.getState().selectedId;
  if (id !== null) useSelectionStore.getState().toggle(id);
}

/**
 * Adds the reports from the anchor to row `targetIndex` (shift-click, shift+j/k). With no anchor
 * yet, `fallbackAnchorId` starts the range (the cursor's report), else the target alone is added.
 */
export async function selectRangeTo(
  targetIndex: number,
  fallbackAnchorId: string | null = null,
): Promise<void> {
  const { windows } = useInboxStore.getState();
  const selection = useSelectionStore.getState();
  const anchorId = selection.anchorId ?? fallbackAnchorId;
  const target = rowAt({ windows }, targetIndex);
  if (anchorId === null) {
    if (target !== undefined && !selection.ids.has(target.id)) selection.toggle(target.id);
    return;
  }
  const anchorIndex = loadedIndexOf(windows, anchorId);
  const onScreen = anchorIndex === null ? null : loadedIds(windows, anchorIndex, targetIndex);
  if (onScreen !== null) {
    useSelectionStore.getState().addRange(onScreen);
    return;
  }
  const ids = await listOrderIds();
  useSelectionStore.getState().addRange(rangeToIndex(ids, anchorId, targetIndex));
}

/**
 * shift+j / shift+k: moves the cursor by `delta` and adds the range from the anchor (the report
 * the cursor left, when nothing is selected yet) to the cursor's new row.
 */
export async function extendSelection(delta: number): Promise<void> {
  const inbox = useInboxStore.getState();
  if (inbox.total === null || inbox.total === 0) return;
  if (inbox.selectedIndex === null) {
    inbox.selectIndex(0);
    toggleCurrent();
    return;
  }
  const from = inbox.selectedId;
  const selection = useSelectionStore.getState();
  // The report under the cursor joins the selection and starts the range.
  if (selection.anchorId === null && from !== null && !selection.ids.has(from)) {
    selection.toggle(from);
  }
  inbox.moveSelection(delta);
  const to = useInboxStore.getState().selectedIndex;
  if (to === null) return;
  await selectRangeTo(to, from);
}

/** Selects every report matching the query (all of them, not the rows on screen): one call. */
export async function selectAllMatching(): Promise<void> {
  const ids = await listOrderIds();
  useSelectionStore.getState().replace(ids);
}
