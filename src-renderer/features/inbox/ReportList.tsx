// The report list: a virtualized grid (fixed row height; only the rows in view plus an overscan
// are in the DOM; windows are fetched by offset as the operator scrolls), driven by the keyboard.
// The cursor (the report open in the detail pane) moves with ↑/↓, PageUp/PageDown, Home/End in
// the grid, and with j/k from anywhere; Enter or o opens it. The multi-selection for bulk actions
// is a separate set of ids: a checkbox per row, x, Shift+J/K, shift-click, Esc clears.
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
} from 'react';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import { reportStatusLabelKey } from '../../../src-shared/domain/report-status';
import { useT, type Translate } from '../../i18n/i18n';
import { EmptyState } from '../../ui/EmptyState';
import { useCommands, type Command } from '../commands/command-registry';
import { queueLabelKey } from '../queues/queue-definitions';
import {
  extendSelection,
  selectAllMatching,
  selectRangeTo,
  toggleCurrent,
} from '../selection/list-selection';
import { useSelectionStore } from '../selection/selection-store';
import { hasActiveFilters, rowAt, useInboxStore } from './inbox-store';
import { PendingMarker } from './PendingMarker';
import { nameOf, referenceMaps } from './reference-maps';
import { SlaBadge } from './SlaBadge';
import { breachOutlook, rowSlaReport } from './sla-outlook';

/** The list's grid element: the search box hands focus to it (ArrowDown). */
export const REPORT_GRID_ID = 'inbox-report-grid';
export const ROW_HEIGHT = 36;
export const OVERSCAN = 10;
/** Used until the list is measured (and where layout is unavailable, as in unit tests). */
const FALLBACK_VIEWPORT = 720;

export const rowDomId = (index: number) => `report-row-${String(index)}`;

/** How a click on a row or its checkbox changes the cursor and the selection. */
export type RowClick =
  /** A plain click on the row: the cursor moves there (the detail pane shows it). */
  | 'cursor'
  /** A click on the checkbox, or Ctrl/Cmd+click on the row: the report joins or leaves. */
  | 'toggle'
  /** Shift+click: the reports from the anchor to this one join. */
  | 'range';

function rowClickOf(event: MouseEvent, onCheckbox: boolean): RowClick {
  if (event.shiftKey) return 'range';
  if (onCheckbox || event.ctrlKey || event.metaKey) return 'toggle';
  return 'cursor';
}

function rowClassName(isCurrent: boolean, isChecked: boolean): string {
  let name = 'report-row';
  if (isCurrent) name += ' report-row--current';
  if (isChecked) name += ' report-row--checked';
  return name;
}

const Row = memo(function Row({
  row,
  index,
  isCurrent,
  isChecked,
  agencyName,
  now,
  onClick,
  onOpen,
}: {
  row: ReportListRow | undefined;
  index: number;
  /** The cursor's row (the report open in the detail pane). */
  isCurrent: boolean;
  /** In the multi-selection. */
  isChecked: boolean;
  agencyName: string;
  now: number;
  onClick: (index: number, id: string, click: RowClick) => void;
  onOpen: () => void;
}) {
  const t = useT();
  const style = { top: index * ROW_HEIGHT, height: ROW_HEIGHT };
  if (row === undefined) {
    return (
      <div
        role="row"
        id={rowDomId(index)}
        aria-rowindex={index + 2}
        aria-busy="true"
        data-current={isCurrent ? 'true' : undefined}
        className={rowClassName(isCurrent, false) + ' report-row--loading'}
        style={style}
      >
        <span role="gridcell" />
        <span role="gridcell" className="report-row__loading">
          {t('inbox.loadingRow')}
        </span>
      </div>
    );
  }
  return (
    <div
      role="row"
      id={rowDomId(index)}
      aria-rowindex={index + 2}
      // A multi-select grid: aria-selected is the selection; the cursor is the active descendant.
      aria-selected={isChecked}
      data-report-id={row.id}
      data-selected={isChecked ? 'true' : undefined}
      data-current={isCurrent ? 'true' : undefined}
      className={rowClassName(isCurrent, isChecked)}
      style={style}
      onClick={(event) => {
        onClick(index, row.id, rowClickOf(event, false));
      }}
      onDoubleClick={onOpen}
    >
      <span role="gridcell" className="report-row__check">
        <input
          type="checkbox"
          className="report-row__checkbox"
          checked={isChecked}
          aria-label={t('selection.row', { tracking: row.trackingId })}
          // The grid is the one tab stop (x selects from the keyboard); a click keeps focus there.
          tabIndex={-1}
          onMouseDown={(event) => {
            event.preventDefault();
          }}
          onClick={(event) => {
            event.stopPropagation();
            onClick(index, row.id, rowClickOf(event, true));
          }}
          onChange={() => undefined}
        />
      </span>
      <span role="gridcell" className="report-row__tracking">
        {row.trackingId}
      </span>
      <span role="gridcell" className="report-row__title" title={row.title}>
        {row.title}
      </span>
      <span role="gridcell" className="report-row__agency" title={agencyName}>
        {agencyName}
      </span>
      <span role="gridcell" className="report-row__status">
        {t(reportStatusLabelKey(row.status))}
      </span>
      <span role="gridcell" className="report-row__sla">
        <SlaBadge outlook={breachOutlook(rowSlaReport(row), now)} compact />
      </span>
      <span role="gridcell" className="report-row__pending">
        {row.pending && <PendingMarker />}
      </span>
    </div>
  );
});

