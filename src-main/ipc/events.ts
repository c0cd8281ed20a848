// Main → renderer events (`updates:status`, …): checked against their schema, and sent only to
// windows showing an app page.

import type { WebContents } from 'electron';
import {
  bridgeEventSchemas,
  type BridgeEvent,
  type BridgeEventPayload,
} from '../../src-shared/bridge';
import { isAppUrl } from '../app-origin';
import type { Logger } from '../log';

export type EventRecipient = Pick<WebContents, 'send' | 'getURL' | 'isDestroyed'>;

export type BridgeEventSender = <E extends BridgeEvent>(
  event: E,
  payload: BridgeEventPayload<E>,
) => void;

export function createBridgeEventSender(options: {
  targets: () => readonly EventRecipient[];
  log: Logger;
}): BridgeEventSender {
  return (event, payload) => {
    const checked = bridgeEventSchemas[event].safeParse(payload);
    if (!checked.success) {
      options.log.error('bridge event not sent: payload outside its schema', {
        event,
        issues: checked.error.issues.map((issue) => ({
          path: issue.path.map(String).join('.'),
          code: issue.code,
        })),
      });
      return;
    }
    for (const target of options.targets()) {
      if (!target.isDestroyed() && isAppUrl(target.getURL())) target.send(event, checked.data);
    }
  };
}
