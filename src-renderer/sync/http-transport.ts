// The sync engine's Transport over fetch and EventSource: pull, push and heads as JSON POSTs parsed
// with the protocol schemas, failures sorted into TransportFailure kinds, one shared event stream
// (version and presence announcements) for the engine and the presence listeners, and attachment
// downloads (GET, raw bytes) for the worker's attachment cache.

import {
  PresenceAnnouncementSchema,
  SSE_PRESENCE_EVENT,
  type PresenceAnnouncement,
  type PresenceRequest,
} from '../../src-shared/api/presence';
import { API_PREFIX, ApiErrorBodySchema } from '../../src-shared/api/auth';
import type {
  PullArgs,
  Scheduler,
  Transport,
  TransportFailure,
  TransportResult,
} from '../../src-shared/sync/client/ports';
import {
  HeadsResponseSchema,
  PullResponseSchema,
  PushResponseSchema,
  SSE_VERSION_EVENT,
  VersionAnnouncementSchema,
  type HeadsResponse,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type VersionAnnouncement,
} from '../../src-shared/sync/protocol';

/** A pull page of 1000 full reports can take a while on a slow link; no answer in this → offline. */
export const REQUEST_TIMEOUT_MS = 60_000;
/** An attachment (up to 10 MiB) may take minutes on a weak link; the whole download gets this. */
export const DOWNLOAD_TIMEOUT_MS = 5 * 60_000;
/** After the event stream gave up (a refused or broken stream), try to open it again this late. */
export const EVENTS_REOPEN_MS = 15_000;

/** The part of EventSource the transport uses (injectable: Node has none). */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}

/** EventSource.CLOSED */
const EVENT_SOURCE_CLOSED = 2;

interface SchemaLike<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: Error };
}

export interface HttpTransportOptions {
  /** The server's origin (and path prefix), without a trailing slash. */
  readonly serverUrl: string;
  readonly token: string;
  readonly fetch: typeof fetch;
  readonly scheduler: Scheduler;
  /** Opens an event stream; absent → no live updates (the engine polls). */
  readonly openEventSource?: (url: string) => EventSourceLike;
  readonly timeoutMs?: number;
  /** Deadline of an attachment download (default DOWNLOAD_TIMEOUT_MS). */
  readonly downloadTimeoutMs?: number;
}

/** A downloaded file: its bytes and the media type the server declared (lowercase, no params). */
export interface DownloadedAttachment {
  readonly bytes: ArrayBuffer;
  readonly mimeType: string;
}

/** What the sync worker needs to fetch attachments (the HTTP transport has it). */
export interface AttachmentTransport {
  /** `GET /api/v1/attachments/:id` with the session token. */
  downloadAttachment(id: string): Promise<TransportResult<DownloadedAttachment>>;
}

export interface HttpTransport extends Transport, AttachmentTransport {
  heads(): Promise<TransportResult<HeadsResponse>>;
  /** Tells the server which report is on screen (`POST /api/v1/presence`). */
  postPresence(request: PresenceRequest): Promise<TransportResult<null>>;
  /**
   * Presence announcements from the event stream. Keeps the stream open while subscribed (also in
   * a window that does not sync). Returns the unsubscribe function.
   */
  subscribePresence(listener: (announcement: PresenceAnnouncement) => void): () => void;
  /** Closes the event stream and cancels requests in flight. */
  close(): void;
}

const failure = (
  kind: TransportFailure['kind'],
  message: string,
  status?: number,
): { ok: false; error: TransportFailure } => ({
  ok: false,
  error: status === undefined ? { kind, message } : { kind, message, status },
});

function errorMessage(json: unknown, status: number): string {
  const parsed = ApiErrorBodySchema.safeParse(json);
  return parsed.success
    ? `${parsed.data.error.code}: ${parsed.data.error.message}`
    : `HTTP ${String(status)}`;
}

