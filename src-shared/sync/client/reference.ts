// The reference data the client's mutators decide with (agencies, users, categories and the SLA
// calendar), kept in memory by the sync engine and updated from pulled rows; and the operator's
// own saved views among the reference rows, for the UI.

import type { Agency } from '../../domain/agency';
import type { Category } from '../../domain/category';
import type { SavedView } from '../../domain/saved-view';
import { indonesianHolidays } from '../../domain/holidays-id';
import { createSlaCalendar, type SlaCalendar } from '../../domain/sla-calendar';
import type { User } from '../../domain/user';
import { isTombstone, type PulledChange, type SyncRow } from '../protocol';

export interface ClientReference {
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly users: ReadonlyMap<string, User>;
  readonly categories: ReadonlyMap<string, Category>;
  readonly calendar: SlaCalendar;
}

// Servers do not sync their holiday list: the client decides with Indonesia's built-in list, as a
// server without its own list does (src-server/sync/reference.ts).
const builtInCalendar = createSlaCalendar(indonesianHolidays);

export function emptyReference(): ClientReference {
  return {
    agencies: new Map(),
    users: new Map(),
    categories: new Map(),
    calendar: builtInCalendar,
  };
}

export function referenceFromRows(rows: readonly SyncRow[]): ClientReference {
  return withReferenceChanges(emptyReference(), rows) ?? emptyReference();
}

/** The reference after `changes` (rows and tombstones in version order); null if none touch it. */
export function withReferenceChanges(
  reference: ClientReference,
  changes: readonly PulledChange[],
): ClientReference | null {
  let agencies: Map<string, Agency> | null = null;
  let users: Map<string, User> | null = null;
  let categories: Map<string, Category> | null = null;
  for (const change of changes) {
    switch (change.entity) {
      case 'agency':
        agencies ??= new Map(reference.agencies);
        if (isTombstone(change)) agencies.delete(change.id);
        else agencies.set(change.id, change.data);
        break;
      case 'user':
        users ??= new Map(reference.users);
        if (isTombstone(change)) users.delete(change.id);
        else users.set(change.id, change.data);
        break;
      case 'category':
        categories ??= new Map(reference.categories);
        if (isTombstone(change)) categories.delete(change.id);
        else categories.set(change.id, change.data);
        break;
      default:
        break;
    }
  }
  if (agencies === null && users === null && categories === null) return null;
  return {
    agencies: agencies ?? reference.agencies,
    users: users ?? reference.users,
    categories: categories ?? reference.categories,
    calendar: reference.calendar,
  };
}

/**
 * The saved views among reference rows that belong to `ownerId`, by name. The server sends a user
 * only their own; the filter keeps it so should another user's row ever reach this store.
 */
export function savedViewsOf(rows: readonly SyncRow[], ownerId: string): SavedView[] {
  const views: SavedView[] = [];
  for (const row of rows) {
    if (row.entity === 'saved_view' && row.data.ownerId === ownerId) views.push(row.data);
  }
  return views.sort(
    (a, b) => a.name.localeCompare(b.name, 'id') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
