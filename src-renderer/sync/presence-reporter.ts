// Keeps the server told which report this window has on screen: one POST when it changes, then a
// heartbeat every PRESENCE_HEARTBEAT_MS while a report stays open (the server forgets silent
// viewers after PRESENCE_TTL_MS). Failures are ignored: presence is a hint, never a blocker.

import { PRESENCE_HEARTBEAT_MS, type PresenceRequest } from '../../src-shared/api/presence';
import type { Scheduler, TransportResult } from '../../src-shared/sync/client/ports';

export interface PresenceReporter {
  set(reportId: string | null, editing: boolean): void;
  /** Leaves the report (best effort) and stops the heartbeat. */
  close(): void;
}

export function createPresenceReporter(deps: {
  post: (request: PresenceRequest) => Promise<TransportResult<null>>;
  scheduler: Scheduler;
  heartbeatMs?: number;
}): PresenceReporter {
  const heartbeatMs = deps.heartbeatMs ?? PRESENCE_HEARTBEAT_MS;
  let current: PresenceRequest = { reportId: null, editing: false };
  let timer: unknown = null;
  let isClosed = false;

  function stopHeartbeat(): void {
    if (timer !== null) deps.scheduler.clearTimeout(timer);
    timer = null;
  }

  function send(): void {
    void deps.post(current).catch(() => undefined);
  }

  function beat(): void {
    stopHeartbeat();
    if (isClosed || current.reportId === null) return;
    timer = deps.scheduler.setTimeout(() => {
      timer = null;
      send();
      beat();
    }, heartbeatMs);
  }

  return {
    set(reportId, editing) {
      if (isClosed) return;
      if (reportId === current.reportId && editing === current.editing) return;
      const wasOnReport = current.reportId !== null;
      current = { reportId, editing };
      // Leaving when nothing was open says nothing new.
      if (reportId !== null || wasOnReport) send();
      beat();
    },
    close() {
      if (isClosed) return;
      if (current.reportId !== null) {
        current = { reportId: null, editing: false };
        send();
      }
      isClosed = true;
      stopHeartbeat();
    },
  };
}
