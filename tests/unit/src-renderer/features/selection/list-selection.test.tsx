// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { ListToolbar } from '../../../../../src-renderer/features/inbox/ListToolbar';
import { ReportList } from '../../../../../src-renderer/features/inbox/ReportList';
import { useSelectionStore } from '../../../../../src-renderer/features/selection/selection-store';
import type { InboxQuery } from '../../../../../src-shared/inbox/queries';
import {
  attach,
  click,
  fakeService,
  makeReports,
  mount,
  press,
  run,
  text,
  type Mounted,
} from '../inbox/inbox-fixtures';

let mounted: Mounted | null = null;
let detach: (() => void) | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  detach?.();
  detach = null;
});

const grid = () => document.querySelector('[role="grid"]') as HTMLElement;
const row = (id: string) => document.querySelector(`[role="row"][data-report-id="${id}"]`);
const checkbox = (id: string) => row(id)?.querySelector('input[type="checkbox"]') ?? null;
const selectedIds = () => [...useSelectionStore.getState().ids].sort();
const checkedRows = () =>
  Array.from(document.querySelectorAll('[role="row"][data-selected="true"]')).map((r) =>
    r.getAttribute('data-report-id'),
  );
const id = (i: number) => `r-${String(i).padStart(6, '0')}`;

/** The service with its matchingIds calls counted. */
function countingService(count: number) {
  const service = fakeService({ reports: makeReports(count) });
  const calls: InboxQuery[] = [];
  const original = service.matchingIds.bind(service);
  service.matchingIds = (query) => {
    calls.push(query);
    return original(query);
  };
  return { service, calls };
}

async function mountList(count: number) {
  const { service, calls } = countingService(count);
  detach = await attach(service);
  mounted = await mount(
    <>
      <ListToolbar filtersOpen={false} onToggleFilters={() => undefined} />
      <ReportList onOpen={() => undefined} />
    </>,
  );
  return { service, calls };
}

describe('selection in the report list', () => {
  it('toggles a report with its checkbox and with x, apart from the cursor', async () => {
    await mountList(5);
    expect(grid().getAttribute('aria-multiselectable')).toBe('true');
    await click(checkbox(id(2)));
    expect(row(id(2))?.getAttribute('aria-selected')).toBe('true');
    expect(row(id(2))?.getAttribute('data-current')).toBeNull();
    expect((checkbox(id(2)) as HTMLInputElement).checked).toBe(true);
    expect(useInboxStore.getState().selectedIndex).toBeNull();

    await press(grid(), 'j');
    await press(grid(), 'x');
    expect(row(id(0))?.getAttribute('data-current')).toBe('true');
    expect(checkedRows()).toEqual([id(0), id(2)]);
    await press(grid(), 'x');
    expect(checkedRows()).toEqual([id(2)]);
    // A plain click on a row moves the cursor and leaves the selection as it is.
    await click(row(id(3)));
    expect(useInboxStore.getState().selectedId).toBe(id(3));
    expect(selectedIds()).toEqual([id(2)]);
  });

  it('adds a range with shift-click and extends it with Shift+J and Shift+K', async () => {
    await mountList(10);
    await click(checkbox(id(1)));
    await click(row(id(4)), { shiftKey: true });
    expect(checkedRows()).toEqual([id(1), id(2), id(3), id(4)]);
    // Ctrl+click toggles one report.
    await click(row(id(8)), { ctrlKey: true });
    expect(selectedIds()).toEqual([id(1), id(2), id(3), id(4), id(8)]);

    await run(() => {
      useSelectionStore.getState().clear();
    });
    await press(grid(), 'j'); // cursor on the first report
    await press(grid(), 'J', { shiftKey: true });
    await press(grid(), 'J', { shiftKey: true });
    expect(selectedIds()).toEqual([id(0), id(1), id(2)]);
    expect(useInboxStore.getState().selectedIndex).toBe(2);
    await press(grid(), 'End');
    await press(grid(), 'K', { shiftKey: true });
    expect(selectedIds()).toEqual([id(0), id(1), id(2), id(3), id(4), id(5), id(6), id(7), id(8)]);
  });

  it('resolves a range over rows never loaded with one matchingIds call', async () => {
    const { calls } = await mountList(10_000);
    await click(checkbox(id(0)));
    await press(grid(), 'End');
    await press(grid(), 'K', { shiftKey: true });
    expect(useInboxStore.getState().selectedIndex).toBe(9_998);
    const ids = useSelectionStore.getState().ids;
    expect(ids.size).toBe(9_999);
    expect(ids.has(id(5_000))).toBe(true);
    expect(ids.has(id(9_999))).toBe(false);
    expect(calls).toHaveLength(1);
    // Rendered rows stay a window's worth.
    expect(document.querySelectorAll('[role="row"][data-report-id]').length).toBeLessThanOrEqual(
      60,
    );
  });

  it('selects every report of the queue with one matchingIds call and shows the count', async () => {
    const { calls } = await mountList(1_234);
    expect(document.querySelector('[data-testid="selection-count"]')).toBeNull();
    await click(checkbox(id(0)));
    expect(text(document.querySelector('[data-testid="selection-count"]'))).toBe('1 dipilih');
    const selectAll = document.querySelector('[data-testid="select-all"]');
    expect(text(selectAll)).toBe('Pilih semua 1.234 di antrean ini');
    await click(selectAll);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.queue).toBe('unverified');
    expect(useSelectionStore.getState().ids.size).toBe(1_234);
    expect(text(document.querySelector('[data-testid="selection-count"]'))).toBe('1.234 dipilih');
    expect(document.querySelector('[data-testid="select-all"]')).toBeNull();

    await press(document.body, 'Escape');
    expect(useSelectionStore.getState().ids.size).toBe(0);
    expect(document.querySelector('[data-testid="selection-count"]')).toBeNull();

    await press(document.body, 'a', { ctrlKey: true });
    expect(useSelectionStore.getState().ids.size).toBe(1_234);
    // The same query and data: the ids were asked once.
    expect(calls).toHaveLength(1);
  });

  it('keeps the selection through sorting, filtering and searching', async () => {
    await mountList(5);
    await click(checkbox(id(0)));
    await click(checkbox(id(4)));
    await run(() => {
      useInboxStore.getState().setDirection('desc');
    });
    expect(checkedRows()).toEqual([id(4), id(0)]);
    await run(() => {
      useInboxStore.getState().setSearchText('1900004');
      useInboxStore.getState().flushSearch();
    });
    expect(useInboxStore.getState().total).toBe(1);
    expect(checkedRows()).toEqual([id(4)]);
    expect(selectedIds()).toEqual([id(0), id(4)]);
    expect(text(document.querySelector('[data-testid="selection-count"]'))).toBe('2 dipilih');
    await run(() => {
      useInboxStore.getState().setQueue('archived');
    });
    expect(selectedIds()).toEqual([id(0), id(4)]);
  });
});
