import { afterAll, beforeAll, expect, it } from 'vitest';
import { CategorySchema } from '../../../../src-shared/domain/category';
import { indonesianHolidays } from '../../../../src-shared/domain/holidays-id';
import { ReportSchema, type Report } from '../../../../src-shared/domain/report';
import { createSlaCalendar } from '../../../../src-shared/domain/sla-calendar';
import { TemplateSchema } from '../../../../src-shared/domain/template';
import { verifyPassword } from '../../../../src-server/auth/passwords';
import type { Db } from '../../../../src-server/db/db';
import { findUserByUsername } from '../../../../src-server/directory/users';
import { seedDemo } from '../../../../src-server/seed/demo';
import { DEMO_PASSWORD, demoAgencies } from '../../../../src-server/seed/demo-directory';
import { demoWorld, generateReports } from '../../../../src-server/seed/generator';
import { describeEachBackend, openMigratedDb } from '../../../support/test-db';

const NOW = Date.UTC(2025, 10, 24, 3, 0, 0);
const REPORTS = 300;
const SEED_VALUE = 11;

describeEachBackend('seedDemo', (backend) => {
  let db: Db;
  const log: string[] = [];
  let firstRun: { reports: number; ms: number };

  beforeAll(async () => {
    db = await openMigratedDb(backend);
    firstRun = await seedDemo(db, {
      reports: REPORTS,
      seedValue: SEED_VALUE,
      now: NOW,
      log: (line) => log.push(line),
    });
  });
  afterAll(async () => {
    await db.close();
  });

  it('writes the requested number of reports and says how long it took', async () => {
    expect(firstRun.reports).toBe(REPORTS);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
    expect(rows[0]?.n).toBe(REPORTS);
    expect(log.some((line) => /Generated 300 synthetic reports in [\d.]+ s/.test(line))).toBe(true);
  });

  it('does nothing but say so on a database that already has the demo', async () => {
    const versionBefore = await db.query<{ v: number }>(
      'SELECT last_value AS v FROM change_version',
    );
    const lines: string[] = [];
    const again = await seedDemo(db, {
      reports: 50,
      seedValue: 99,
      now: NOW,
      log: (l) => lines.push(l),
    });
    expect(again.reports).toBe(0);
    expect(lines.join('\n')).toContain('already present');
    const versionAfter = await db.query<{ v: number }>(
      'SELECT last_value AS v FROM change_version',
    );
    expect(versionAfter.rows[0]?.v).toBe(versionBefore.rows[0]?.v);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports');
    expect(rows[0]?.n).toBe(REPORTS);
  });

  it('creates one user per role who signs in with the demo password', async () => {
    const expected = {
      koordinator: 'admin_koordinator',
      admin: 'admin_instansi',
      operator: 'operator_unit',
      penghubung: 'pejabat_penghubung',
      pimpinan: 'pimpinan',
      pelatih: 'pelatih',
      peserta: 'peserta',
    };
    for (const [username, role] of Object.entries(expected)) {
      const user = await findUserByUsername(db, username);
      expect(user?.role).toBe(role);
      expect(user?.display_name).toMatch(/^[A-Z]/);
      expect(await verifyPassword(DEMO_PASSWORD, user?.password_hash ?? '')).toBe(true);
      expect(await verifyPassword('salah', user?.password_hash ?? '')).toBe(false);
    }
  });

  it('stores the agency tree across three time zones, with about 15 OPDs', async () => {
    const { rows } = await db.query<{ level: string; time_zone: string; n: number }>(
      'SELECT level, time_zone, count(*)::int AS n FROM agencies GROUP BY 1, 2',
    );
    const opds = rows.filter((r) => r.level === 'opd').reduce((sum, r) => sum + r.n, 0);
    expect(opds).toBeGreaterThanOrEqual(15);
    expect(opds).toBeLessThanOrEqual(20);
    expect(new Set(rows.map((r) => r.time_zone))).toEqual(new Set(['WIB', 'WITA', 'WIT']));
    const total = rows.reduce((sum, r) => sum + r.n, 0);
    expect(total).toBe(demoAgencies().length);
  });

  it('stores categories, holidays and templates that parse with their schemas', async () => {
    const categories = await db.query<{ doc: unknown }>('SELECT doc FROM categories');
    expect(categories.rows.length).toBeGreaterThan(20);
    for (const row of categories.rows) expect(CategorySchema.safeParse(row.doc).success).toBe(true);
    const codes = categories.rows.map((r) => (r.doc as { code: string }).code);
    expect(codes).toEqual(
      expect.arrayContaining(['kesehatan', 'pendidikan', 'adminduk', 'dana_desa', 'jalan_rusak']),
    );

    const holidays = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM holidays');
    expect(holidays.rows[0]?.n).toBe(indonesianHolidays.length);

    const templates = await db.query<{
      doc: Record<string, unknown>;
      version: number;
      scope_path: string;
    }>('SELECT doc, version, scope_path FROM templates');
    expect(templates.rows.length).toBeGreaterThanOrEqual(15);
    for (const row of templates.rows) {
      expect(TemplateSchema.safeParse({ ...row.doc, version: row.version }).success).toBe(true);
      expect(row.doc['agencyId']).toBe('prov-nusa-harapan');
      expect(row.scope_path).toBe('/prov-nusa-harapan/');
    }
  });

  it('stores exactly what the generator produces, the reporter kept out of the doc', async () => {
    const world = demoWorld(createSlaCalendar(indonesianHolidays));
    const { rows: ids } = await db.query<{ tracking_id: string }>(
      'SELECT tracking_id FROM reports ORDER BY tracking_id::bigint',
    );
    const expected = generateReports(
      world,
      { seedValue: SEED_VALUE, now: NOW },
      ids.map((r) => r.tracking_id),
    );
    const { rows } = await db.query<{
      id: string;
      doc: Record<string, unknown>;
      reporter: unknown;
      version: number;
    }>('SELECT id, doc, reporter, version FROM reports');
    const byId = new Map(rows.map((row) => [row.id, row]));
    for (const g of expected) {
      const row = byId.get(g.report.id);
      const { version: _version, reporter, ...doc } = g.report;
      expect(row?.doc).toEqual(doc);
      expect(row?.doc).not.toHaveProperty('reporter');
      expect(row?.reporter).toEqual(reporter);
      const stored: Report = ReportSchema.parse({
        ...row?.doc,
        reporter: row?.reporter,
        version: row?.version,
      });
      expect(stored.trackingId).toBe(g.report.trackingId);
    }
  });

  it('keeps every row in its report’s scope, under existing agencies and reports', async () => {
    const orphans = await db.query<{ n: number }>(`
      SELECT (SELECT count(*) FROM reports r LEFT JOIN agencies a ON a.id = r.agency_id WHERE a.id IS NULL)
           + (SELECT count(*) FROM reports r
                JOIN agencies a ON a.id = coalesce(r.unit_id, r.agency_id) WHERE a.path <> r.scope_path)
           + (SELECT count(*) FROM reports r
                WHERE r.unit_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM agencies a WHERE a.id = r.unit_id))
           ${['dispositions', 'responses', 'notes', 'citizen_messages', 'audit_events']
             .map(
               (t) => `+ (SELECT count(*) FROM ${t} c LEFT JOIN reports r ON r.id = c.report_id
                         WHERE r.id IS NULL OR r.scope_path <> c.scope_path)`,
             )
             .join('\n')} AS n`);
    expect(orphans.rows[0]?.n).toBe(0);
  });

  it('stamps every row with its own version from the global sequence', async () => {
    const { rows } = await db.query<{ n: number; distinct_n: number; max: number; last: number }>(`
      WITH v AS (
        SELECT version FROM reports UNION ALL SELECT version FROM dispositions
        UNION ALL SELECT version FROM responses UNION ALL SELECT version FROM notes
        UNION ALL SELECT version FROM citizen_messages UNION ALL SELECT version FROM audit_events
        UNION ALL SELECT version FROM agencies UNION ALL SELECT version FROM users
        UNION ALL SELECT version FROM categories UNION ALL SELECT version FROM templates)
      SELECT count(*)::int AS n, count(DISTINCT version)::int AS distinct_n, max(version)::int AS max,
             (SELECT last_value FROM change_version)::int AS last FROM v`);
    const row = rows[0];
    expect(row?.distinct_n).toBe(row?.n);
    expect(row?.max).toBe(row?.last);
    const writers = await db.query<{ ok: boolean }>(
      `SELECT bool_and((field_writers->'*'->>'v')::bigint = version) AS ok FROM reports`,
    );
    expect(writers.rows[0]?.ok).toBe(true);
  });
});
