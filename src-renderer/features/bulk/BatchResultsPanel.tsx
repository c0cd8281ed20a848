// Recent batches with what the server answered: applied / superseded / rejected / pending /
// skipped, the undo state, and one click to select the reports that need attention. Opened from
// the header button or the command "Hasil tindakan massal".
import { useLocaleStore, useT } from '../../i18n/i18n';
import type { BatchSummary } from '../../../src-shared/bulk/bulk-action';
import { Dialog } from '../../ui/Dialog';
import { useCommands } from '../commands/command-registry';
import { formatDateTime } from '../inbox/inbox-format';
import { useSelectionStore } from '../selection/selection-store';
import { bulkLabelKey } from './bulk-catalog';
import { formatCount } from './bulk-format';
import { attentionIds, useBulkStore } from './bulk-store';

function UndoState({ batch }: { batch: BatchSummary }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  if (batch.compensates !== null) return <span>{t('bulk.results.compensation')}</span>;
  if (batch.undo === null) return null;
  switch (batch.undo.kind) {
    case 'withdrawn':
      return <span>{t('bulk.results.undoWithdrawn')}</span>;
    case 'compensated':
      return (
        <span>
          {t('bulk.results.undoCompensated', {
            count: formatCount(locale, batch.undo.irreversible.length),
          })}
        </span>
      );
  }
}

function BatchEntry({ batch }: { batch: BatchSummary }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const now = useBulkStore((s) => s.now);
  const replace = useSelectionStore((s) => s.replace);
  const setResultsOpen = useBulkStore((s) => s.setResultsOpen);
  const n = (value: number) => formatCount(locale, value);
  const heldSeconds = Math.ceil((batch.holdUntil - now()) / 1000);
  const needAttention = attentionIds(batch);
  const skippedIds = batch.skipped.map((s) => s.reportId);
  const select = (ids: readonly string[]) => {
    replace(ids);
    setResultsOpen(false);
  };
  const counts = [
    { key: 'applied', label: t('bulk.results.applied'), count: batch.applied.length },
    { key: 'superseded', label: t('bulk.results.superseded'), count: batch.superseded.length },
    { key: 'rejected', label: t('bulk.results.rejected'), count: batch.rejected.length },
    { key: 'pending', label: t('bulk.results.pending'), count: batch.pending.length },
    { key: 'skipped', label: t('bulk.results.skipped'), count: batch.skipped.length },
  ] as const;
  return (
    <li className="batch-result" data-testid={`batch-result-${batch.id}`}>
      <h3 className="batch-result__title">
        {t(bulkLabelKey(batch.action.kind))} · {t('bulk.results.total', { count: n(batch.total) })}
      </h3>
      <p className="batch-result__when">
        {formatDateTime(locale, batch.createdAt)}
        {heldSeconds > 0 && ` · ${t('bulk.results.held', { seconds: heldSeconds })}`}
        {(batch.undo !== null || batch.compensates !== null) && ' · '}
        <UndoState batch={batch} />
      </p>
      <dl className="batch-result__counts">
        {counts.map((c) => (
          <div key={c.key} className={`batch-result__count batch-result__count--${c.key}`}>
            <dt>{c.label}</dt>
            <dd data-testid={`batch-${c.key}-count`}>{n(c.count)}</dd>
          </div>
        ))}
      </dl>
      <div className="button-row">
        {needAttention.length > 0 && (
          <button
            type="button"
            className="button button--warn"
            onClick={() => {
              select(needAttention);
            }}
          >
            {t('bulk.results.selectAttention', { count: n(needAttention.length) })}
          </button>
        )}
        {skippedIds.length > 0 && (
          <button
            type="button"
            className="button"
            onClick={() => {
              select(skippedIds);
            }}
          >
            {t('bulk.selectSkipped', { count: n(skippedIds.length) })}
          </button>
        )}
      </div>
    </li>
  );
}

/** Registers the panel's command; mounted once in the workspace. */
export function BatchResultsPanel() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const open = useBulkStore((s) => s.resultsOpen);
  const batches = useBulkStore((s) => s.batches);
  const setResultsOpen = useBulkStore((s) => s.setResultsOpen);
  useCommands(
    [
      {
        id: 'bulk.results',
        group: 'view',
        label: t('bulk.results.title'),
        keywords: ['batch', 'massal', 'hasil'],
        run: () => {
          setResultsOpen(true);
        },
      },
    ],
    locale,
  );
  const close = () => {
    setResultsOpen(false);
  };
  return (
    <Dialog open={open} title={t('bulk.results.title')} onClose={close}>
      {open && (
        <div className="batch-results" data-testid="batch-results">
          {batches.length === 0 ? (
            <p>{t('bulk.results.empty')}</p>
          ) : (
            <ul className="batch-result-list">
              {batches.map((batch) => (
                <BatchEntry key={batch.id} batch={batch} />
              ))}
            </ul>
          )}
          <div className="button-row">
            <button type="button" className="button" onClick={close}>
              {t('bulk.results.close')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}

/** The header's entry to the panel, with how many batches still wait for the server. */
export function BatchResultsButton() {
  const t = useT();
  const batches = useBulkStore((s) => s.batches);
  const setResultsOpen = useBulkStore((s) => s.setResultsOpen);
  if (batches.length === 0) return null;
  const waiting = batches.filter((b) => b.pending.length > 0 && b.undo?.kind !== 'withdrawn');
  const attention = batches.filter((b) => attentionIds(b).length > 0);
  return (
    <button
      type="button"
      className={attention.length > 0 ? 'button button--warn' : 'button'}
      data-testid="batch-results-open"
      onClick={() => {
        setResultsOpen(true);
      }}
    >
      {t('bulk.results.open')}
      {waiting.length > 0 && ` (${String(waiting.length)})`}
    </button>
  );
}
