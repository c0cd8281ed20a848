// Above the list, on one row: the search box (`/` focuses it), the sort and its direction, the
// "Filter (n)" button that shows or hides the filters, triage mode, and the number of reports;
// below it, while reports are selected, the selection's header.
import { sortKeys, type SortKey } from '../../../src-shared/inbox/queries';
import { useT } from '../../i18n/i18n';
import { SelectionBar } from '../selection/SelectionBar';
import { TriageControls } from '../triage/TriageControls';
import { activeFilterCount, FILTERS_ID } from './FiltersBar';
import { useInboxStore } from './inbox-store';
import { REPORT_GRID_ID } from './ReportList';

export const SEARCH_INPUT_ID = 'inbox-search';

export function ListToolbar({
  filtersOpen,
  onToggleFilters,
}: {
  /** Whether the filters (FiltersBar, id FILTERS_ID) are shown. */
  filtersOpen: boolean;
  onToggleFilters: () => void;
}) {
  const t = useT();
  const filterCount = useInboxStore((s) => activeFilterCount(s.query));
  const searchText = useInboxStore((s) => s.searchText);
  const sort = useInboxStore((s) => s.query.sort);
  const direction = useInboxStore((s) => s.query.direction);
  const total = useInboxStore((s) => s.total);
  const setSearchText = useInboxStore((s) => s.setSearchText);
  const flushSearch = useInboxStore((s) => s.flushSearch);
  const setSort = useInboxStore((s) => s.setSort);
  const setDirection = useInboxStore((s) => s.setDirection);

  return (
    <>
      <div className="list-toolbar">
        <label className="list-toolbar__search">
          <span className="visually-hidden">{t('inbox.search.label')}</span>
          <input
            id={SEARCH_INPUT_ID}
            type="search"
            value={searchText}
            placeholder={t('inbox.search.placeholder')}
            aria-keyshortcuts="/"
            onChange={(event) => {
              setSearchText(event.target.value);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') flushSearch();
              // From the search box straight to the results, keyboard only.
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                flushSearch();
                document.getElementById(REPORT_GRID_ID)?.focus();
              }
              if (event.key === 'Escape' && searchText !== '') {
                event.stopPropagation();
                setSearchText('');
                flushSearch();
              }
            }}
          />
        </label>
        <label className="list-toolbar__sort">
          <span className="visually-hidden">{t('inbox.sort.label')}</span>
          <select
            title={t('inbox.sort.label')}
            value={sort}
            onChange={(event) => {
              setSort(event.target.value as SortKey);
            }}
          >
            {sortKeys.map((key) => (
              <option key={key} value={key}>
                {t(`inbox.sort.${key}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button"
          aria-label={t('inbox.sort.direction')}
          aria-pressed={direction === 'desc'}
          title={direction === 'asc' ? t('inbox.sort.asc') : t('inbox.sort.desc')}
          onClick={() => {
            setDirection(direction === 'asc' ? 'desc' : 'asc');
          }}
        >
          {direction === 'asc' ? '↑' : '↓'}{' '}
          {direction === 'asc' ? t('inbox.sort.asc') : t('inbox.sort.desc')}
        </button>
        <button
          type="button"
          className={
            filterCount > 0
              ? 'button list-toolbar__filters list-toolbar__filters--active'
              : 'button list-toolbar__filters'
          }
          aria-expanded={filtersOpen}
          aria-controls={FILTERS_ID}
          onClick={onToggleFilters}
        >
          {filterCount > 0 ? t('filters.toggleCount', { count: filterCount }) : t('filters.toggle')}
        </button>
        <TriageControls />
        <span className="list-toolbar__count" aria-live="polite">
          {total === null ? '' : t('inbox.total', { count: total })}
        </span>
      </div>
      <SelectionBar />
    </>
  );
}
