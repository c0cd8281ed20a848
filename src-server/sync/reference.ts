// The reference data mutators decide with: the caller's part of the agency tree (their subtree and
// the agencies above them, with time zones, settings and paths) and the SLA calendar.
import { AgencySettingsSchema, type Agency } from '../../src-shared/domain/agency';
import type { Holiday } from '../../src-shared/domain/holiday';
import { indonesianHolidays } from '../../src-shared/domain/holidays-id';
import { createSlaCalendar, type SlaCalendar } from '../../src-shared/domain/sla-calendar';
import type { Queryable } from '../db/db';
import { prefixPattern, type CallerScope } from './scope';

export interface Reference {
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly paths: ReadonlyMap<string, string>;
  readonly calendar: SlaCalendar;
}

interface AgencyRow {
  id: string;
  parent_id: string | null;
  name: string;
  level: Agency['level'];
  time_zone: Agency['timeZone'];
  settings: unknown;
  path: string;
  version: number;
}

export async function loadReference(db: Queryable, scope: CallerScope): Promise<Reference> {
  const { rows } = await db.query<AgencyRow>(
    `SELECT id, parent_id, name, level, time_zone, settings, path, version FROM agencies
      WHERE path LIKE $1 OR path = ANY($2::text[])`,
    [prefixPattern(scope.path), scope.ancestorPaths],
  );
  const agencies = new Map<string, Agency>();
  const paths = new Map<string, string>();
  for (const row of rows) {
    const settings = AgencySettingsSchema.safeParse(row.settings ?? {});
    agencies.set(row.id, {
      id: row.id,
      parentId: row.parent_id,
      name: row.name,
      level: row.level,
      timeZone: row.time_zone,
      settings: settings.success ? settings.data : AgencySettingsSchema.parse({}),
      version: row.version,
    });
    paths.set(row.id, row.path);
  }
  return { agencies, paths, calendar: await loadCalendar(db) };
}

/** The holidays the server was given, or Indonesia's built-in list when it has none. */
export async function loadCalendar(db: Queryable): Promise<SlaCalendar> {
  const { rows } = await db.query<{ date_key: string; kind: Holiday['kind']; name: string }>(
    'SELECT date_key, kind, name FROM holidays',
  );
  const holidays = rows.map((row) => ({ date: row.date_key, kind: row.kind, name: row.name }));
  return createSlaCalendar(holidays.length > 0 ? holidays : indonesianHolidays);
}
