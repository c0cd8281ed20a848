// The queue list: deadline views first, then one queue per status the role works, each with its
// live count ("≈" while the first complete copy is still being made: counts are the server's
// estimate or partial); then the operator's saved views.
import type { UserRole } from '../../../src-shared/domain/user';
import { useT } from '../../i18n/i18n';
import { FollowUpSidebarEntry } from '../follow-up/FollowUpSidebarEntry';
import { useInboxStore } from '../inbox/inbox-store';
import { queuesForRole, type QueueDefinition } from '../queues/queue-definitions';
import { useQueueCommands } from './inbox-shortcuts';
import { useNavigationStore } from './navigation-store';
import { SavedViewsSection } from './SavedViewsSection';

export function QueueSidebar({ role }: { role: UserRole }) {
  const t = useT();
  const queues = queuesForRole(role);
  const groups: { key: QueueDefinition['group']; label: string }[] = [
    { key: 'deadline', label: t('queue.group.deadline') },
    { key: 'status', label: t('queue.group.status') },
  ];
  const selected = useInboxStore((s) => s.query.queue);
  const counts = useInboxStore((s) => s.counts);
  const isApproximate = useInboxStore((s) => s.status.initialSync !== null);
  const setQueue = useInboxStore((s) => s.setQueue);
  const selectQueue = useNavigationStore((s) => s.selectQueue);
  // Every queue is a command too: `g` + its letter, and in the palette (Ctrl+K).
  useQueueCommands(queues, t, (id) => {
    selectQueue(id);
    setQueue(id);
  });

  return (
    <nav className="pane pane--sidebar" aria-label={t('shell.queues')} data-pane>
      <FollowUpSidebarEntry role={role} />
      {groups.map((group) => (
        <section key={group.key} className="queue-group">
          <h2 className="queue-group__title">{group.label}</h2>
          <ul className="queue-list">
            {queues
              .filter((q) => q.group === group.key)
              .map((q) => {
                const count = counts?.[q.id];
                return (
                  <li key={q.id}>
                    <button
                      type="button"
                      className="queue-list__item"
                      aria-current={q.id === selected ? 'page' : undefined}
                      data-queue={q.id}
                      onClick={() => {
                        selectQueue(q.id);
                        setQueue(q.id);
                      }}
                    >
                      <span>{t(q.labelKey)}</span>
                      {count === undefined ? (
                        <span className="queue-list__count" title={t('queue.countUnknown')}>
                          –
                        </span>
                      ) : (
                        <span
                          className="queue-list__count"
                          data-testid={`count-${q.id}`}
                          title={isApproximate ? t('queue.countApproximate') : undefined}
                        >
                          {isApproximate ? '≈' : ''}
                          {count.toLocaleString('id-ID')}
                        </span>
                      )}
                    </button>
                  </li>
                );
              })}
          </ul>
        </section>
      ))}
      <SavedViewsSection />
    </nav>
  );
}
