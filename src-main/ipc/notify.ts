// notify:show — a native notification (new report assigned, SLA about to breach, …).

import { appError, err, ok } from '../../src-shared/result';
import type { BridgeHandlers } from './registry';

export interface NotifyDeps {
  readonly isSupported: () => boolean;
  readonly show: (notification: { title: string; body: string }) => void;
}

export function notifyHandlers(deps: NotifyDeps): Pick<BridgeHandlers, 'notify:show'> {
  return {
    'notify:show': (request) => {
      if (!deps.isSupported()) {
        return Promise.resolve(
          err(
            appError('notify/unavailable', 'This system does not support desktop notifications.'),
          ),
        );
      }
      deps.show({ title: request.title, body: request.body });
      return Promise.resolve(ok(null));
    },
  };
}
