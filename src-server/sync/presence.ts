// Who has a report open (collision detection, src-shared/api/presence.ts). Presence is memory
// only: every server process keeps the same table of (report → users), fed by its own clients'
// heartbeats and by the other processes' through `NOTIFY posko_presence`, drops entries older
// than the TTL, and tells its own event streams (SSE) whenever a report's viewers change, to
// subscribers who may see the report.
import { randomUUID } from 'node:crypto';
import {
  PRESENCE_TTL_MS,
  PresenceAnnouncementSchema,
  type PresenceAnnouncement,
} from '../../src-shared/api/presence';
import type { Clock } from '../../src-shared/ports';
import type { Db, Unlisten } from '../db/db';
import { isWithin } from './scope';

export const PRESENCE_CHANNEL = 'posko_presence';
/** How often expired entries are looked for. */
export const PRESENCE_SWEEP_MS = 1_000;
/** The most users one announcement names (the schema's limit). */
const MAX_USERS = 100;

/** One user's presence, as a process applies it and tells the others. */
export interface PresenceUpdate {
  readonly userId: string;
  readonly displayName: string;
  /** The report on screen and its scope path, or null: the user left whatever they had open. */
  readonly at: { readonly reportId: string; readonly scopePath: string } | null;
  readonly editing: boolean;
  /** When the entry expires unless refreshed (epoch ms). */
  readonly expiresAt: number;
}

export interface PresenceSubscription {
  /** The subscriber's agency path: it hears of reports whose scope path starts with it. */
  readonly path: string;
  readonly onPresence: (announcement: PresenceAnnouncement) => void;
}

interface Viewer {
  readonly displayName: string;
  readonly editing: boolean;
  readonly expiresAt: number;
}

interface ReportViewers {
  scopePath: string;
  readonly users: Map<string, Viewer>;
}

export interface PresenceOptions {
  ttlMs?: number;
  sweepMs?: number;
}