/** The list's commands: the cursor (j, k, o) and the selection (x, Shift+J/K, Ctrl+A, Esc). */
function useListCommands(t: Translate, open: () => void, hasSelection: boolean): void {
  const commands: Command[] = [
    {
      id: 'list.next',
      group: 'navigation',
      label: t('commands.next'),
      keys: 'j',
      run: () => {
        useInboxStore.getState().moveSelection(1);
      },
    },
    {
      id: 'list.previous',
      group: 'navigation',
      label: t('commands.previous'),
      keys: 'k',
      run: () => {
        useInboxStore.getState().moveSelection(-1);
      },
    },
    {
      id: 'list.open',
      group: 'navigation',
      label: t('shortcuts.inbox.open'),
      keys: 'o',
      run: open,
    },
    {
      id: 'selection.toggle',
      group: 'selection',
      label: t('commands.toggleSelection'),
      keys: 'x',
      run: toggleCurrent,
    },
    {
      id: 'selection.extendDown',
      group: 'selection',
      label: t('commands.extendDown'),
      keys: 'shift+j',
      run: () => void extendSelection(1),
    },
    {
      id: 'selection.extendUp',
      group: 'selection',
      label: t('commands.extendUp'),
      keys: 'shift+k',
      run: () => void extendSelection(-1),
    },
    {
      id: 'selection.all',
      group: 'selection',
      label: t('commands.selectAll'),
      keys: 'ctrl+a',
      run: () => void selectAllMatching(),
    },
  ];
  // Esc is the dialogs' and the search box's too: it clears only a selection there is.
  if (hasSelection) {
    commands.push({
      id: 'selection.clear',
      group: 'selection',
      label: t('commands.clearSelection'),
      keys: 'escape',
      run: () => {
        useSelectionStore.getState().clear();
      },
    });
  }
  useCommands(commands, commands.map((c) => `${c.id}=${c.label}`).join('|'));
}

