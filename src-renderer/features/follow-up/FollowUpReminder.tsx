// The daily reminder: "3 tindak lanjut jatuh tempo hari ini", shown while follow-ups are due today
// or late, until the operator dismisses it for the day (remembered per profile).
import { useLocaleStore, useT } from '../../i18n/i18n';
import { reminderText, selectShowReminder, useFollowUpStore } from './follow-up-store';

export function FollowUpReminder() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const show = useFollowUpStore(selectShowReminder);
  const due = useFollowUpStore((s) => s.due);
  const setOpen = useFollowUpStore((s) => s.setOpen);
  const dismiss = useFollowUpStore((s) => s.dismissReminder);
  if (!show || due === null) return null;
  return (
    <div
      className={`follow-up-reminder${due.hasOverdue ? ' follow-up-reminder--overdue' : ''}`}
      role="status"
      data-testid="follow-up-reminder"
    >
      <p className="follow-up-reminder__text">{reminderText(locale, due)}</p>
      <button
        type="button"
        className="button button--small"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('followUp.reminder.view')}
      </button>
      <button
        type="button"
        className="button button--small follow-up-reminder__dismiss"
        aria-label={t('followUp.reminder.dismiss')}
        title={t('followUp.reminder.dismiss')}
        onClick={dismiss}
      >
        ×
      </button>
    </div>
  );
}
