// The operator's workspace: header, queue sidebar, report list (toolbar, folding filters,
// virtualized grid), detail pane with actions, status bar and the needs-review panel. Connects the inbox store
// to the sync worker's InboxService for the signed-in session.
import { useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../../src-shared/bridge';
import { useT, type Translate } from '../../i18n/i18n';
import { useInboxService } from '../../sync/inbox-context';
import type { ServerProfile } from '../auth/server-profile';
import { useCommands, type Command } from '../commands/command-registry';
import { BatchResultsButton } from '../bulk/BatchResultsPanel';
import { BulkBar } from '../bulk/BulkBar';
import { BulkWorkspace } from '../bulk/BulkWorkspace';
import { FollowUpWorkspace } from '../follow-up/FollowUpWorkspace';
import { FiltersBar } from '../inbox/FiltersBar';
import { useInboxStore } from '../inbox/inbox-store';
import { ListToolbar, SEARCH_INPUT_ID } from '../inbox/ListToolbar';
import { ReportDetailPane } from '../inbox/ReportDetailPane';
import { ReportList } from '../inbox/ReportList';
import { queueLabelKey, queuesForRole } from '../queues/queue-definitions';
import { ReviewPanel } from '../review/ReviewPanel';
import { useTemplateLibraryCommand } from '../templates/use-template-library-command';
import { useTriageMode } from '../triage/use-triage-mode';
import { useNavigationStore } from './navigation-store';
import { QueueSidebar } from './QueueSidebar';
import { StatusBar } from './StatusBar';

/** `/` searches (the list registers its own keys, the sidebar the queues'). */
function useSearchCommand(t: Translate): void {
  const commands: Command[] = [
    {
      id: 'navigation.search',
      group: 'navigation',
      label: t('shortcuts.inbox.search'),
      keys: '/',
      run: () => {
        // Focused with its text selected: typing replaces the last search.
        const search = document.getElementById(SEARCH_INPUT_ID);
        if (search instanceof HTMLInputElement) search.select();
        search?.focus();
      },
    },
  ];
  useCommands(commands, commands.map((c) => `${c.id}=${c.label}`).join('|'));
}

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
  const service = useInboxService();
  const openView = useNavigationStore((s) => s.openView);
  const queue = useInboxStore((s) => s.query.queue);
  const setQueue = useInboxStore((s) => s.setQueue);
  const user = profile.user;
  const listRef = useRef<HTMLElement>(null);
  const detailRef = useRef<HTMLElement>(null);
  // The filters are folded away by default: the list gets the height.
  const [filtersOpen, setFiltersOpen] = useState(false);

  // The role decides the queues; start on the first one the role works.
  const queues = queuesForRole(user.role);
  useEffect(() => {
    if (!queues.some((q) => q.id === queue) && queues[0] !== undefined) setQueue(queues[0].id);
  }, [queues, queue, setQueue]);

  useEffect(() => useInboxStore.getState().attach(service, user), [service, user]);

  // The window learns of the network's return for sure (a worker may not): sync at once instead
  // of waiting for the next retry.
  useEffect(() => {
    const onOnline = () => {
      void useInboxStore.getState().syncNow();
    };
    window.addEventListener('online', onOnline);
    return () => {
      window.removeEventListener('online', onOnline);
    };
  }, []);

  const openDetail = () => {
    detailRef.current?.focus();
  };
  useSearchCommand(t);
  useTemplateLibraryCommand();
  useTriageMode(openDetail);

  return (
    <div className="shell">
      <header className="shell__header">
        <span className="shell__brand">{t('app.name')}</span>
        <span className="shell__server" title={profile.serverUrl}>
          {profile.serverUrl}
        </span>
        <span className="shell__spacer" />
        <span className="shell__user">{t('shell.signedInAs', { name: user.displayName })}</span>
        <BatchResultsButton />
        <button
          type="button"
          className="button"
          onClick={() => {
            openView('templates');
          }}
        >
          {t('templates.title')}
        </button>
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
        <QueueSidebar role={user.role} />
        <main
          id="main"
          ref={listRef}
          className="pane pane--list"
          aria-label={t('shell.reports')}
          data-pane
          tabIndex={-1}
        >
          <h1 className="pane__title">{t(queueLabelKey(queue))}</h1>
          <BulkBar />
          <ListToolbar
            filtersOpen={filtersOpen}
            onToggleFilters={() => {
              setFiltersOpen((open) => !open);
            }}
          />
          <FiltersBar hidden={!filtersOpen} />
          <ReportList onOpen={openDetail} />
        </main>
        <section
          ref={detailRef}
          className="pane pane--detail"
          aria-label={t('shell.detail')}
          data-pane
          tabIndex={-1}
        >
          <ReportDetailPane />
        </section>
      </div>
      <StatusBar appInfo={appInfo} />
      <ReviewPanel />
      <BulkWorkspace service={service} />
      <FollowUpWorkspace
        service={service}
        profileId={profile.id}
        user={user}
        onOpened={openDetail}
      />
    </div>
  );
}
