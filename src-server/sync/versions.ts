// Draws versions from the one global sequence. The advisory lock makes versions commit in the
// order they are drawn (see db/migrations/001_init.sql); it is held until the transaction ends.
import { VERSION_LOCK_KEY, type Queryable } from '../db/db';

/** Takes the version lock (once per transaction is enough) and draws `count` new versions. */
export async function drawVersions(tx: Queryable, count: number): Promise<number[]> {
  if (count <= 0) return [];
  await tx.query('SELECT pg_advisory_xact_lock($1)', [VERSION_LOCK_KEY]);
  return nextVersions(tx, count);
}

/**
 * Versions for a transaction that decides several writes before making any (a push chunk): the
 * first `reserve` takes the version lock and reads where the sequence stands; while the lock is
 * held nobody else draws, so the values the sequence hands out next are known and each `reserve`
 * counts them off in memory. `draw` then takes them all from the sequence in one statement, before
 * the rows carrying them are written, and checks that they are the ones reserved.
 */
export interface VersionReservation {
  /** The next `count` versions, increasing; the lock is taken at the first call with count > 0. */
  reserve(count: number): Promise<number[]>;
  /** Draws every reserved version from the sequence (nothing when none was reserved). */
  draw(): Promise<void>;
}

export function versionReservation(tx: Queryable): VersionReservation {
  let first: number | null = null;
  let reserved = 0;
  return {
    async reserve(count) {
      if (count <= 0) return [];
      if (first === null) {
        await tx.query('SELECT pg_advisory_xact_lock($1)', [VERSION_LOCK_KEY]);
        const { rows } = await tx.query<{ last_value: number; is_called: boolean }>(
          'SELECT last_value, is_called FROM change_version',
        );
        const row = rows[0];
        if (row === undefined) throw new Error('the change_version sequence has no row');
        first = row.is_called ? row.last_value + 1 : row.last_value;
      }
      const from = first + reserved;
      reserved += count;
      return Array.from({ length: count }, (_, i) => from + i);
    },
    async draw() {
      if (first === null || reserved === 0) return;
      const drawn = await nextVersions(tx, reserved);
      // Only a writer that draws without the lock could make these differ: refuse to write then.
      if (drawn[0] !== first || drawn.at(-1) !== first + reserved - 1) {
        throw new Error(
          `versions ${String(drawn[0])}..${String(drawn.at(-1))} drawn where ${String(first)}.. were reserved`,
        );
      }
    },
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
