// The report's response in the detail pane: "Tulis tanggapan" (key `r`) for those who write
// responses while the report is in progress, the composer, the reviewer's comment on a returned
// draft, and the approval panel for a response waiting for a liaison officer. Another report
// starts with the composer closed (the section is keyed by the report inside).
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { TemplateKind } from '../../../src-shared/domain/template';
import { useLocaleStore, useT } from '../../i18n/i18n';
import type { ReportDetail } from '../../sync/inbox-service';
import { useCommands, type Command } from '../commands/command-registry';
import { ariaKeyShortcuts, formatKeys } from '../commands/key-chords';
import { formatDateTime } from '../inbox/inbox-format';
import { useInboxStore } from '../inbox/inbox-store';
import { referenceMaps } from '../inbox/reference-maps';
import { templateKindLabelKey } from '../templates/template-labels';
import { ApprovalPanel } from './ApprovalPanel';
import { replyDraftStore, type ReplyDraftStore } from './reply-draft-store';
import { replyTemplateChoices } from './reply-rendering';
import { composerStart, replyResponses, replyRights, type ComposerStart } from './reply-rules';
import { ReplyComposer } from './ReplyComposer';

/** The open report's reply key (action-catalog.ts keeps `r` free for it). */
export const REPLY_KEY = 'r';

export function ReplySection({
  detail,
  drafts = replyDraftStore(),
}: {
  detail: ReportDetail;
  drafts?: ReplyDraftStore;
}) {
  return <ReportReply key={detail.report.id} detail={detail} drafts={drafts} />;
}

function ReportReply({ detail, drafts }: { detail: ReportDetail; drafts: ReplyDraftStore }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const user = useInboxStore((s) => s.user);
  const reference = useInboxStore((s) => s.reference);
  const id = useId();
  const [start, setStart] = useState<ComposerStart | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const writeRef = useRef<HTMLButtonElement>(null);
  const isReturningFocus = useRef(false);

  const report = detail.report;
  const maps = referenceMaps(reference);
  const rights =
    user === null
      ? { mayWrite: false, mayPublish: false }
      : replyRights(report, user, maps.agencies);
  const userId = user?.id ?? '';
  // Drafts on this device are kept per signed-in user (each profile's user has its own id).
  const scope = userId;
  const responses = replyResponses(detail.responses, userId);
  const waiting = responses.submitted ?? responses.approved;
  const canCompose = rights.mayWrite && waiting === null;
  const choices = useMemo(
    () => replyTemplateChoices(reference?.templates ?? [], report.categoryId, userId),
    [reference, report.categoryId, userId],
  );
  const userName = (of: string) => maps.users.get(of)?.displayName ?? of;
  const kindLabel = (kind: TemplateKind) => t(templateKindLabelKey(kind));

  const open = () => {
    // The `r` command keeps the closure it was registered with while the detail reloads under
    // it: read the report's responses as they are now.
    const current = useInboxStore.getState().detail;
    const latest = current?.report.id === report.id ? current.responses : detail.responses;
    const local = drafts.load(scope, report.id);
    const next = composerStart(local, latest, userId, crypto.randomUUID());
    if (next.isLocalStale) drafts.remove(scope, report.id);
    setNotice(null);
    setStart(next);
  };
  const close = () => {
    isReturningFocus.current = true;
    setStart(null);
  };
  useEffect(() => {
    if (start !== null || !isReturningFocus.current) return;
    isReturningFocus.current = false;
    writeRef.current?.focus();
  }, [start]);

  const commands: Command[] =
    canCompose && start === null
      ? [
          {
            id: 'report.reply',
            group: 'report',
            label: t('reply.write'),
            keys: REPLY_KEY,
            keywords: ['tanggapan', 'balas', 'jawab', 'reply'],
            run: open,
          },
        ]
      : [];
  useCommands(commands, commands.map((c) => `${c.id}=${c.label}`).join('|'));

  const isComposing = start !== null && canCompose;
  const returned = responses.editable?.state === 'returned' ? responses.editable : null;
  const returnComment = isComposing ? start.returnComment : (returned?.returnComment ?? null);
  const hasDraft =
    canCompose &&
    !isComposing &&
    (responses.editable !== null || drafts.load(scope, report.id) !== null);
  const showsWaiting = waiting !== null && (rights.mayPublish || rights.mayWrite);

  if (!canCompose && !showsWaiting && notice === null) return null;
  return (
    <section className="reply" aria-labelledby={`${id}-title`} data-reply-section="">
      <h3 id={`${id}-title`}>{t('reply.title')}</h3>
      {notice !== null && (
        <p className="reply__notice" role="status">
          {notice}
        </p>
      )}

      {rights.mayWrite && returnComment !== null && (
        <div className="reply-returned" role="note" data-reply-returned="">
          <p className="reply-returned__title">
            {returned === null
              ? t('reply.returnedTitle')
              : t('reply.returnedBy', {
                  who: userName(returned.reviewedById),
                  time: formatDateTime(locale, returned.reviewedAt),
                })}
          </p>
          <p className="reply-returned__comment">{returnComment}</p>
        </div>
      )}

      {waiting !== null && rights.mayPublish && (
        <ApprovalPanel
          key={waiting.id}
          response={waiting}
          authorName={userName(waiting.authorId)}
          onDone={(outcome) => {
            setNotice(
              t(outcome === 'published' ? 'reply.review.published' : 'reply.review.returned'),
            );
          }}
        />
      )}
      {waiting !== null && !rights.mayPublish && rights.mayWrite && (
        <div className="reply-waiting" data-reply-waiting="">
          <p className="form__hint">
            {t(waiting.state === 'submitted' ? 'reply.waiting' : 'reply.waitingPublish', {
              who: userName(waiting.authorId),
            })}
          </p>
          <p className="reply-text">{waiting.body}</p>
        </div>
      )}

      {isComposing && user !== null ? (
        <ReplyComposer
          detail={detail}
          user={user}
          rights={rights}
          start={start}
          choices={choices}
          kindLabel={kindLabel}
          drafts={drafts}
          scope={scope}
          onClose={close}
          onSent={(published) => {
            setNotice(t(published ? 'reply.sent.published' : 'reply.sent.submitted'));
            setStart(null);
          }}
        />
      ) : (
        canCompose && (
          <button
            ref={writeRef}
            type="button"
            className="button"
            data-reply-write=""
            aria-keyshortcuts={ariaKeyShortcuts(REPLY_KEY)}
            onClick={open}
          >
            {hasDraft ? t('reply.continue') : t('reply.write')}{' '}
            <kbd aria-hidden="true">{formatKeys(REPLY_KEY).join(' ')}</kbd>
          </button>
        )
      )}
    </section>
  );
}
