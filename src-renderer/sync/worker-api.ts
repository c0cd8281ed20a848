// What the UI may ask the sync worker: the InboxService calls plus `open`, as one handler map
// shared by the worker (sync-worker.ts serves it) and the UI's proxy (inbox-client.ts calls it).

import type { InboxEvent, InboxService, InboxSessionConfig } from './inbox-service';

type Forwarded = Omit<InboxService, 'subscribe'>;

export type InboxWorkerHandlers = {
  /** First call: opens the database for the session and starts syncing (when leader). */
  open(config: InboxSessionConfig): Promise<null>;
} & { [K in keyof Forwarded]: Forwarded[K] };

export type InboxWorkerEvent = InboxEvent;
