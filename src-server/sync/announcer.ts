// Announces committed versions to live subscribers (server-sent events): directly to this
// process's subscribers, and to every other server process on the same database through
// `NOTIFY posko_changes`. A subscriber hears only of versions that touched its scope.
import { randomUUID } from 'node:crypto';
import type { Db, Unlisten } from '../db/db';
import { isWithin } from './scope';

export const CHANGES_CHANNEL = 'posko_changes';

/** A committed write: its highest version and the scope paths it touched. */
export interface Announcement {
  readonly version: number;
  readonly scopePaths: readonly string[];
}

export interface Subscription {
  /** The subscriber's agency path. */
  readonly path: string;
  readonly onVersion: (version: number) => void;
}

// NOTIFY payloads are limited to 8000 bytes; a write touching more paths is announced to everyone.
const MAX_PAYLOAD_CHARS = 7000;

/**
 * A write at a scope path concerns a subscriber whose path is a prefix of it (the row is in their
 * subtree) or lies below it (agencies and templates of ancestors are visible below them).
 */
export function concerns(announcement: Announcement, subscriberPath: string): boolean {
  if (announcement.scopePaths.length === 0) return true;
  return announcement.scopePaths.some(
    (scopePath) => isWithin(scopePath, subscriberPath) || isWithin(subscriberPath, scopePath),
  );
}

export class Announcer {
  private readonly origin = randomUUID();
  private readonly subscribers = new Set<Subscription>();
  private unlisten: Unlisten | null = null;

  constructor(private readonly db: Db) {}

  /** Starts hearing other processes' announcements. */
  async start(): Promise<void> {
    this.unlisten ??= await this.db.listen(CHANGES_CHANNEL, (payload) => {
      this.onNotification(payload);
    });
  }

  async close(): Promise<void> {
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.subscribers.clear();
    await unlisten?.();
  }

  subscribe(subscription: Subscription): () => void {
    this.subscribers.add(subscription);
    return () => {
      this.subscribers.delete(subscription);
    };
  }

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  /** Call after the transaction committed. Never throws: a lost announcement costs a poll. */
  async announce(announcement: Announcement): Promise<void> {
    this.deliver(announcement);
    const payload = JSON.stringify({
      o: this.origin,
      v: announcement.version,
      s: announcement.scopePaths,
    });
    const fitted =
      payload.length <= MAX_PAYLOAD_CHARS
        ? payload
        : JSON.stringify({ o: this.origin, v: announcement.version, s: [] });
    try {
      await this.db.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, fitted]);
    } catch {
      // The other processes' subscribers fall back to their clients' polling.
    }
  }

  private onNotification(payload: string): void {
    const parsed = parseNotification(payload);
    if (parsed === null || parsed.origin === this.origin) return;
    this.deliver(parsed.announcement);
  }

  private deliver(announcement: Announcement): void {
    for (const subscriber of this.subscribers) {
      if (!concerns(announcement, subscriber.path)) continue;
      try {
        subscriber.onVersion(announcement.version);
      } catch {
        // One broken subscriber must not keep the others from hearing.
      }
    }
  }
}

function parseNotification(payload: string): { origin: string; announcement: Announcement } | null {
  try {
    const value = JSON.parse(payload) as { o?: unknown; v?: unknown; s?: unknown };
    if (typeof value.o !== 'string' || typeof value.v !== 'number' || !Array.isArray(value.s)) {
      return null;
    }
    const scopePaths = value.s.filter((s): s is string => typeof s === 'string');
    return { origin: value.o, announcement: { version: value.v, scopePaths } };
  } catch {
    return null;
  }
}
