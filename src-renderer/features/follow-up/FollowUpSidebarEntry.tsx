// The sidebar's entry to the follow-up panel, with how many follow-ups are due today or late, and
// under it the daily reminder (in the page's flow: it never covers what the operator works on).
import type { UserRole } from '../../../src-shared/domain/user';
import { useLocaleStore, useT } from '../../i18n/i18n';
import { useFollowUpStore, worksFollowUps } from './follow-up-store';
import { FollowUpReminder } from './FollowUpReminder';
import './follow-up.css';

export function FollowUpSidebarEntry({ role }: { role: UserRole }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const due = useFollowUpStore((s) => s.due);
  const open = useFollowUpStore((s) => s.open);
  const setOpen = useFollowUpStore((s) => s.setOpen);
  if (!worksFollowUps(role)) return null;
  const count = due?.count ?? null;
  const countText =
    count === null ? '–' : count.toLocaleString(locale === 'id' ? 'id-ID' : 'en-GB');
  return (
    <section className="queue-group follow-up-entry">
      <ul className="queue-list">
        <li>
          <button
            type="button"
            className="queue-list__item"
            data-testid="follow-up-entry"
            aria-haspopup="dialog"
            aria-expanded={open}
            aria-label={
              count !== null && count > 0
                ? t('followUp.entryDue', { count: countText })
                : t('followUp.title')
            }
            onClick={() => {
              setOpen(true);
            }}
          >
            <span>{t('followUp.title')}</span>
            <span
              className={
                count !== null && count > 0
                  ? `queue-list__count follow-up-entry__badge${due?.hasOverdue === true ? ' follow-up-entry__badge--overdue' : ''}`
                  : 'queue-list__count'
              }
              data-testid="follow-up-count"
            >
              {countText}
            </span>
          </button>
        </li>
      </ul>
      <FollowUpReminder />
    </section>
  );
}
