// The selected report in full: what the citizen wrote (always as text, never as HTML), its
// metadata, reporter, attachments, deadline, pending local changes, who else has it open, the
// actions the operator may take, the response being written or reviewed, and one timeline of
// dispositions, notes, responses, the reporter's messages and audit events.
import type { ReactNode } from 'react';
import type { PresenceUser } from '../../../src-shared/api/presence';
import type { Actor } from '../../../src-shared/domain/actor';
import { isWorkflowAuditAction } from '../../../src-shared/domain/audit-event';
import { categoryPath } from '../../../src-shared/domain/category';
import { reportStatusLabelKey } from '../../../src-shared/domain/report-status';
import { useLocaleStore, useT, type Translate } from '../../i18n/i18n';
import { EmptyState } from '../../ui/EmptyState';
import type { ReportDetail } from '../../sync/inbox-service';
import { FollowUpCountdown } from '../follow-up/FollowUpCountdown';
import { LetterButton } from '../letter/LetterButton';
import { ReplySection } from '../reply/ReplySection';
import { ActionBar } from './actions/ActionBar';
import { mutationLabelKey } from './actions/action-labels';
import { AttachmentList } from './AttachmentList';
import { formatDate, formatDateTime } from './inbox-format';
import { useInboxStore } from './inbox-store';
import { PendingMarker } from './PendingMarker';
import { nameOf, referenceMaps, type ReferenceMaps } from './reference-maps';
import { SlaBadge } from './SlaBadge';
import { breachOutlook } from './sla-outlook';

export interface TimelineEntry {
  readonly key: string;
  readonly at: number;
  readonly kind: 'disposition' | 'note' | 'response' | 'message' | 'audit';
  readonly title: string;
  readonly body: string | null;
}

function actorName(actor: Actor, maps: ReferenceMaps, t: Translate): string {
  if (actor.kind === 'system') return t('timeline.system');
  return maps.users.get(actor.id)?.displayName ?? actor.id;
}

/** Every event of the report, oldest first. */
export function buildTimeline(
  detail: ReportDetail,
  maps: ReferenceMaps,
  t: Translate,
): TimelineEntry[] {
  const user = (id: string) => maps.users.get(id)?.displayName ?? id;
  const entries: TimelineEntry[] = [
    ...detail.dispositions.map((d) => ({
      key: `disposition:${d.id}`,
      at: d.at,
      kind: 'disposition' as const,
      title: t(d.kind === 'dispose' ? 'timeline.disposed' : 'timeline.redisposed', {
        target:
          d.toUnitId === null
            ? nameOf(maps.agencies, d.toAgencyId)
            : `${nameOf(maps.agencies, d.toAgencyId)} / ${nameOf(maps.agencies, d.toUnitId)}`,
        who: user(d.byUserId),
      }),
      body: d.note,
    })),
    ...detail.notes.map((n) => ({
      key: `note:${n.id}`,
      at: n.createdAt,
      kind: 'note' as const,
      title: t('timeline.note', { who: user(n.authorId) }),
      body: n.body,
    })),
    ...detail.responses.map((r) => ({
      key: `response:${r.id}`,
      at: r.state === 'published' ? r.publishedAt : r.updatedAt,
      kind: 'response' as const,
      title: t('timeline.response', {
        who: user(r.authorId),
        state: t(`responseState.${r.state}`),
      }),
      body: r.body,
    })),
    ...detail.messages.map((m) => ({
      key: `message:${m.id}`,
      at: m.createdAt,
      kind: 'message' as const,
      title: t('timeline.message'),
      body: m.body,
    })),
    ...detail.audit.map((a) => ({
      key: `audit:${a.id}`,
      at: a.at,
      kind: 'audit' as const,
      // Field edits and notes are audited only in bulk actions, and move no status.
      title: isWorkflowAuditAction(a.action)
        ? t('timeline.audit', {
            who: actorName(a.actor, maps, t),
            action: t(`workflowAction.${a.action}`),
            from: t(reportStatusLabelKey(a.from)),
            to: t(reportStatusLabelKey(a.to)),
          })
        : t('timeline.auditEdit', {
            who: actorName(a.actor, maps, t),
            action: t(`auditAction.${a.action}`),
          }),
      body: a.reason,
    })),
  ];
  return entries.sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));
}

