// Changes the server did not apply, kept for the operator: why (changed by someone else first, or
// refused with a reason), the operator's intent beside the server's state for the fields that
// differ, and the two ways out: apply again on the new state, or discard.
import { useState } from 'react';
import type { Report } from '../../../src-shared/domain/report';
import { reportStatusLabelKey } from '../../../src-shared/domain/report-status';
import type { ReviewItem } from '../../../src-shared/sync/client/ports';
import { useLocaleStore, useT, type Translate } from '../../i18n/i18n';
import { Dialog } from '../../ui/Dialog';
import { mutationLabelKey, refusalText } from '../inbox/actions/action-labels';
import { formatDateTime } from '../inbox/inbox-format';
import { useInboxStore } from '../inbox/inbox-store';
import { nameOf, referenceMaps, type ReferenceMaps } from '../inbox/reference-maps';
import { reviewDiff, reviewTrackingId, type ReviewField } from './review-diff';

function display(t: Translate, maps: ReferenceMaps, report: Report, field: ReviewField): string {
  const none = t('detail.none');
  switch (field) {
    case 'status':
      return t(reportStatusLabelKey(report.status));
    case 'agency':
      return nameOf(maps.agencies, report.agencyId);
    case 'unit':
      return report.unitId === null ? none : nameOf(maps.agencies, report.unitId);
    case 'assignee':
      return report.assigneeId === null
        ? t('detail.unassigned')
        : (maps.users.get(report.assigneeId)?.displayName ?? report.assigneeId);
    case 'category':
      return report.categoryId === null ? none : nameOf(maps.categories, report.categoryId);
    case 'tags':
      return report.tags.length === 0 ? none : report.tags.join(', ');
    case 'privacy': {
      const parts = [
        report.privacy.rahasia ? t('privacy.rahasia') : null,
        report.privacy.anonim ? t('privacy.anonim') : null,
      ].filter((p): p is string => p !== null);
      return parts.length === 0 ? t('privacy.public') : parts.join(', ');
    }
  }
}

function ReviewEntry({ item }: { item: ReviewItem }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const maps = referenceMaps(useInboxStore((s) => s.reference));
  const resolveReview = useInboxStore((s) => s.resolveReview);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const diff = reviewDiff(item);
  const tracking = reviewTrackingId(item);

  const resolve = (choice: 'reapply' | 'discard') => {
    setBusy(true);
    setError(null);
    void resolveReview(item.id, choice).then((result) => {
      setBusy(false);
      if (!result.ok) setError(refusalText(t, result.error));
    });
  };

  return (
    <li className="review-item" data-review-id={item.id}>
      <h3 className="review-item__title">
        {t(mutationLabelKey(item.mutation.name))}
        {tracking !== null && ` · ${t('detail.tracking', { id: tracking })}`}
      </h3>
      <p className="review-item__why">
        {item.kind === 'superseded' ? t('review.superseded') : t('review.rejected')}
        {item.kind === 'rejected' && `: ${refusalText(t, item.error)}`}
      </p>
      <p className="review-item__when">{formatDateTime(locale, item.at)}</p>
      {diff.length > 0 && (
        <table className="review-diff">
          <thead>
            <tr>
              <th scope="col">{t('review.field')}</th>
              <th scope="col">{t('review.intended')}</th>
              <th scope="col">{t('review.current')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.map((d) => (
              <tr key={d.field} data-field={d.field}>
                <th scope="row">{t(`review.field.${d.field}`)}</th>
                <td>{display(t, maps, d.intended, d.field)}</td>
                <td>{display(t, maps, d.current, d.field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error !== null && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        {item.kind === 'superseded' && (
          <button
            type="button"
            className="button button--primary"
            disabled={busy}
            onClick={() => {
              resolve('reapply');
            }}
          >
            {t('review.reapply')}
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => {
            resolve('discard');
          }}
        >
          {t('review.discard')}
        </button>
      </div>
    </li>
  );
}

export function ReviewPanel() {
  const t = useT();
  const open = useInboxStore((s) => s.reviewOpen);
  const items = useInboxStore((s) => s.review);
  const setReviewOpen = useInboxStore((s) => s.setReviewOpen);
  const close = () => {
    setReviewOpen(false);
  };
  return (
    <Dialog open={open} title={t('review.title')} onClose={close}>
      {open && (
        <div className="review-panel">
          {items.length === 0 ? (
            <p>{t('review.empty')}</p>
          ) : (
            <ul className="review-list">
              {items.map((item) => (
                <ReviewEntry key={item.id} item={item} />
              ))}
            </ul>
          )}
          <div className="button-row">
            <button type="button" className="button" onClick={close}>
              {t('shortcuts.close')}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