/** `image/JPEG; charset=x` → `image/jpeg`. */
function mediaTypeOf(header: string | null): string {
  return (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const base = `${options.serverUrl.replace(/\/+$/, '')}${API_PREFIX}`;
  const timeoutMs = options.timeoutMs ?? REQUEST_TIMEOUT_MS;
  const downloadTimeoutMs = options.downloadTimeoutMs ?? DOWNLOAD_TIMEOUT_MS;
  const inFlight = new Set<AbortController>();
  let isClosed = false;

  /** Reads an error answer's body (JSON `{error}` when the server sent one) for its message. */
  async function errorBody(response: Response): Promise<unknown> {
    try {
      const text = await response.text();
      return text.trim() === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      return null;
    }
  }

  async function download(id: string): Promise<TransportResult<DownloadedAttachment>> {
    if (isClosed) return failure('offline', 'The connection is closed');
    const controller = new AbortController();
    inFlight.add(controller);
    const deadline = { passed: false };
    const timer = options.scheduler.setTimeout(() => {
      deadline.passed = true;
      controller.abort();
    }, downloadTimeoutMs);
    const broken = (cause: unknown): { ok: false; error: TransportFailure } =>
      failure(
        'offline',
        deadline.passed
          ? `The file did not arrive within ${String(Math.round(downloadTimeoutMs / 1000))} s`
          : cause instanceof Error
            ? cause.message
            : String(cause),
      );
    try {
      let response: Response;
      try {
        response = await options.fetch(`${base}/attachments/${encodeURIComponent(id)}`, {
          method: 'GET',
          headers: { authorization: `Bearer ${options.token}` },
          signal: controller.signal,
          cache: 'no-store',
        });
      } catch (cause) {
        return broken(cause);
      }
      const status = response.status;
      if (status < 200 || status >= 300) {
        const message = errorMessage(await errorBody(response), status);
        if (status === 401) return failure('unauthorized', message, status);
        if (status >= 500) return failure('server', message, status);
        if (status >= 400) return failure('client', message, status);
        return failure('server', `Unreadable answer (HTTP ${String(status)})`, status);
      }
      let bytes: ArrayBuffer;
      try {
        bytes = await response.arrayBuffer();
      } catch (cause) {
        // The file broke off mid-body: the connection, not the server's logic.
        return broken(cause);
      }
      return {
        ok: true,
        value: { bytes, mimeType: mediaTypeOf(response.headers.get('content-type')) },
      };
    } finally {
      options.scheduler.clearTimeout(timer);
      inFlight.delete(controller);
    }
  }

  async function post<T>(
    path: string,
    body: unknown,
    schema: SchemaLike<T>,
  ): Promise<TransportResult<T>> {
    if (isClosed) return failure('offline', 'The connection is closed');
    const controller = new AbortController();
    inFlight.add(controller);
    // An object, so the flag set by the timer is read fresh after each await.
    const deadline = { passed: false };
    const timer = options.scheduler.setTimeout(() => {
      deadline.passed = true;
      controller.abort();
    }, timeoutMs);
    try {
      let response: Response;
      try {
        response = await options.fetch(`${base}${path}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${options.token}`,
          },
          body: JSON.stringify(body ?? {}),
          signal: controller.signal,
          cache: 'no-store',
        });
      } catch (cause) {
        const message = deadline.passed
          ? `No answer from the server within ${String(Math.round(timeoutMs / 1000))} s`
          : cause instanceof Error
            ? cause.message
            : String(cause);
        return failure('offline', message);
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        // The answer broke off mid-body: the connection, not the server's logic.
        return failure(
          'offline',
          deadline.passed
            ? 'The answer did not arrive in time'
            : cause instanceof Error
              ? cause.message
              : String(cause),
        );
      }
      // An empty body (204) reads as null: only an answer that expects nothing accepts it.
      let json: unknown = null;
      let isJson = true;
      if (text.trim() !== '') {
        try {
          json = JSON.parse(text);
        } catch {
          isJson = false;
        }
      }
      const status = response.status;
      if (status === 401) return failure('unauthorized', errorMessage(json, status), status);
      if (status >= 500) return failure('server', errorMessage(json, status), status);
      if (status >= 400) return failure('client', errorMessage(json, status), status);
      if (status < 200 || status >= 300 || !isJson) {
        return failure('server', `Unreadable answer (HTTP ${String(status)})`, status);
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        return failure('server', `Unexpected answer from ${path}: ${parsed.error.message}`, status);
      }
      return { ok: true, value: parsed.data };
    } finally {
      options.scheduler.clearTimeout(timer);
      inFlight.delete(controller);
    }
  }

  // --- the shared event stream -----------------------------------------------------------------

  type VersionSubscriber = {
    onAnnouncement: (announcement: VersionAnnouncement) => void;
    onState: (connected: boolean) => void;
  };
  const versionSubscribers = new Set<VersionSubscriber>();
  const presenceListeners = new Set<(announcement: PresenceAnnouncement) => void>();
  let source: EventSourceLike | null = null;
  let isConnected = false;
  let reopenTimer: unknown = null;

  const hasSubscribers = () => versionSubscribers.size > 0 || presenceListeners.size > 0;

  function setConnected(connected: boolean): void {
    if (connected === isConnected) return;
    isConnected = connected;
    for (const s of [...versionSubscribers]) s.onState(connected);
  }

  function parseData<T>(event: MessageEvent, schema: SchemaLike<T>): T | null {
    if (typeof event.data !== 'string') return null;
    try {
      const parsed = schema.safeParse(JSON.parse(event.data));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  function openStream(): void {
    const open = options.openEventSource;
    if (open === undefined || source !== null || isClosed || !hasSubscribers()) return;
    const url = `${base}/events?token=${encodeURIComponent(options.token)}`;
    const stream = open(url);
    source = stream;
    stream.onopen = () => {
      setConnected(true);
    };
    stream.onerror = () => {
      setConnected(false);
      // EventSource retries by itself unless the answer was refused (e.g. 401): then it is closed
      // for good and only a new one tries again.
      if (stream.readyState === EVENT_SOURCE_CLOSED && source === stream) {
        stream.close();
        source = null;
        scheduleReopen();
      }
    };
    stream.addEventListener(SSE_VERSION_EVENT, (event) => {
      const announcement = parseData(event, VersionAnnouncementSchema);
      if (announcement === null) return;
      setConnected(true);
      for (const s of [...versionSubscribers]) s.onAnnouncement(announcement);
    });
    stream.addEventListener(SSE_PRESENCE_EVENT, (event) => {
      const announcement = parseData(event, PresenceAnnouncementSchema);
      if (announcement === null) return;
      for (const listener of [...presenceListeners]) listener(announcement);
    });
  }

  function scheduleReopen(): void {
    if (reopenTimer !== null || isClosed) return;
    reopenTimer = options.scheduler.setTimeout(() => {
      reopenTimer = null;
      openStream();
    }, EVENTS_REOPEN_MS);
  }

  function closeStreamIfUnused(): void {
    if (hasSubscribers()) return;
    source?.close();
    source = null;
    if (reopenTimer !== null) options.scheduler.clearTimeout(reopenTimer);
    reopenTimer = null;
    isConnected = false;
  }

  const transport: HttpTransport = {
    pull(args: PullArgs): Promise<TransportResult<PullResponse>> {
      return post(
        '/sync/pull',
        {
          cursor: args.cursor,
          limit: args.limit,
          ...(args.withTotal === true ? { withTotal: true } : {}),
        },
        PullResponseSchema,
      );
    },
    push(request: PushRequest): Promise<TransportResult<PushResponse>> {
      return post('/sync/push', request, PushResponseSchema);
    },
    heads(): Promise<TransportResult<HeadsResponse>> {
      return post('/sync/heads', {}, HeadsResponseSchema);
    },
    postPresence(request: PresenceRequest): Promise<TransportResult<null>> {
      return post('/presence', request, { safeParse: () => ({ success: true, data: null }) });
    },
    downloadAttachment(id: string): Promise<TransportResult<DownloadedAttachment>> {
      return download(id);
    },
    ...(options.openEventSource === undefined
      ? {}
      : {
          subscribe(
            onAnnouncement: (announcement: VersionAnnouncement) => void,
            onState: (connected: boolean) => void,
          ): () => void {
            const subscriber: VersionSubscriber = { onAnnouncement, onState };
            versionSubscribers.add(subscriber);
            if (isConnected) onState(true);
            openStream();
            return () => {
              versionSubscribers.delete(subscriber);
              closeStreamIfUnused();
            };
          },
        }),
    subscribePresence(listener) {
      presenceListeners.add(listener);
      openStream();
      return () => {
        presenceListeners.delete(listener);
        closeStreamIfUnused();
      };
    },
    close() {
      isClosed = true;
      versionSubscribers.clear();
      presenceListeners.clear();
      closeStreamIfUnused();
      for (const controller of inFlight) controller.abort();
      inFlight.clear();
    },
  };
  return transport;
}
