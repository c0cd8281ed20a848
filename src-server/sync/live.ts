// One announcer per server (per ServerDeps object), shared by the push route that announces and
// the events route that fans announcements out to server-sent-event streams.
import type { Db } from '../db/db';
import { Announcer } from './announcer';

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
