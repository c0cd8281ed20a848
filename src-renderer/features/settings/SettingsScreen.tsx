// Settings: language, theme, the undo window of bulk actions, remembered server profiles, version
// and app updates.
import { useEffect, useState } from 'react';
import type { AppInfo, UpdateStatus } from '../../../src-shared/bridge';
import { useT } from '../../i18n/i18n';
import { bridge } from '../../platform/bridge';
import { forgetProfile, loadProfiles, type ServerProfile } from '../auth/server-profile';
import { UndoWindowSetting } from '../bulk/UndoWindowSetting';
import { useNavigationStore } from '../shell/navigation-store';
import { LanguageSwitch } from './LanguageSwitch';
import { themeChoices, useThemeStore } from './theme-store';
import { describeUpdateStatus } from './update-status';

const themeLabel = {
  system: 'settings.theme.system',
  light: 'settings.theme.light',
  dark: 'settings.theme.dark',
} as const;

export function SettingsScreen({
  appInfo,
  activeProfileId,
}: {
  appInfo: AppInfo | null;
  activeProfileId: string | null;
}) {
  const t = useT();
  const openView = useNavigationStore((s) => s.openView);
  const theme = useThemeStore((s) => s.theme);
  const setTheme = useThemeStore((s) => s.setTheme);
  const [profiles, setProfiles] = useState<ServerProfile[]>(() =>
    loadProfiles(window.localStorage),
  );
  const [update, setUpdate] = useState<UpdateStatus>({ state: 'idle' });
  const [error, setError] = useState<string | null>(null);

  useEffect(() => bridge.on('updates:status', setUpdate), []);

  const run = async (action: 'updates:check' | 'updates:download' | 'updates:install') => {
    setError(null);
    const result = await bridge.invoke(action, {});
    if (!result.ok) setError(result.error.message);
    else if (result.value !== null) setUpdate(result.value);
  };

  return (
    <main id="main" className="settings" aria-labelledby="settings-title">
      <header className="settings__header">
        <button
          type="button"
          className="button"
          onClick={() => {
            openView('inbox');
          }}
          aria-keyshortcuts="Escape"
        >
          ← {t('settings.back')}
        </button>
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>

      <section className="settings__section" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.language')}</h2>
        <LanguageSwitch />
      </section>

      <section className="settings__section" aria-labelledby="settings-theme">
        <h2 id="settings-theme">{t('settings.theme')}</h2>
        <div role="radiogroup" aria-labelledby="settings-theme" className="segmented">
          {themeChoices.map((choice) => (
            <label key={choice} className="segmented__option">
              <input
                type="radio"
                name="theme"
                value={choice}
                checked={theme === choice}
                onChange={() => {
                  setTheme(choice);
                }}
              />
              {t(themeLabel[choice])}
            </label>
          ))}
        </div>
      </section>

      <UndoWindowSetting />

      <section className="settings__section" aria-labelledby="settings-profiles">
        <h2 id="settings-profiles">{t('settings.profiles')}</h2>
        {profiles.length === 0 ? (
          <p>{t('settings.profiles.empty')}</p>
        ) : (
          <ul className="profile-list">
            {profiles.map((p) => (
              <li key={p.id}>
                <span>
                  {p.user.displayName} ({p.username}) · {p.serverUrl}
                </span>
                <button
                  type="button"
                  className="button"
                  disabled={p.id === activeProfileId}
                  onClick={() => {
                    setProfiles(forgetProfile(window.localStorage, p.id));
                    void bridge.invoke('secrets:delete', { profileId: p.id });
                  }}
                >
                  {t('settings.profiles.forget')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="settings__section" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about')}</h2>
        {appInfo && (
          <p data-testid="app-version">
            {t('settings.version', {
              version: appInfo.version,
              host:
                appInfo.host === 'electron'
                  ? t('statusBar.host.electron')
                  : t('statusBar.host.browser'),
              platform: appInfo.platform,
            })}
          </p>
        )}
        <h3>{t('settings.updates')}</h3>
        <p role="status" data-testid="update-status">
          {describeUpdateStatus(update, t)}
        </p>
        {error && (
          <p className="form__error" role="alert">
            {t('error.generic', { message: error })}
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button" onClick={() => void run('updates:check')}>
            {t('settings.updates.check')}
          </button>
          {update.state === 'available' && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void run('updates:download')}
            >
              {t('settings.updates.download')}
            </button>
          )}
          {update.state === 'downloaded' && (
            <button
              type="button"
              className="button button--primary"
              onClick={() => void run('updates:install')}
            >
              {t('settings.updates.install')}
            </button>
          )}
        </div>
      </section>
    </main>
  );
}
