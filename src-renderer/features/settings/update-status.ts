// How an update status reads to the operator.
import type { UpdateStatus } from '../../../src-shared/bridge';
import type { Translate } from '../../i18n/i18n';

export function describeUpdateStatus(status: UpdateStatus, t: Translate): string {
  switch (status.state) {
    case 'idle':
      return t('settings.updates.idle');
    case 'unavailable':
      return t('settings.updates.unavailable', {
        reason:
          status.reason === 'browser-host' ? t('settings.updates.browserHost') : status.reason,
      });
    case 'checking':
      return t('settings.updates.checking');
    case 'up-to-date':
      return t('settings.updates.upToDate', { version: status.version });
    case 'available':
      return t('settings.updates.available', { version: status.version });
    case 'downloading':
      return t('settings.updates.downloading', { percent: Math.round(status.percent) });
    case 'downloaded':
      return t('settings.updates.downloaded', { version: status.version });
    case 'error':
      return t('settings.updates.error', { message: status.message });
    default: {
      const unhandled: never = status;
      return unhandled;
    }
  }
}
