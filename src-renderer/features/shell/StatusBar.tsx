// The status bar: connection to the server, changes waiting to be sent, the last sync, changes
// that need the operator's review, the initial sync's progress, "Sinkronkan sekarang", and the
// banner (with the way out) when the local database cannot be used.
import { useState } from 'react';
import type { AppInfo } from '../../../src-shared/bridge';
import type { SyncConnection } from '../../../src-shared/sync/client/status';
import { isMessageKey, useLocaleStore, useT } from '../../i18n/i18n';
import { useConnectionStore } from '../connection/connection-store';
import { etaText, syncedAgo } from '../inbox/inbox-format';
import { useInboxStore } from '../inbox/inbox-store';

/** Offers the outbox as a file, so nothing is lost if the recovery goes wrong. */
function saveOutbox(json: string): void {
  const blob = new Blob([json], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `posko-outbox-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`;
  link.click();
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 10_000);
}

function ProblemBanner() {
  const t = useT();
  const problem = useInboxStore((s) => s.problem);
  const service = useInboxStore((s) => s.service);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (problem === null) return null;
  const message = isMessageKey(problem.messageKey)
    ? t(problem.messageKey)
    : t('error.generic', { message: problem.detail });
  const recover = () => {
    if (service === null) return;
    setBusy(true);
    setFailure(null);
    void (async () => {
      saveOutbox(await service.exportOutbox());
      const result = await service.recover();
      setBusy(false);
      if (!result.ok) {
        setFailure(
          isMessageKey(result.error.messageKey)
            ? t(result.error.messageKey)
            : t('error.generic', { message: result.error.detail }),
        );
      }
    })();
  };
  return (
    <div className="problem-banner" role="alert">
      <p>
        <strong>{t('localDb.problem.title')}</strong> {message}
      </p>
      {failure !== null && <p>{t('localDb.recoverFailed', { message: failure })}</p>}
      <button type="button" className="button button--primary" disabled={busy} onClick={recover}>
        {t('localDb.recover')}
      </button>
    </div>
  );
}

export function StatusBar({ appInfo }: { appInfo: AppInfo | null }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const status = useInboxStore((s) => s.status);
  const now = useInboxStore((s) => s.now);
  const hasService = useInboxStore((s) => s.service !== null);
  const syncNow = useInboxStore((s) => s.syncNow);
  const setReviewOpen = useInboxStore((s) => s.setReviewOpen);
  // Until the sync worker has judged the connection, the sign-in request's outcome stands.
  const signInConnection = useConnectionStore((s) => s.connection);
  const connection: SyncConnection =
    status.connection === 'unknown' ? signInConnection : status.connection;
  const connectionLabel = {
    online: t('statusBar.online'),
    offline: t('statusBar.offline'),
    unauthorized: t('statusBar.unauthorized'),
    unknown: t('statusBar.unknown'),
  }[connection];
  const initial = status.initialSync;
  const percent =
    initial?.rowsTotal != null && initial.rowsTotal > 0
      ? Math.min(100, Math.round((initial.rowsDone / initial.rowsTotal) * 100))
      : null;
  const rowsText =
    initial === null
      ? ''
      : initial.rowsTotal === null
        ? t('statusBar.rowsDone', { done: initial.rowsDone })
        : t('statusBar.rows', { done: initial.rowsDone, total: initial.rowsTotal });
  const eta = initial?.etaMs == null ? '' : etaText(t, initial.etaMs);

  return (
    <footer className="status-bar-wrap" role="contentinfo">
      <ProblemBanner />
      <div className="status-bar">
        <span
          className={`status-bar__connection status-bar__connection--${connection}`}
          data-testid="connection"
          title={status.lastError ?? undefined}
        >
          <span aria-hidden="true" className="status-dot" />
          {connectionLabel}
        </span>
        <span className="status-bar__item" data-testid="last-sync">
          {status.lastSyncAt === null
            ? t('statusBar.neverSynced')
            : syncedAgo(t, locale, status.lastSyncAt, now)}
        </span>
        {status.pendingCount > 0 && (
          <span className="status-bar__item status-bar__pending" data-testid="pending-count">
            {t('statusBar.pending', { count: status.pendingCount })}
          </span>
        )}
        {status.needsReviewCount > 0 && (
          <button
            type="button"
            className="button button--small button--warn"
            data-testid="needs-review"
            onClick={() => {
              setReviewOpen(true);
            }}
          >
            {t('statusBar.needsReview', { count: status.needsReviewCount })}
          </button>
        )}
        {initial !== null && (
          <span
            className="status-bar__initial"
            data-testid="initial-sync"
            title={[t('statusBar.initialSync'), rowsText, eta].filter(Boolean).join(' · ')}
          >
            <span className="status-bar__initial-label">{t('statusBar.initialSync')}</span>
            <span
              className="progress"
              role="progressbar"
              aria-label={t('statusBar.initialSync')}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={percent ?? undefined}
              aria-valuetext={rowsText}
            >
              <span className="progress__bar" style={{ width: `${String(percent ?? 0)}%` }} />
            </span>
            <span>{rowsText}</span>
            {eta !== '' && <span>{eta}</span>}
          </span>
        )}
        <button
          type="button"
          className="button button--small"
          title={t('statusBar.syncNowTitle')}
          disabled={!hasService || status.phase !== 'idle'}
          onClick={() => {
            void syncNow();
          }}
        >
          {status.phase === 'idle' ? t('statusBar.syncNow') : t('statusBar.syncing')}
        </button>
        <span className="status-bar__spacer" />
        <span className="status-bar__hint" title={t('shell.paneHintLong')}>
          {t('shell.paneHint')}
        </span>
        {appInfo && (
          <span className="status-bar__host">
            {appInfo.host === 'electron'
              ? t('statusBar.host.electron')
              : t('statusBar.host.browser')}{' '}
            · v{appInfo.version}
          </span>
        )}
      </div>
    </footer>
  );
}
