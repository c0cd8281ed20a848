// The agency tree as the server stores it: rows with materialized paths, so "the caller's
// subtree" is a prefix match on an index.
import type { Agency } from '../../src-shared/domain/agency';
import type { Queryable } from '../db/db';
import { drawVersions } from '../sync/versions';

export type NewAgency = Omit<Agency, 'version'>;

/** Inserts agencies in any order (parents first is worked out here); returns their paths. */
export async function insertAgencies(
  tx: Queryable,
  agencies: readonly NewAgency[],
): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  const parentIds = agencies.flatMap((a) => (a.parentId === null ? [] : [a.parentId]));
  if (parentIds.length > 0) {
    const existing = await tx.query<{ id: string; path: string }>(
      'SELECT id, path FROM agencies WHERE id = ANY($1)',
      [parentIds],
    );
    for (const row of existing.rows) paths.set(row.id, row.path);
  }
  const pending = [...agencies];
  const ordered: { agency: NewAgency; path: string }[] = [];
  while (pending.length > 0) {
    const index = pending.findIndex((a) => a.parentId === null || paths.has(a.parentId));
    if (index < 0)
      throw new Error(`Agencies with unknown parents: ${pending.map((a) => a.id).join(', ')}`);
    const [agency] = pending.splice(index, 1) as [NewAgency];
    const path = `${agency.parentId === null ? '/' : (paths.get(agency.parentId) ?? '/')}${agency.id}/`;
    paths.set(agency.id, path);
    ordered.push({ agency, path });
  }
  const versions = await drawVersions(tx, ordered.length);
  for (const [i, { agency, path }] of ordered.entries()) {
    await tx.query(
      `INSERT INTO agencies (id, parent_id, name, level, time_zone, settings, path, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        agency.id,
        agency.parentId,
        agency.name,
        agency.level,
        agency.timeZone,
        JSON.stringify(agency.settings),
        path,
        versions[i],
      ],
    );
  }
  return paths;
}

/** The materialized path of an agency, or null when it does not exist. */
export async function agencyPath(db: Queryable, agencyId: string): Promise<string | null> {
  const { rows } = await db.query<{ path: string }>('SELECT path FROM agencies WHERE id = $1', [
    agencyId,
  ]);
  return rows[0]?.path ?? null;
}

/** The agency ids on a path, root first: '/a/b/c/' → ['a', 'b', 'c']. */
export function pathIds(path: string): string[] {
  return path.split('/').filter((part) => part.length > 0);
}
