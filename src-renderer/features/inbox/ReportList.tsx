// The report list: a virtualized grid (fixed row height; only the rows in view plus an overscan
// are in the DOM; windows are fetched by offset as the operator scrolls), driven by the keyboard:
// j/k or ↑/↓ move, PageUp/PageDown, Home/End, Enter or o opens the selected report.
import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { ReportListRow } from '../../../src-shared/inbox/list-row';
import { reportStatusLabelKey } from '../../../src-shared/domain/report-status';
import { useT } from '../../i18n/i18n';
import { EmptyState } from '../../ui/EmptyState';
import { queueLabelKey } from '../queues/queue-definitions';
import { hasActiveFilters, rowAt, useInboxStore } from './inbox-store';
import { PendingMarker } from './PendingMarker';
import { nameOf, referenceMaps } from './reference-maps';
import { SlaBadge } from './SlaBadge';
import { breachOutlook, rowSlaReport } from './sla-outlook';

export const ROW_HEIGHT = 36;
export const OVERSCAN = 10;
/** Used until the list is measured (and where layout is unavailable, as in unit tests). */
const FALLBACK_VIEWPORT = 720;

export const rowDomId = (index: number) => `report-row-${String(index)}`;

const Row = memo(function Row({
  row,
  index,
  selected,
  agencyName,
  now,
  onSelect,
  onOpen,
}: {
  row: ReportListRow | undefined;
  index: number;
  selected: boolean;
  agencyName: string;
  now: number;
  onSelect: (index: number) => void;
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
        aria-selected={selected}
        aria-busy="true"
        className="report-row report-row--loading"
        style={style}
      >
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
      aria-selected={selected}
      data-report-id={row.id}
      className={selected ? 'report-row report-row--selected' : 'report-row'}
      style={style}
      onClick={() => {
        onSelect(index);
      }}
      onDoubleClick={onOpen}
    >
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
    switch (event.key) {
      case 'j':
      case 'ArrowDown':
        moveSelection(1);
        break;
      case 'k':
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
      case 'o':
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
          selected={index === selectedIndex}
          agencyName={row === undefined ? '' : nameOf(maps.agencies, row.unitId ?? row.agencyId)}
          now={now}
          onSelect={selectIndex}
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
        className="report-list__scroller"
        role="grid"
        aria-label={t('shell.reports')}
        aria-rowcount={count + 1}
        aria-colcount={6}
        aria-busy={total === null}
        data-epoch={epoch}
        aria-activedescendant={selectedIndex === null ? undefined : rowDomId(selectedIndex)}
        aria-keyshortcuts="j k ArrowDown ArrowUp Home End Enter o"
        tabIndex={0}
        hidden={total === 0}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          setScroll({ epoch, top: event.currentTarget.scrollTop });
        }}
      >
        <div role="row" aria-rowindex={1} className="report-row report-row--header">
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
