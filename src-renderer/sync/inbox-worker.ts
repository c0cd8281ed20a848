// The sync worker's side of the RPC: waits for `open`, builds the service for the session, then
// answers the InboxService calls and forwards its events. Kept apart from the worker entry
// (sync-worker.ts) so tests can serve it over a MessageChannel.

import type { InboxService, InboxSessionConfig } from './inbox-service';
import { serveRpc, withTransfer, type MessagePortLike, type RpcServer } from './rpc';
import type { InboxWorkerEvent, InboxWorkerHandlers } from './worker-api';

export interface InboxWorker {
  /** Resolves once `open` has built the service (for tests). */
  readonly ready: Promise<InboxService>;
}

export function serveInboxWorker(
  port: MessagePortLike,
  openService: (config: InboxSessionConfig) => Promise<InboxService>,
  onClosed: () => void = () => undefined,
): InboxWorker {
  let resolveReady: (service: InboxService) => void = () => undefined;
  const ready = new Promise<InboxService>((resolve) => {
    resolveReady = resolve;
  });
  let isOpening = false;
  let server: RpcServer<InboxWorkerEvent> | null = null;

  const handlers: InboxWorkerHandlers = {
    async open(config) {
      if (isOpening) throw new Error('The sync worker is already open');
      isOpening = true;
      const service = await openService(config);
      service.subscribe((event) => {
        server?.emit(event);
      });
      resolveReady(service);
      return null;
    },
    query: async (query, offset, limit) => (await ready).query(query, offset, limit),
    matchingIds: async (query) => (await ready).matchingIds(query),
    counts: async () => (await ready).counts(),
    report: async (id) => (await ready).report(id),
    reference: async () => (await ready).reference(),
    mutate: async (name, args) => (await ready).mutate(name, args),
    previewBulk: async (request) => (await ready).previewBulk(request),
    runBulk: async (request, holdMs) => (await ready).runBulk(request, holdMs),
    undoBatch: async (batchId) => (await ready).undoBatch(batchId),
    batches: async () => (await ready).batches(),
    suggestRouting: async (reportId) => (await ready).suggestRouting(reportId),
    review: async () => (await ready).review(),
    resolveReview: async (id, choice) => (await ready).resolveReview(id, choice),
    status: async () => (await ready).status(),
    syncNow: async () => (await ready).syncNow(),
    async attachment(reportId, attachmentId) {
      const result = await (await ready).attachment(reportId, attachmentId);
      // The file's bytes move to the window rather than being copied (up to 10 MiB).
      return result.ok ? withTransfer(result, [result.value.bytes]) : result;
    },
    exportOutbox: async () => (await ready).exportOutbox(),
    recover: async () => (await ready).recover(),
    setPresence(reportId, editing) {
      void ready.then((service) => {
        service.setPresence(reportId, editing);
      });
    },
    async close() {
      if (isOpening) await (await ready).close();
      // After the answer has gone out.
      setTimeout(() => {
        server?.close();
        onClosed();
      }, 0);
    },
  };
  server = serveRpc<InboxWorkerEvent>(port, handlers);
  return { ready };
}
