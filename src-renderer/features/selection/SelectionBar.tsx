// The selection's header above the list, while reports are selected: "137 dipilih", "Pilih
// semua 1.234 di antrean ini" (every report matching the queue, filters and search, not only the
// rows on screen) and "Batalkan pilihan" (Esc).
import { useLocaleStore, useT } from '../../i18n/i18n';
import { useInboxStore } from '../inbox/inbox-store';
import { selectAllMatching } from './list-selection';
import { selectSelectedCount, useSelectionStore } from './selection-store';

export function SelectionBar() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const count = useSelectionStore(selectSelectedCount);
  const ids = useSelectionStore((s) => s.ids);
  const clear = useSelectionStore((s) => s.clear);
  const total = useInboxStore((s) => s.total);
  const windows = useInboxStore((s) => s.windows);
  if (count === 0) return null;

  const format = (n: number) => n.toLocaleString(locale === 'id' ? 'id-ID' : 'en-US');
  // The selection may hold reports of other queues: offer "all" unless every row here is in it.
  const isEveryLoadedRowSelected = Object.values(windows).every((win) =>
    win.rows.every((row) => ids.has(row.id)),
  );
  const canSelectMore = total !== null && total > 0 && (count < total || !isEveryLoadedRowSelected);
  return (
    <div className="selection-bar" role="group" aria-label={t('selection.toolbar')}>
      <span className="selection-bar__count" data-testid="selection-count">
        {t('selection.count', { count: format(count) })}
      </span>
      {canSelectMore && (
        <button
          type="button"
          className="button"
          data-testid="select-all"
          onClick={() => void selectAllMatching()}
        >
          {t('selection.selectAll', { count: format(total) })}
        </button>
      )}
      <button type="button" className="button" aria-keyshortcuts="Escape" onClick={clear}>
        {t('selection.clear')} <kbd aria-hidden="true">Esc</kbd>
      </button>
    </div>
  );
}
