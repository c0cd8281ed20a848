// The operator's queues (DOMAIN.md): the shared definitions (src-shared/inbox/queries.ts, also used
// by the inbox model that counts and answers them) with the catalogue key of each queue's label.
import {
  queueDefinitions as sharedQueueDefinitions,
  type QueueDefinition as SharedQueueDefinition,
  type QueueId,
} from '../../../src-shared/inbox/queries';
import type { UserRole } from '../../../src-shared/domain/user';
import type { MessageKey } from '../../i18n/i18n';

export type { QueueId };

export interface QueueDefinition extends SharedQueueDefinition {
  readonly labelKey: MessageKey;
}

export function queueLabelKey(id: QueueId): MessageKey {
  return `queue.${id}`;
}

export const queueDefinitions: readonly QueueDefinition[] = sharedQueueDefinitions.map((q) => ({
  ...q,
  labelKey: queueLabelKey(q.id),
}));

export function queuesForRole(role: UserRole): QueueDefinition[] {
  return queueDefinitions.filter((q) => q.roles.includes(role));
}