export function presenceText(t: Translate, others: readonly PresenceUser[]): string {
  const names = others.map((o) =>
    o.editing ? t('presence.editingName', { name: o.displayName }) : o.displayName,
  );
  return t('presence.alsoOpen', { names: names.join(', ') });
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="detail-meta__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export function ReportDetailPane() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const detail = useInboxStore((s) => s.detail);
  const selectedIndex = useInboxStore((s) => s.selectedIndex);
  const reference = useInboxStore((s) => s.reference);
  const now = useInboxStore((s) => s.now);
  const presence = useInboxStore((s) => s.presence);

  if (detail === null) {
    return selectedIndex === null ? (
      <EmptyState title={t('shell.noSelection.title')} body={t('shell.noSelection.body')} />
    ) : (
      <p className="detail__loading" aria-busy="true">
        {t('inbox.loading')}
      </p>
    );
  }

  const maps = referenceMaps(reference);
  const report = detail.report;
  const others = presence[report.id] ?? [];
  const category =
    report.categoryId === null
      ? t('detail.none')
      : categoryPath(maps.categories, report.categoryId)
          .map((c) => c.name)
          .join(' › ') || report.categoryId;
  const privacy = [
    report.privacy.rahasia ? t('privacy.rahasia') : null,
    report.privacy.anonim ? t('privacy.anonim') : null,
  ].filter((p): p is string => p !== null);
  const timeline = buildTimeline(detail, maps, t);

  return (
    <article className="detail" aria-labelledby="detail-title" data-detail-report-id={report.id}>
      <header className="detail__header">
        <p className="detail__tracking">
          {t('detail.tracking', { id: report.trackingId })} ·{' '}
          {t(reportStatusLabelKey(report.status))}
        </p>
        <h2 id="detail-title" className="detail__title">
          {report.title}
        </h2>
        <div className="detail__badges">
          <SlaBadge outlook={breachOutlook(report, now)} />
          {report.dueAt !== null && (
            <span className="detail__due">
              {t('detail.dueAt', { time: formatDateTime(locale, report.dueAt) })}
            </span>
          )}
        </div>
        <FollowUpCountdown report={report} now={now} />
        {others.length > 0 && (
          <p className="detail__presence" role="status">
            {presenceText(t, others)}
          </p>
        )}
      </header>

      <ActionBar key={report.id} detail={detail} />
      <LetterButton key={`letter:${report.id}`} detail={detail} />

      {detail.pending.length > 0 && (
        <section className="detail__pending" aria-label={t('inbox.pendingMarker')}>
          <h3>
            <PendingMarker /> {t('detail.pending.title')}
          </h3>
          <ul>
            {detail.pending.map((p) => (
              <li key={p.mutationId}>
                {t(mutationLabelKey(p.name))} · {formatDateTime(locale, p.at)} ·{' '}
                {t(`pendingState.${p.state}`)}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="detail__body" aria-label={t('detail.body')}>
        <p className="detail__text">{report.body}</p>
      </section>

      <ReplySection detail={detail} />

      <dl className="detail-meta">
        <Field label={t('detail.category')}>{category}</Field>
        <Field label={t('detail.tags')}>
          {report.tags.length === 0 ? (
            t('detail.none')
          ) : (
            <span className="chips">
              {report.tags.map((tag) => (
                <span key={tag} className="chip">
                  {tag}
                </span>
              ))}
            </span>
          )}
        </Field>
        <Field label={t('detail.privacy')}>
          {privacy.length === 0 ? t('privacy.public') : privacy.join(', ')}
        </Field>
        <Field label={t('detail.channel')}>{t(`channel.${report.channel}`)}</Field>
        <Field label={t('detail.type')}>{t(`reportType.${report.type}`)}</Field>
        <Field label={t('detail.location')}>
          {report.location.text || t('detail.none')}
          {report.location.regionCode !== undefined && ` (${report.location.regionCode})`}
        </Field>
        <Field label={t('detail.incidentDate')}>{report.incidentDate ?? t('detail.none')}</Field>
        <Field label={t('detail.createdAt')}>{formatDateTime(locale, report.createdAt)}</Field>
        <Field label={t('detail.updatedAt')}>{formatDate(locale, report.updatedAt)}</Field>
        <Field label={t('detail.agency')}>
          {nameOf(maps.agencies, report.agencyId)}
          {report.unitId !== null && ` / ${nameOf(maps.agencies, report.unitId)}`}
        </Field>
        <Field label={t('detail.assignee')}>
          {report.assigneeId === null
            ? t('detail.unassigned')
            : (maps.users.get(report.assigneeId)?.displayName ?? report.assigneeId)}
        </Field>
        <Field label={t('detail.reporter')}>
          {report.reporter === null ? (
            report.privacy.anonim ? (
              t('detail.anonymous')
            ) : (
              t('detail.reporterHidden')
            )
          ) : (
            <>
              {report.reporter.name}
              {report.reporter.phone !== undefined && ` · ${report.reporter.phone}`}
              {report.reporter.email !== undefined && ` · ${report.reporter.email}`}
            </>
          )}
        </Field>
      </dl>

      <section className="detail__attachments">
        <h3>{t('detail.attachments')}</h3>
        <AttachmentList key={report.id} reportId={report.id} attachments={report.attachments} />
      </section>

      <section className="detail__timeline">
        <h3>{t('detail.timeline')}</h3>
        {timeline.length === 0 ? (
          <p className="detail__muted">{t('detail.noTimeline')}</p>
        ) : (
          <ol className="timeline">
            {timeline.map((entry) => (
              <li key={entry.key} className={`timeline__item timeline__item--${entry.kind}`}>
                <p className="timeline__head">
                  <time dateTime={new Date(entry.at).toISOString()}>
                    {formatDateTime(locale, entry.at)}
                  </time>{' '}
                  · {entry.title}
                </p>
                {entry.body !== null && entry.body !== '' && (
                  <p className="timeline__body">{entry.body}</p>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}
