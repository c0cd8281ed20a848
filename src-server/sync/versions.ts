// Draws versions from the one global sequence. The advisory lock makes versions commit in the
// order they are drawn (see db/migrations/001_init.sql); it is held until the transaction ends.
import { VERSION_LOCK_KEY, type Queryable } from '../db/db';

/** Takes the version lock (once per transaction is enough) and draws `count` new versions. */
export async function drawVersions(tx: Queryable, count: number): Promise<number[]> {
  if (count <= 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [VERSION_LOCK_KEY]);
  return nextVersions(tx, count);
}

/** Draws versions in one transaction, taking the version lock at the first draw only. */
export type VersionDrawer = (count: number) => Promise<number[]>;

export function versionDrawer(tx: Queryable): VersionDrawer {
  let isLocked = false;
  return async (count) => {
    if (count <= 0) return [];
    if (!isLocked) {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [VERSION_LOCK_KEY]);
      isLocked = true;
    }
    return nextVersions(tx, count);
  };
}

async function nextVersions(tx: Queryable, count: number): Promise<number[]> {
  const { rows } = await tx.query<{ v: number }>(
    "SELECT nextval('change_version') AS v FROM generate_series(1, $1::int)",
    [count],
  );
  return rows.map((r) => r.v).sort((a, b) => a - b);
}

export async function drawVersion(tx: Queryable): Promise<number> {
  const [version] = await drawVersions(tx, 1);
  if (version === undefined) throw new Error('no version drawn');
  return version;
}

/** The highest version any committed write has drawn so far (0 on an empty database). */
export async function currentVersion(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ v: number | null }>(
    'SELECT last_value AS v FROM change_version WHERE is_called',
  );
  return rows[0]?.v ?? 0;
}
