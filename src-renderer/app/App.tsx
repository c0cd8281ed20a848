// The top of the UI: restores the session, then shows sign-in, the workspace or settings.
import { useEffect, useMemo, useState } from 'react';
import type { AppInfo } from '../../src-shared/bridge';
import { LoginScreen } from '../features/auth/LoginScreen';
import { loadProfiles } from '../features/auth/server-profile';
import { CommandPalette } from '../features/commands/CommandPalette';
import { useConnectionStore } from '../features/connection/connection-store';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { resetListOrderIds } from '../features/selection/list-selection';
import { useSelectionStore } from '../features/selection/selection-store';
import { MainLayout } from '../features/shell/MainLayout';
import { useNavigationStore } from '../features/shell/navigation-store';
import { TemplateLibraryScreen } from '../features/templates/TemplateLibraryScreen';
import { useT } from '../i18n/i18n';
import { bridge } from '../platform/bridge';
import { createInboxClient } from '../sync/inbox-client';
import { InboxServiceProvider } from '../sync/inbox-context';
import type { InboxService, InboxSessionConfig } from '../sync/inbox-service';
import { useInboxClient } from '../sync/use-inbox-client';
import { useSessionStore } from './session';
import { ShortcutSheet } from './ShortcutSheet';
import { useGlobalShortcuts } from './use-global-shortcuts';

export interface AppProps {
  /** Starts the signed-in session's inbox (default: a sync worker); tests pass a fake. */
  readonly createInbox?: (config: InboxSessionConfig) => InboxService;
}

export function App({ createInbox = createInboxClient }: AppProps = {}) {
  const t = useT();
  const phase = useSessionStore((s) => s.phase);
  const profile = useSessionStore((s) => s.profile);
  const token = useSessionStore((s) => s.token);
  const signOut = useSessionStore((s) => s.signOut);
  const inboxConfig = useMemo(
    (): InboxSessionConfig | null =>
      phase === 'signed-in' && profile !== null && token !== null
        ? { profileId: profile.id, serverUrl: profile.serverUrl, token, user: profile.user }
        : null,
    [phase, profile, token],
  );
  const inbox = useInboxClient(inboxConfig, createInbox);
  const view = useNavigationStore((s) => s.view);
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  const [isHostReady, setHostReady] = useState(false);

  useEffect(() => {
    void useSessionStore.getState().restore();
    void bridge.invoke('app:info', {}).then((result) => {
      if (result.ok) setAppInfo(result.value);
      setHostReady(true);
    });
    const onOffline = () => {
      useConnectionStore.getState().reportBrowserOffline();
    };
    window.addEventListener('offline', onOffline);
    return () => {
      window.removeEventListener('offline', onOffline);
    };
  }, []);

  useGlobalShortcuts(phase === 'signed-in');

  // A selection belongs to one operator's session.
  useEffect(() => {
    if (phase === 'signed-in') return;
    useSelectionStore.getState().clear();
    resetListOrderIds();
  }, [phase]);

  // The sign-in form needs the host's default server, so it waits for app:info as well.
  if (phase === 'restoring' || (phase === 'signed-out' && !isHostReady)) {
    return <div className="splash" aria-busy="true" aria-label={t('app.name')} />;
  }
  if (phase === 'signed-out' || !profile) {
    return (
      <LoginScreen
        useSession={useSessionStore}
        profiles={loadProfiles(window.localStorage)}
        defaultServerUrl={appInfo?.defaultServerUrl ?? null}
      />
    );
  }
  // The inbox starts with the session (an effect): one frame of splash until it exists.
  if (inbox === null) {
    return <div className="splash" aria-busy="true" aria-label={t('app.name')} />;
  }
  return (
    <InboxServiceProvider service={inbox}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {view === 'settings' ? (
        <SettingsScreen appInfo={appInfo} activeProfileId={profile.id} />
      ) : view === 'templates' ? (
        <TemplateLibraryScreen user={profile.user} />
      ) : (
        <MainLayout
          profile={profile}
          appInfo={appInfo}
          onSignOut={() => {
            void signOut();
          }}
        />
      )}
      <ShortcutSheet />
      <CommandPalette />
    </InboxServiceProvider>
  );
}
