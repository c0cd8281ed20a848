// The confirmation of a bulk reply: the first rendered texts exactly as their reporters would read
// them (plain text, line breaks kept), and the reports held back because a value is empty
// ("Ditahan (2): #123 — isian kosong: pelapor.nama").
import type { BulkSkip } from '../../../src-shared/bulk/bulk-action';
import { useLocaleStore, useT } from '../../i18n/i18n';
import type { BulkPreview } from '../../sync/inbox-service';
import { formatCount } from './bulk-format';
import './bulk-reply.css';

export function ReplySample({ preview }: { preview: BulkPreview }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const shown = preview.sample.filter((report) => report.rendered !== undefined);
  if (shown.length === 0) return null;
  const rest = preview.applicable.length - shown.length;
  return (
    <section className="bulk-reply__sample" aria-label={t('bulk.reply.preview')}>
      {shown.map((report) => (
        <article key={report.id} className="bulk-reply__item" data-report-id={report.id}>
          <h3 className="bulk-reply__tracking">
            {t('bulk.reply.previewOf', { tracking: report.trackingId })}
          </h3>
          <p className="reply-text" data-testid="bulk-reply-text">
            {report.rendered}
          </p>
        </article>
      ))}
      {rest > 0 && (
        <span className="form__hint">
          {t('bulk.reply.previewMore', { count: formatCount(locale, rest) })}
        </span>
      )}
    </section>
  );
}

export function HeldList({ held }: { held: readonly BulkSkip[] }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const title = t('bulk.reply.held', { count: formatCount(locale, held.length) });
  return (
    <section className="bulk-reply__held" aria-label={title} data-testid="bulk-reply-held">
      <h3 className="bulk-reply__held-title">{title}</h3>
      <ul className="bulk-skips">
        {held.map((skip) => (
          <li key={skip.reportId} data-report-id={skip.reportId}>
            {t('bulk.reply.heldItem', {
              tracking: skip.trackingId,
              variables: (skip.variables ?? []).join(', '),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
