// Lookups over the reference data (agencies, users, categories) by id, built once per snapshot.
import type { Agency } from '../../../src-shared/domain/agency';
import type { Category } from '../../../src-shared/domain/category';
import type { User } from '../../../src-shared/domain/user';
import type { ReferenceData } from '../../sync/inbox-service';

export interface ReferenceMaps {
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly users: ReadonlyMap<string, User>;
  readonly categories: ReadonlyMap<string, Category>;
}

const empty: ReferenceMaps = { agencies: new Map(), users: new Map(), categories: new Map() };
const cache = new WeakMap<ReferenceData, ReferenceMaps>();

export function referenceMaps(reference: ReferenceData | null): ReferenceMaps {
  if (reference === null) return empty;
  let maps = cache.get(reference);
  if (maps === undefined) {
    maps = {
      agencies: new Map(reference.agencies.map((a) => [a.id, a])),
      users: new Map(reference.users.map((u) => [u.id, u])),
      categories: new Map(reference.categories.map((c) => [c.id, c])),
    };
    cache.set(reference, maps);
  }
  return maps;
}

/** A name for an id, or the id itself when the reference data does not know it (yet). */
export function nameOf(map: ReadonlyMap<string, { name: string }>, id: string | null): string {
  if (id === null) return '';
  return map.get(id)?.name ?? id;
}