export function ReportList({ onOpen }: { onOpen: () => void }) {
  const t = useT();
  const query = useInboxStore((s) => s.query);
  const total = useInboxStore((s) => s.total);
  const windows = useInboxStore((s) => s.windows);
  const epoch = useInboxStore((s) => s.epoch);
  const selectedIndex = useInboxStore((s) => s.selectedIndex);
  const reference = useInboxStore((s) => s.reference);
  const now = useInboxStore((s) => s.now);
  const ensureRange = useInboxStore((s) => s.ensureRange);
  const selectIndex = useInboxStore((s) => s.selectIndex);
  const moveSelection = useInboxStore((s) => s.moveSelection);
  const clearFilters = useInboxStore((s) => s.clearFilters);
  const checkedIds = useSelectionStore((s) => s.ids);

  // The commands live as long as the list; they call the newest `onOpen`.
  const onOpenRef = useRef(onOpen);
  useLayoutEffect(() => {
    onOpenRef.current = onOpen;
  });
  useListCommands(
    t,
    () => {
      if (useInboxStore.getState().selectedIndex === null) selectIndex(0);
      onOpenRef.current();
    },
    checkedIds.size > 0,
  );
  const onRowClick = useCallback(
    (index: number, id: string, click: RowClick) => {
      switch (click) {
        case 'cursor':
          selectIndex(index);
          return;
        case 'toggle':
          useSelectionStore.getState().toggle(id);
          return;
        case 'range':
          void selectRangeTo(index);
          return;
      }
    },
    [selectIndex],
  );

  const scroller = useRef<HTMLDivElement>(null);
  // The scroll position belongs to one query: a new query (epoch) starts at the top.
  const [scroll, setScroll] = useState({ epoch, top: 0 });
  const [viewport, setViewport] = useState(FALLBACK_VIEWPORT);
  const scrollTop = scroll.epoch === epoch ? scroll.top : 0;
  const view = useRef({ scrollTop, viewport, epoch });
  useLayoutEffect(() => {
    view.current = { scrollTop, viewport, epoch };
  });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    const measure = () => {
      setViewport(element.clientHeight > 0 ? element.clientHeight : FALLBACK_VIEWPORT);
    };
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);

  useEffect(() => {
    if (scroller.current !== null) scroller.current.scrollTop = 0;
  }, [epoch]);

  // Keep the selected row in view, whichever key or click moved it.
  useEffect(
    () =>
      useInboxStore.subscribe((state, previous) => {
        const index = state.selectedIndex;
        if (index === null || index === previous.selectedIndex) return;
        const { scrollTop: top, viewport: height, epoch: current } = view.current;
        const rowTop = index * ROW_HEIGHT;
        // The sticky header covers the first row's height of the view.
        let next: number | null = null;
        if (rowTop < top) next = rowTop;
        else if (rowTop + 2 * ROW_HEIGHT > top + height) next = rowTop + 2 * ROW_HEIGHT - height;
        if (next === null) return;
        if (scroller.current !== null) scroller.current.scrollTop = next;
        setScroll({ epoch: current, top: next });
      }),
    [],
  );

  const count = total ?? 0;
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const lastInView = Math.ceil((scrollTop + viewport) / ROW_HEIGHT) + OVERSCAN;
  const last = total === null ? lastInView : Math.min(count - 1, lastInView);

  useEffect(() => {
    ensureRange(first, Math.max(first, last));
  }, [first, last, epoch, ensureRange]);

  const pageRows = Math.max(1, Math.floor(viewport / ROW_HEIGHT) - 1);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    // j, k, o, x and Shift+J/K are commands (they work from anywhere, not only in the grid).
    switch (event.key) {
      case 'ArrowDown':
        moveSelection(1);
        break;
      case 'ArrowUp':
        moveSelection(-1);
        break;
      case 'PageDown':
        moveSelection(pageRows);
        break;
      case 'PageUp':
        moveSelection(-pageRows);
        break;
      case 'Home':
        selectIndex(0);
        break;
      case 'End':
        selectIndex(count - 1);
        break;
      case 'Enter':
        if (selectedIndex === null) selectIndex(0);
        onOpen();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const maps = referenceMaps(reference);
  const rows = [];
  if (total !== null) {
    for (let index = first; index <= last; index++) {
      const row = rowAt({ windows }, index);
      rows.push(
        <Row
          key={index}
          row={row}
          index={index}
          isCurrent={index === selectedIndex}
          isChecked={row !== undefined && checkedIds.has(row.id)}
          agencyName={row === undefined ? '' : nameOf(maps.agencies, row.unitId ?? row.agencyId)}
          now={now}
          onClick={onRowClick}
          onOpen={onOpen}
        />,
      );
    }
  }

  const filtered = hasActiveFilters(query);
  return (
    <div className="report-list">
      {total === 0 ? (
        <div className="report-list__empty">
          {filtered ? (
            <>
              <EmptyState
                title={t('inbox.empty.filtered.title')}
                body={t('inbox.empty.filtered.body')}
              />
              <button type="button" className="button" onClick={clearFilters}>
                {t('filters.clearAll')}
              </button>
            </>
          ) : (
            <EmptyState
              title={t('inbox.empty.title', { queue: t(queueLabelKey(query.queue)) })}
              body={t(`inbox.empty.${query.queue}`)}
            />
          )}
        </div>
      ) : null}
      <div
        ref={scroller}
        id={REPORT_GRID_ID}
        className="report-list__scroller"
        role="grid"
        aria-label={t('shell.reports')}
        aria-rowcount={count + 1}
        aria-colcount={7}
        aria-multiselectable="true"
        aria-busy={total === null}
        data-epoch={epoch}
        aria-activedescendant={selectedIndex === null ? undefined : rowDomId(selectedIndex)}
        aria-keyshortcuts="j k x Shift+J Shift+K ArrowDown ArrowUp PageDown PageUp Home End Enter o"
        tabIndex={0}
        hidden={total === 0}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          setScroll({ epoch, top: event.currentTarget.scrollTop });
        }}
      >
        <div role="row" aria-rowindex={1} className="report-row report-row--header">
          <span role="columnheader">
            <span className="visually-hidden">{t('selection.column')}</span>
          </span>
          <span role="columnheader">{t('inbox.column.tracking')}</span>
          <span role="columnheader">{t('inbox.column.title')}</span>
          <span role="columnheader">{t('inbox.column.agency')}</span>
          <span role="columnheader">{t('inbox.column.status')}</span>
          <span role="columnheader">{t('inbox.column.sla')}</span>
          <span role="columnheader">
            <span className="visually-hidden">{t('inbox.column.pending')}</span>
          </span>
        </div>
        <div className="report-list__body" style={{ height: count * ROW_HEIGHT }}>
          {total === null ? <p className="report-list__loading">{t('inbox.loading')}</p> : rows}
        </div>
      </div>
    </div>
  );
}
