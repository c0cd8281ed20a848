// The filters over the queue: agency/unit, category, channel, type, privacy, arrival dates and
// "pending changes only". They combine (AND); "Hapus semua filter" clears them and the search.
// Shown on demand (the toolbar's "Filter (n)" button), so the list keeps the height.
import {
  reportChannels,
  reportTypes,
  type ReportChannel,
  type ReportType,
} from '../../../src-shared/domain/report';
import type { InboxQuery, PrivacyFilter } from '../../../src-shared/inbox/queries';
import { useT } from '../../i18n/i18n';
import { hasActiveFilters, useInboxStore } from './inbox-store';

const privacyFilters: readonly PrivacyFilter[] = ['rahasia', 'anonim', 'public'];

export const FILTERS_ID = 'inbox-filters';

/** How many filters are set (the search is not one: it has its own box). */
export function activeFilterCount(query: InboxQuery): number {
  return Object.keys(query.filters).length;
}
const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a date input → local midnight (epoch ms), or undefined when empty. */
export function dateInputToMs(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

function msToDateInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function FiltersBar({ hidden = false }: { hidden?: boolean }) {
  const t = useT();
  const query = useInboxStore((s) => s.query);
  const reference = useInboxStore((s) => s.reference);
  const setFilters = useInboxStore((s) => s.setFilters);
  const removeFilter = useInboxStore((s) => s.removeFilter);
  const clearFilters = useInboxStore((s) => s.clearFilters);
  const f = query.filters;

  const agencies = [...(reference?.agencies ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const categories = (reference?.categories ?? []).filter((c) => c.isActive);

  return (
    <div
      id={FILTERS_ID}
      className="filters-bar"
      role="group"
      aria-label={t('filters.label')}
      hidden={hidden}
    >
      <label className="filters-bar__field">
        <span>{t('filters.agency')}</span>
        <select
          value={f.agencyIds?.[0] ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '') removeFilter('agencyIds');
            else setFilters({ agencyIds: [value] });
          }}
        >
          <option value="">{t('filters.any')}</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filters-bar__field">
        <span>{t('filters.category')}</span>
        <select
          value={f.categoryIds?.[0] ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '') removeFilter('categoryIds');
            else setFilters({ categoryIds: [value] });
          }}
        >
          <option value="">{t('filters.any')}</option>
          {categories.map((category) => (
            <option key={category.id} value={category.id}>
              {category.name}
            </option>
          ))}
        </select>
      </label>
      <label className="filters-bar__field">
        <span>{t('filters.channel')}</span>
        <select
          value={f.channels?.[0] ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '') removeFilter('channels');
            else setFilters({ channels: [value as ReportChannel] });
          }}
        >
          <option value="">{t('filters.any')}</option>
          {reportChannels.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channel.${channel}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters-bar__field">
        <span>{t('filters.type')}</span>
        <select
          value={f.types?.[0] ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '') removeFilter('types');
            else setFilters({ types: [value as ReportType] });
          }}
        >
          <option value="">{t('filters.any')}</option>
          {reportTypes.map((type) => (
            <option key={type} value={type}>
              {t(`reportType.${type}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters-bar__field">
        <span>{t('filters.privacy')}</span>
        <select
          value={f.privacy?.[0] ?? ''}
          onChange={(event) => {
            const value = event.target.value;
            if (value === '') removeFilter('privacy');
            else setFilters({ privacy: [value as PrivacyFilter] });
          }}
        >
          <option value="">{t('filters.any')}</option>
          {privacyFilters.map((privacy) => (
            <option key={privacy} value={privacy}>
              {t(`privacy.${privacy}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="filters-bar__field">
        <span>{t('filters.from')}</span>
        <input
          type="date"
          value={msToDateInput(f.createdFrom)}
          onChange={(event) => {
            const ms = dateInputToMs(event.target.value);
            if (ms === undefined) removeFilter('createdFrom');
            else setFilters({ createdFrom: ms });
          }}
        />
      </label>
      <label className="filters-bar__field">
        <span>{t('filters.to')}</span>
        <input
          type="date"
          value={msToDateInput(f.createdTo === undefined ? undefined : f.createdTo - DAY_MS)}
          onChange={(event) => {
            const ms = dateInputToMs(event.target.value);
            // The end date is inclusive for the operator; the query's bound is exclusive.
            if (ms === undefined) removeFilter('createdTo');
            else setFilters({ createdTo: ms + DAY_MS });
          }}
        />
      </label>
      <label className="filters-bar__check">
        <input
          type="checkbox"
          checked={f.pendingOnly === true}
          onChange={(event) => {
            if (event.target.checked) setFilters({ pendingOnly: true });
            else removeFilter('pendingOnly');
          }}
        />
        <span>{t('filters.pendingOnly')}</span>
      </label>
      <button
        type="button"
        className="button"
        disabled={!hasActiveFilters(query)}
        onClick={clearFilters}
      >
        {t('filters.clearAll')}
      </button>
    </div>
  );
}
