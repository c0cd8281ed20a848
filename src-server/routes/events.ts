// `GET /api/v1/events`: server-sent events announcing new versions in the caller's scope, so the
// client pulls right away instead of polling. EventSource cannot send headers, hence `?token=`.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SSE_PRESENCE_EVENT, type PresenceAnnouncement } from '../../src-shared/api/presence';
import { SSE_VERSION_EVENT } from '../../src-shared/sync/protocol';
import { hashToken } from '../auth/sessions';
import type { Queryable } from '../db/db';
import { requireCaller } from '../http/caller';
import { parseQuery } from '../http/validation';
import type { ServerDeps } from '../server';
import { announcerFor, presenceFor } from '../sync/live';

/** Comments keep proxies from closing an idle stream; between 15 and 25 s. */
export const HEARTBEAT_MS = 20_000;
/** How long a client waits before reconnecting after the stream dropped. */
export const RETRY_MS = 3_000;

const EventsQuerySchema = z.strictObject({ token: z.string().max(200).optional() });

/** One open stream: writes events until the client leaves or the server shuts down. */
export class EventStream {
  private readonly heartbeat: ReturnType<typeof setInterval>;
  private isOpen = true;

  /**
   * `isStillAllowed` is asked at every heartbeat: a stream whose session ended (signed out,
   * expired, user disabled) is closed, and the client's reconnection is refused.
   */
  constructor(
    private readonly raw: Pick<ServerResponse, 'write' | 'end'>,
    private readonly onClose: () => void,
    isStillAllowed: () => Promise<boolean> = () => Promise.resolve(true),
    heartbeatMs = HEARTBEAT_MS,
  ) {
    raw.write(`retry: ${String(RETRY_MS)}\n: connected\n\n`);
    this.heartbeat = setInterval(() => {
      void isStillAllowed()
        .catch(() => true)
        .then((isAllowed) => {
          if (!isAllowed) this.close();
          else if (this.isOpen) raw.write(': heartbeat\n\n');
        });
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  sendVersion(version: number): void {
    if (!this.isOpen) return;
    this.raw.write(`event: ${SSE_VERSION_EVENT}\ndata: ${JSON.stringify({ version })}\n\n`);
  }

  sendPresence(announcement: PresenceAnnouncement): void {
    if (!this.isOpen) return;
    this.raw.write(`event: ${SSE_PRESENCE_EVENT}\ndata: ${JSON.stringify(announcement)}\n\n`);
  }

  /** Idempotent: called when the client leaves and when the server closes. */
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    clearInterval(this.heartbeat);
    this.raw.end();
    this.onClose();
  }
}

/** Whether the session is still live, without extending it (a stream is not activity). */
export async function isSessionLive(db: Queryable, token: string, now: number): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled`,
    [hashToken(token), now],
  );
  return rows.length > 0;
}

export async function registerEventsRoutes(app: FastifyInstance, deps: ServerDeps): Promise<void> {
  const { db, clock } = deps;
  const announcer = announcerFor(deps);
  await announcer.start();
  const presence = presenceFor(deps);
  await presence.start();
  const streams = new Set<EventStream>();

  // Open streams never finish on their own: end them so the server can drain and stop.
  app.addHook('preClose', (done) => {
    for (const stream of streams) stream.close();
    done();
  });
  app.addHook('onClose', async () => {
    await announcer.close();
    await presence.close();
  });

  app.get('/events', async (request, reply) => {
    parseQuery(EventsQuerySchema, request);
    const caller = await requireCaller(db, request, clock.now());
    reply.hijack();
    const raw = reply.raw;
    // Headers set by the hooks (request id, CORS) travel with the hijacked answer too.
    const fromHooks = Object.fromEntries(
      Object.entries(reply.getHeaders()).filter(
        (entry): entry is [string, string | number | string[]] => entry[1] !== undefined,
      ),
    );
    raw.writeHead(200, {
      ...fromHooks,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    const stream: EventStream = new EventStream(
      raw,
      () => {
        unsubscribe();
        unsubscribePresence();
        streams.delete(stream);
      },
      () => isSessionLive(db, caller.token, clock.now()),
    );
    const unsubscribe = announcer.subscribe({
      path: caller.agencyPath,
      onVersion: (version) => {
        stream.sendVersion(version);
      },
    });
    const unsubscribePresence = presence.subscribe({
      path: caller.agencyPath,
      onPresence: (announcement) => {
        stream.sendPresence(announcement);
      },
    });
    streams.add(stream);
    request.raw.on('close', () => {
      stream.close();
    });
  });
}
