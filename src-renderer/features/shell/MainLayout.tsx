// The operator's workspace: header, queue sidebar, report list, detail pane and status bar.
import type { AppInfo } from '../../../src-shared/bridge';
import { useT } from '../../i18n/i18n';
import { EmptyState } from '../../ui/EmptyState';
import type { ServerProfile } from '../auth/server-profile';
import { queuesForRole } from '../queues/queue-definitions';
import { useNavigationStore } from './navigation-store';
import { QueueSidebar } from './QueueSidebar';
import { StatusBar } from './StatusBar';

export function MainLayout({
  profile,
  appInfo,
  onSignOut,
}: {
  profile: ServerProfile;
  appInfo: AppInfo | null;
  onSignOut: () => void;
}) {
  const t = useT();
  const openView = useNavigationStore((s) => s.openView);
  const queueId = useNavigationStore((s) => s.queue) ?? queuesForRole(profile.user.role)[0]?.id;
  const queue = queuesForRole(profile.user.role).find((q) => q.id === queueId);

  return (
    <div className="shell">
      <header className="shell__header">
        <span className="shell__brand">{t('app.name')}</span>
        <span className="shell__server" title={profile.serverUrl}>
          {profile.serverUrl}
        </span>
        <span className="shell__spacer" />
        <span className="shell__user">
          {t('shell.signedInAs', { name: profile.user.displayName })}
        </span>
        <button
          type="button"
          className="button"
          onClick={() => {
            openView('settings');
          }}
          aria-keyshortcuts="Control+,"
        >
          {t('shell.settings')}
        </button>
        <button type="button" className="button" onClick={onSignOut}>
          {t('shell.logout')}
        </button>
      </header>
      <div className="shell__body">
        <QueueSidebar role={profile.user.role} />
        <main
          id="main"
          className="pane pane--list"
          aria-label={t('shell.reports')}
          data-pane
          tabIndex={-1}
        >
          <h1 className="pane__title">{queue ? t(queue.labelKey) : t('shell.reports')}</h1>
          <EmptyState title={t('shell.emptyQueue.title')} body={t('shell.emptyQueue.body')} />
        </main>
        <section
          className="pane pane--detail"
          aria-label={t('shell.detail')}
          data-pane
          tabIndex={-1}
        >
          <EmptyState title={t('shell.noSelection.title')} body={t('shell.noSelection.body')} />
        </section>
      </div>
      <StatusBar appInfo={appInfo} />
    </div>
  );
}
