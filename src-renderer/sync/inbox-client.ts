// The UI's InboxService: a proxy that forwards every call to the sync worker over postMessage and
// relays its events. The worker owns the database, the engine and the inbox model; the main
// thread holds nothing but this proxy.

import type {
  InboxEvent,
  InboxService,
  InboxSessionConfig,
  LocalStoreProblem,
} from './inbox-service';
import { connectRpc, type MessagePortLike } from './rpc';
import type { InboxWorkerEvent, InboxWorkerHandlers } from './worker-api';

/** A Worker as the client uses it (injectable for tests). */
export interface WorkerLike extends MessagePortLike {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
  terminate(): void;
}

/** How long close() waits for the worker to close the database before terminating it. */
export const CLOSE_TIMEOUT_MS = 3_000;

export function spawnSyncWorker(): WorkerLike {
  // This exact form lets Vite find and bundle the worker as a module chunk of its own.
  return new Worker(new URL('./sync-worker.ts', import.meta.url), {
    type: 'module',
    name: 'posko-sync',
  });
}

const workerFailed = (detail: string): LocalStoreProblem => ({
  code: 'local/open-failed',
  messageKey: 'localDb.problem.workerFailed',
  detail,
});

/**
 * Starts a sync worker for the session and answers as an InboxService. Events replay to late
 * subscribers: the newest status, and the current problem when there is one.
 */
export function createInboxClient(
  config: InboxSessionConfig,
  options: { spawn?: () => WorkerLike; closeTimeoutMs?: number } = {},
): InboxService {
  const worker = (options.spawn ?? spawnSyncWorker)();
  const rpc = connectRpc<InboxWorkerHandlers, InboxWorkerEvent>(worker);
  const listeners = new Set<(event: InboxEvent) => void>();
  let lastStatus: Extract<InboxEvent, { type: 'status' }> | null = null;
  let problem: LocalStoreProblem | null = null;
  let isClosed = false;

  function deliver(event: InboxEvent): void {
    if (event.type === 'status') lastStatus = event;
    if (event.type === 'problem') problem = event.problem;
    for (const listener of [...listeners]) listener(event);
  }

  rpc.onEvent(deliver);
  worker.addEventListener('error', (event) => {
    const message = (event as Partial<ErrorEvent>).message;
    const detail =
      typeof message === 'string' && message !== '' ? message : 'The sync worker stopped';
    rpc.close(detail);
    deliver({ type: 'problem', problem: workerFailed(detail) });
  });
  void rpc.call('open', config).catch(() => undefined);

  return {
    query: (query, offset, limit) => rpc.call('query', query, offset, limit),
    matchingIds: (query) => rpc.call('matchingIds', query),
    counts: () => rpc.call('counts'),
    report: (id) => rpc.call('report', id),
    reference: () => rpc.call('reference'),
    mutate: (name, args) => rpc.call('mutate', name, args),
    previewBulk: (request) => rpc.call('previewBulk', request),
    runBulk: (request, holdMs) => rpc.call('runBulk', request, holdMs),
    undoBatch: (batchId) => rpc.call('undoBatch', batchId),
    batches: () => rpc.call('batches'),
    suggestRouting: (reportId) => rpc.call('suggestRouting', reportId),
    review: () => rpc.call('review'),
    resolveReview: (id, choice) => rpc.call('resolveReview', id, choice),
    status: () => rpc.call('status'),
    syncNow: () => rpc.call('syncNow'),
    attachment: (reportId, attachmentId) => rpc.call('attachment', reportId, attachmentId),
    exportOutbox: () => rpc.call('exportOutbox'),
    recover: () => rpc.call('recover'),
    setPresence(reportId, editing) {
      rpc.notify('setPresence', reportId, editing);
    },
    subscribe(listener) {
      listeners.add(listener);
      if (lastStatus) listener(lastStatus);
      if (problem) listener({ type: 'problem', problem });
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      if (isClosed) return;
      isClosed = true;
      listeners.clear();
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([
        rpc.call('close').catch(() => undefined),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS);
        }),
      ]);
      clearTimeout(timer);
      rpc.close('The inbox is closed');
      worker.terminate();
    },
  };
}