export class PresenceHub {
  private readonly origin = randomUUID();
  private readonly reports = new Map<string, ReportViewers>();
  /** The report each user has open (one at a time). */
  private readonly openBy = new Map<string, string>();
  private readonly subscribers = new Set<PresenceSubscription>();
  private unlisten: Unlisten | null = null;
  private starting: Promise<void> | null = null;
  private sweeper: ReturnType<typeof setInterval> | null = null;
  private readonly ttlMs: number;
  private readonly sweepMs: number;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    options: PresenceOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? PRESENCE_TTL_MS;
    this.sweepMs = options.sweepMs ?? PRESENCE_SWEEP_MS;
  }

  /** Starts hearing other processes and expiring entries. Idempotent. */
  start(): Promise<void> {
    this.starting ??= (async () => {
      this.unlisten = await this.db.listen(PRESENCE_CHANNEL, (payload) => {
        this.onNotification(payload);
      });
      this.sweeper = setInterval(() => {
        this.sweep();
      }, this.sweepMs);
      this.sweeper.unref();
    })();
    return this.starting;
  }

  /** Idempotent; the hub can be started again afterwards. */
  async close(): Promise<void> {
    const starting = this.starting;
    this.starting = null;
    await starting?.catch(() => undefined);
    if (this.sweeper !== null) clearInterval(this.sweeper);
    this.sweeper = null;
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.subscribers.clear();
    this.reports.clear();
    this.openBy.clear();
    await unlisten?.().catch(() => undefined);
  }

  subscribe(subscription: PresenceSubscription): () => void {
    this.subscribers.add(subscription);
    return () => {
      this.subscribers.delete(subscription);
    };
  }

  /** The users on a report now (for tests and diagnostics). */
  viewersOf(reportId: string): string[] {
    return [...(this.reports.get(reportId)?.users.keys() ?? [])];
  }

  /**
   * A heartbeat of `user`: on `at` (or nowhere), editing or not. Applied here at once, then told
   * to the other processes. Never throws: a lost notification costs one heartbeat interval.
   */
  async heartbeat(
    user: { readonly id: string; readonly displayName: string },
    at: PresenceUpdate['at'],
    editing: boolean,
  ): Promise<void> {
    const update: PresenceUpdate = {
      userId: user.id,
      displayName: user.displayName,
      at,
      editing: at !== null && editing,
      expiresAt: this.clock.now() + this.ttlMs,
    };
    this.apply(update);
    try {
      await this.db.query('SELECT pg_notify($1, $2)', [
        PRESENCE_CHANNEL,
        JSON.stringify({ o: this.origin, u: update }),
      ]);
    } catch {
      // Other processes learn of it at the next heartbeat.
    }
  }

  /** Drops entries whose time is up and announces the reports they leave. */
  sweep(): void {
    const now = this.clock.now();
    const changed = new Map<string, string>();
    for (const [reportId, report] of this.reports) {
      for (const [userId, viewer] of report.users) {
        if (viewer.expiresAt > now) continue;
        report.users.delete(userId);
        if (this.openBy.get(userId) === reportId) this.openBy.delete(userId);
        changed.set(reportId, report.scopePath);
      }
    }
    for (const [reportId, scopePath] of changed) this.announce(reportId, scopePath);
  }

  private apply(update: PresenceUpdate): void {
    const changed = new Map<string, string>();
    const previous = this.openBy.get(update.userId);
    if (previous !== undefined && previous !== update.at?.reportId) {
      const report = this.reports.get(previous);
      if (report?.users.delete(update.userId)) changed.set(previous, report.scopePath);
      this.openBy.delete(update.userId);
    }
    if (update.at !== null && update.expiresAt > this.clock.now()) {
      const { reportId, scopePath } = update.at;
      let report = this.reports.get(reportId);
      if (report === undefined) {
        report = { scopePath, users: new Map() };
        this.reports.set(reportId, report);
      }
      const before = report.users.get(update.userId);
      if (report.scopePath !== scopePath) {
        // The report moved: those who could see it where it was hear that it is left there.
        changed.set(reportId, report.scopePath);
        report.scopePath = scopePath;
      }
      report.users.set(update.userId, {
        displayName: update.displayName,
        editing: update.editing,
        expiresAt: Math.max(update.expiresAt, before?.expiresAt ?? 0),
      });
      this.openBy.set(update.userId, reportId);
      if (
        before === undefined ||
        before.editing !== update.editing ||
        before.displayName !== update.displayName
      ) {
        changed.set(reportId, scopePath);
      }
    }
    for (const [reportId, scopePath] of changed) this.announce(reportId, scopePath);
  }

  private announce(reportId: string, scopePath: string): void {
    const report = this.reports.get(reportId);
    const users = [...(report?.users ?? new Map<string, Viewer>())]
      .slice(0, MAX_USERS)
      .map(([userId, viewer]) => ({
        userId,
        displayName: viewer.displayName,
        editing: viewer.editing,
      }));
    if (report !== undefined && report.users.size === 0) this.reports.delete(reportId);
    const paths = new Set([scopePath, report?.scopePath ?? scopePath]);
    const parsed = PresenceAnnouncementSchema.safeParse({ reportId, users });
    if (!parsed.success) return;
    const announcement = parsed.data;
    for (const subscriber of this.subscribers) {
      if (![...paths].some((path) => isWithin(path, subscriber.path))) continue;
      try {
        subscriber.onPresence(announcement);
      } catch {
        // One broken subscriber must not keep the others from hearing.
      }
    }
  }

  private onNotification(payload: string): void {
    const update = parseNotification(payload, this.origin);
    if (update !== null) this.apply(update);
  }
}

function parseNotification(payload: string, ownOrigin: string): PresenceUpdate | null {
  try {
    const value = JSON.parse(payload) as { o?: unknown; u?: Partial<PresenceUpdate> };
    if (typeof value.o !== 'string' || value.o === ownOrigin) return null;
    const u = value.u;
    if (
      typeof u !== 'object' ||
      typeof u.userId !== 'string' ||
      typeof u.displayName !== 'string' ||
      typeof u.editing !== 'boolean' ||
      typeof u.expiresAt !== 'number'
    ) {
      return null;
    }
    const at = u.at;
    if (
      at !== null &&
      (typeof at !== 'object' ||
        typeof at.reportId !== 'string' ||
        typeof at.scopePath !== 'string')
    ) {
      return null;
    }
    return {
      userId: u.userId,
      displayName: u.displayName,
      at: at === null ? null : { reportId: at.reportId, scopePath: at.scopePath },
      editing: u.editing,
      expiresAt: u.expiresAt,
    };
  } catch {
    return null;
  }
}
