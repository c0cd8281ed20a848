// The top of the UI: restores the session, then shows sign-in, the workspace or settings.
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../src-shared/bridge';
import { LoginScreen } from '../features/auth/LoginScreen';
import { loadProfiles } from '../features/auth/server-profile';
import { useConnectionStore } from '../features/connection/connection-store';
import { SettingsScreen } from '../features/settings/SettingsScreen';
import { MainLayout } from '../features/shell/MainLayout';
import { useNavigationStore } from '../features/shell/navigation-store';
import { useT } from '../i18n/i18n';
import { bridge } from '../platform/bridge';
import { useSessionStore } from './session';
import { ShortcutSheet } from './ShortcutSheet';
import { useGlobalShortcuts } from './use-global-shortcuts';

export function App() {
  const t = useT();
  const phase = useSessionStore((s) => s.phase);
  const profile = useSessionStore((s) => s.profile);
  const signOut = useSessionStore((s) => s.signOut);
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
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {view === 'settings' ? (
        <SettingsScreen appInfo={appInfo} activeProfileId={profile.id} />
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
    </>
  );
}
