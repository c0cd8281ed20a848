// A response waiting for a liaison officer (or an admin where the agency lets admins publish): its
// text as the reporter would read it, "Setujui & terbitkan" (approve and publish in one step) and
// "Kembalikan" with a comment for the author, which is required.
import { useId, useRef, useState } from 'react';
import type { ReportResponse } from '../../../src-shared/domain/response';
import { useLocaleStore, useT } from '../../i18n/i18n';
import { refusalText } from '../inbox/actions/action-labels';
import { formatDateTime } from '../inbox/inbox-format';
import { useInboxStore } from '../inbox/inbox-store';

type Reviewed = Extract<ReportResponse, { state: 'submitted' | 'approved' }>;

export function ApprovalPanel({
  response,
  authorName,
  onDone,
}: {
  response: Reviewed;
  authorName: string;
  /** Published or returned: the section says so. */
  onDone: (outcome: 'published' | 'returned') => void;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const mutate = useInboxStore((s) => s.mutate);
  const id = useId();
  const [isReturning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const ids = { reportId: response.reportId, responseId: response.id };

  const publish = async () => {
    if (isBusy) return;
    setBusy(true);
    setError(null);
    // A submitted response is approved and published in one step; an approved one only waits
    // for publishing.
    const result =
      response.state === 'submitted'
        ? await mutate('response.approve', { ...ids, publish: true })
        : await mutate('response.publish', ids);
    setBusy(false);
    if (result.ok) onDone('published');
    else setError(refusalText(t, result.error));
  };

  const sendBack = async (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (isBusy) return;
    if (comment.trim() === '') {
      setError(t('reply.review.commentRequired'));
      commentRef.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const result = await mutate('response.return', { ...ids, comment: comment.trim() });
    setBusy(false);
    if (result.ok) onDone('returned');
    else setError(refusalText(t, result.error));
  };

  const when = response.state === 'submitted' ? response.submittedAt : response.reviewedAt;
  return (
    <div className="reply-review" role="group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>
        {response.state === 'submitted'
          ? t('reply.review.title', { who: authorName, time: formatDateTime(locale, when) })
          : t('reply.review.approvedTitle', { time: formatDateTime(locale, when) })}
      </h4>
      <p className="reply-text" data-reply-review-text="">
        {response.body}
      </p>
      <p className="form__hint">{t('reply.review.publishHint')}</p>
      {error !== null && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      {isReturning ? (
        <form className="form reply-review__return" onSubmit={(event) => void sendBack(event)}>
          <label className="form__field">
            <span>{t('reply.review.comment')}</span>
            <textarea
              ref={commentRef}
              rows={3}
              maxLength={2000}
              value={comment}
              autoFocus
              aria-required="true"
              aria-invalid={error !== null && comment.trim() === ''}
              onChange={(event) => {
                setComment(event.target.value);
              }}
            />
            <span className="form__hint">{t('reply.review.commentHint')}</span>
          </label>
          <div className="button-row">
            <button
              type="submit"
              className="button button--warn"
              data-reply-review="return-confirm"
              disabled={isBusy}
            >
              {t('reply.review.returnSubmit')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => {
                setReturning(false);
                setError(null);
              }}
            >
              {t('action.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            data-reply-review="publish"
            disabled={isBusy}
            onClick={() => void publish()}
          >
            {response.state === 'submitted' ? t('reply.review.approve') : t('reply.publish')}
          </button>
          {response.state === 'submitted' && (
            <button
              type="button"
              className="button"
              data-reply-review="return"
              onClick={() => {
                setReturning(true);
                setError(null);
              }}
            >
              {t('reply.review.return')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
