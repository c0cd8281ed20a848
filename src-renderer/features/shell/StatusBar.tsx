// The status bar: connection to the server, last sync, and which host the app runs in.
import type { AppInfo } from '../../../src-shared/bridge';
import { useLocaleStore, useT } from '../../i18n/i18n';
import { useConnectionStore } from '../connection/connection-store';

export function StatusBar({ appInfo }: { appInfo: AppInfo | null }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const connection = useConnectionStore((s) => s.connection);
  const lastSyncAt = useConnectionStore((s) => s.lastSyncAt);
  const connectionLabel =
    connection === 'online'
      ? t('statusBar.online')
      : connection === 'offline'
        ? t('statusBar.offline')
        : t('statusBar.unknown');
  return (
    <footer className="status-bar" role="contentinfo">
      <span
        className={`status-bar__connection status-bar__connection--${connection}`}
        data-testid="connection"
      >
        <span aria-hidden="true" className="status-dot" />
        {connectionLabel}
      </span>
      <span>
        {lastSyncAt === null
          ? t('statusBar.neverSynced')
          : t('statusBar.lastSync', {
              time: new Date(lastSyncAt).toLocaleTimeString(locale === 'id' ? 'id-ID' : 'en-GB'),
            })}
      </span>
      <span className="status-bar__spacer" />
      <span className="status-bar__hint">{t('shell.paneHint')}</span>
      {appInfo && (
        <span>
          {appInfo.host === 'electron' ? t('statusBar.host.electron') : t('statusBar.host.browser')}{' '}
          · v{appInfo.version}
        </span>
      )}
    </footer>
  );
}
