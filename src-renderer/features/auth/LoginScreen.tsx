// Sign-in: server address, username, password. Remembers recent server profiles.
import { useState, type SyntheticEvent } from 'react';
import { useT } from '../../i18n/i18n';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import type { SessionStore } from './session-store';
import type { ServerProfile } from './server-profile';

export function LoginScreen({
  useSession,
  profiles,
  defaultServerUrl,
}: {
  useSession: <T>(selector: (s: SessionStore) => T) => T;
  profiles: readonly ServerProfile[];
  defaultServerUrl: string | null;
}) {
  const t = useT();
  const signIn = useSession((s) => s.signIn);
  const signingIn = useSession((s) => s.signingIn);
  const error = useSession((s) => s.signInError);
  const recent = profiles[0];
  const [serverUrl, setServerUrl] = useState(recent?.serverUrl ?? defaultServerUrl ?? '');
  const [username, setUsername] = useState(recent?.username ?? '');
  const [password, setPassword] = useState('');

  const onSubmit = (event: SyntheticEvent<HTMLFormElement>) => {
    event.preventDefault();
    void signIn(serverUrl, username, password);
  };

  return (
    <main id="main" className="login">
      <div className="login__card">
        <div className="login__header">
          <h1 className="login__title">{t('login.title')}</h1>
          <LanguageSwitch />
        </div>
        <p className="login__subtitle">{t('login.subtitle')}</p>
        <form className="form" onSubmit={onSubmit} noValidate aria-busy={signingIn}>
          <label className="form__field">
            <span>{t('login.serverUrl')}</span>
            <input
              name="serverUrl"
              type="url"
              inputMode="url"
              autoComplete="url"
              value={serverUrl}
              onChange={(e) => {
                setServerUrl(e.target.value);
              }}
              aria-describedby="server-url-hint"
              list="recent-profiles"
              required
            />
            <small id="server-url-hint" className="form__hint">
              {t('login.serverUrlHint')}
            </small>
          </label>
          <datalist id="recent-profiles">
            {profiles.map((p) => (
              <option key={p.id} value={p.serverUrl} label={`${p.username} · ${p.serverUrl}`} />
            ))}
          </datalist>
          <label className="form__field">
            <span>{t('login.username')}</span>
            <input
              name="username"
              autoComplete="username"
              value={username}
              autoFocus={!username}
              onChange={(e) => {
                setUsername(e.target.value);
              }}
              required
            />
          </label>
          <label className="form__field">
            <span>{t('login.password')}</span>
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              autoFocus={Boolean(username)}
              onChange={(e) => {
                setPassword(e.target.value);
              }}
              required
            />
          </label>
          {error && (
            <p className="form__error" role="alert">
              {t(error.key, error.params)}
            </p>
          )}
          <button className="button button--primary" type="submit" disabled={signingIn}>
            {signingIn ? t('login.submitting') : t('login.submit')}
          </button>
        </form>
      </div>
      <p className="login__tagline">{t('app.tagline')}</p>
    </main>
  );
}
