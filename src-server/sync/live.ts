// One announcer and one presence hub per server (per ServerDeps object), shared by the routes that
// announce (push, presence) and the events route that fans announcements out to event streams.
import type { Clock } from '../../src-shared/ports';
import type { Db } from '../db/db';
import { Announcer } from './announcer';
import { PresenceHub } from './presence';

const announcers = new WeakMap<object, Announcer>();

/** The injected announcer, or the one this server made for itself on first use. */
export function announcerFor(deps: { db: Db; announcer?: Announcer }): Announcer {
  if (deps.announcer !== undefined) return deps.announcer;
  let announcer = announcers.get(deps);
  if (announcer === undefined) {
    announcer = new Announcer(deps.db);
    announcers.set(deps, announcer);
  }
  return announcer;
}

const presenceHubs = new WeakMap<object, PresenceHub>();

/** The injected presence hub, or the one this server made for itself on first use. */
export function presenceFor(deps: { db: Db; clock: Clock; presence?: PresenceHub }): PresenceHub {
  if (deps.presence !== undefined) return deps.presence;
  let hub = presenceHubs.get(deps);
  if (hub === undefined) {
    hub = new PresenceHub(deps.db, deps.clock);
    presenceHubs.set(deps, hub);
  }
  return hub;
}
