// Stores generated reports in bulk: per chunk one transaction, one version draw for every row of
// the chunk, and one INSERT … SELECT FROM json_to_recordset per table (a few thousand rows
// per statement), which is what lets PGlite take 100,000 reports in well under a minute.
// Rows are shaped exactly as the sync code stores them (sync/rows.ts): docs without version,
// the reporter apart from the report's doc, field writers recording a system write.

import type { Queryable } from '../db/db';
import { drawVersions } from '../sync/versions';
import type { GeneratedReport } from './generator';

/** The writer name the seed records in `field_writers` (as the citizen side records `citizen`). */
export const SEED_WRITER = 'system';

/** Reserves `count` tracking numbers from the `tracking_number` sequence, in order. */
export async function reserveTrackingIds(db: Queryable, count: number): Promise<string[]> {
  if (count <= 0) return [];
  const { rows } = await db.query<{ t: number }>(
    "SELECT nextval('tracking_number') AS t FROM generate_series(1, $1::int)",
    [count],
  );
  return rows
    .map((row) => row.t)
    .sort((a, b) => a - b)
    .map(String);
}

const WRITERS_SQL = `jsonb_build_object('*', jsonb_build_object('v', x.version, 'c', '${SEED_WRITER}'))`;

export interface WriteOptions {
  /**
   * Skip foreign-key triggers for this transaction (`session_replication_role = replica`, which
   * needs a superuser: PGlite always is). Per-row trigger calls are a large share of PGlite's
   * insert cost, and generated rows reference only the directory and rows written before them in
   * the same chunk (the seed tests check referential integrity).
   */
  skipForeignKeyTriggers: boolean;
}

/** Writes one chunk of generated reports and all their rows; call inside a transaction. */
export async function writeGeneratedReports(
  tx: Queryable,
  chunk: readonly GeneratedReport[],
  options: WriteOptions = { skipForeignKeyTriggers: false },
): Promise<void> {
  if (chunk.length === 0) return;
  if (options.skipForeignKeyTriggers) {
    await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query('SET LOCAL synchronous_commit = off');
  }
  const rowCount = chunk.reduce(
    (sum, g) =>
      sum +
      1 +
      g.dispositions.length +
      g.responses.length +
      g.notes.length +
      g.messages.length +
      g.auditEvents.length,
    0,
  );
  const versions = await drawVersions(tx, rowCount);
  let next = 0;
  const version = (): number => {
    const v = versions[next++];
    if (v === undefined) throw new Error('ran out of drawn versions');
    return v;
  };

  const reports: unknown[] = [];
  const dispositions: unknown[] = [];
  const responses: unknown[] = [];
  const notes: unknown[] = [];
  const messages: unknown[] = [];
  const auditEvents: unknown[] = [];
  for (const g of chunk) {
    const scope = g.scopePath;
    // Children first, so a report's version is above every row of its history.
    for (const d of g.dispositions) {
      const { version: _v, ...doc } = d;
      dispositions.push({
        id: d.id,
        report_id: d.reportId,
        scope_path: scope,
        doc,
        version: version(),
      });
    }
    for (const r of g.responses) {
      const { version: _v, ...doc } = r;
      responses.push({
        id: r.id,
        report_id: r.reportId,
        scope_path: scope,
        state: r.state,
        published_at: r.state === 'published' ? r.publishedAt : null,
        doc,
        version: version(),
      });
    }
    for (const n of g.notes) {
      const { version: _v, ...doc } = n;
      notes.push({ id: n.id, report_id: n.reportId, scope_path: scope, doc, version: version() });
    }
    for (const m of g.messages) {
      const { version: _v, ...doc } = m;
      messages.push({
        id: m.id,
        report_id: m.reportId,
        scope_path: scope,
        doc,
        version: version(),
      });
    }
    for (const e of g.auditEvents) {
      auditEvents.push({
        id: e.id,
        report_id: e.reportId,
        scope_path: scope,
        batch_id: e.batchId ?? null,
        doc: e,
        version: version(),
      });
    }
    const { version: _v, reporter, ...doc } = g.report;
    reports.push({
      id: doc.id,
      tracking_id: doc.trackingId,
      agency_id: doc.agencyId,
      unit_id: doc.unitId,
      scope_path: scope,
      status: doc.status,
      created_at: doc.createdAt,
      due_at: doc.dueAt,
      first_response_at: doc.firstResponseAt,
      closed_at: doc.closedAt,
      doc,
      reporter,
      version: version(),
    });
  }

  // Reports first: every other table references them.
  await tx.query(
    `INSERT INTO reports (id, tracking_id, agency_id, unit_id, scope_path, status, created_at,
       due_at, first_response_at, closed_at, doc, reporter, field_writers, version)
     SELECT x.id, x.tracking_id, x.agency_id, x.unit_id, x.scope_path, x.status, x.created_at,
       x.due_at, x.first_response_at, x.closed_at, x.doc, x.reporter, ${WRITERS_SQL}, x.version
       FROM json_to_recordset($1::json) AS x(id text, tracking_id text, agency_id text,
         unit_id text, scope_path text, status text, created_at bigint, due_at bigint,
         first_response_at bigint, closed_at bigint, doc jsonb, reporter jsonb, version bigint)`,
    [JSON.stringify(reports)],
  );
  const simple = async (table: string, rows: unknown[]) => {
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO ${table} (id, report_id, scope_path, doc, version)
       SELECT x.id, x.report_id, x.scope_path, x.doc, x.version
         FROM json_to_recordset($1::json)
           AS x(id text, report_id text, scope_path text, doc jsonb, version bigint)`,
      [JSON.stringify(rows)],
    );
  };
  await simple('dispositions', dispositions);
  await simple('notes', notes);
  await simple('citizen_messages', messages);
  if (responses.length > 0) {
    await tx.query(
      `INSERT INTO responses (id, report_id, scope_path, state, published_at, doc, field_writers, version)
       SELECT x.id, x.report_id, x.scope_path, x.state, x.published_at, x.doc, ${WRITERS_SQL}, x.version
         FROM json_to_recordset($1::json) AS x(id text, report_id text, scope_path text,
           state text, published_at bigint, doc jsonb, version bigint)`,
      [JSON.stringify(responses)],
    );
  }
  if (auditEvents.length > 0) {
    await tx.query(
      `INSERT INTO audit_events (id, report_id, scope_path, batch_id, doc, version)
       SELECT x.id, x.report_id, x.scope_path, x.batch_id, x.doc, x.version
         FROM json_to_recordset($1::json) AS x(id text, report_id text, scope_path text,
           batch_id text, doc jsonb, version bigint)`,
      [JSON.stringify(auditEvents)],
    );
  }
}
