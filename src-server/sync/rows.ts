// Synced rows as stored (a jsonb `doc` plus the columns the server queries by) and as clients see
// them. The reporter's identity is kept apart from the report's doc and joined in here only for
// callers who may see it (docs/server-design.md, "Reporter identity").
import { assertNever } from '../../src-shared/domain/assert-never';
import type { AuditEvent } from '../../src-shared/domain/audit-event';
import type { Disposition } from '../../src-shared/domain/disposition';
import type { Note } from '../../src-shared/domain/note';
import type { Report, Reporter } from '../../src-shared/domain/report';
import type { ReportResponse } from '../../src-shared/domain/response';
import type { SavedView } from '../../src-shared/domain/saved-view';
import type { Template } from '../../src-shared/domain/template';
import type { UserRole } from '../../src-shared/domain/user';
import { recordWrite, type FieldWriters } from '../../src-shared/sync/conflicts';
import type { Queryable } from '../db/db';

/** The report as stored: everything synced except its version and its reporter. */
export type ReportDoc = Omit<Report, 'version' | 'reporter'>;

export interface ReportRow {
  id: string;
  scope_path: string;
  doc: ReportDoc;
  reporter: Reporter | null;
  field_writers: FieldWriters;
  version: number;
}

/**
 * Whether a role may see reporters' identities: every agency role but pimpinan, and pelatih (the
 * trainer); never peserta (trainees practise on real-looking cases without real identities).
 */
export function mayIdentifyReporters(role: UserRole): boolean {
  switch (role) {
    case 'admin_koordinator':
    case 'admin_instansi':
    case 'operator_unit':
    case 'pejabat_penghubung':
    case 'pelatih':
      return true;
    case 'pimpinan':
    case 'peserta':
      return false;
    default:
      return assertNever(role, 'user role');
  }
}

/** The report for a caller: the reporter only when it is not anonim and the caller may see it. */
export function reportFromRow(
  row: Pick<ReportRow, 'doc' | 'reporter' | 'version'>,
  mayIdentify: boolean,
): Report {
  const reporter = mayIdentify && !row.doc.privacy.anonim ? row.reporter : null;
  return { ...row.doc, reporter, version: row.version };
}

/** The report with its stored reporter: only for server-side decisions, never sent as is. */
export function internalReport(row: Pick<ReportRow, 'doc' | 'reporter' | 'version'>): Report {
  return { ...row.doc, reporter: row.reporter, version: row.version };
}

export function reportDoc(report: Report): ReportDoc {
  const { version: _version, reporter: _reporter, ...doc } = report;
  return doc;
}

/** Stores a new report (for the citizen side, seeding and tests). */
export async function insertReport(
  tx: Queryable,
  report: Report,
  scopePath: string,
  version: number,
  writer = 'system',
): Promise<void> {
  await tx.query(
    `INSERT INTO reports (id, tracking_id, agency_id, unit_id, scope_path, status, created_at,
       due_at, first_response_at, closed_at, doc, reporter, field_writers, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      report.id,
      report.trackingId,
      report.agencyId,
      report.unitId,
      scopePath,
      report.status,
      report.createdAt,
      report.dueAt,
      report.firstResponseAt,
      report.closedAt,
      JSON.stringify(reportDoc(report)),
      report.reporter === null ? null : JSON.stringify(report.reporter),
      JSON.stringify(recordWrite({}, [], version, writer)),
      version,
    ],
  );
}

/** Writes a changed report (its reporter column is left alone). */
export async function updateReport(
  tx: Queryable,
  report: Report,
  scopePath: string,
  writers: FieldWriters,
  version: number,
): Promise<void> {
  await tx.query(
    `UPDATE reports SET agency_id = $2, unit_id = $3, scope_path = $4, status = $5, due_at = $6,
       first_response_at = $7, closed_at = $8, doc = $9, field_writers = $10, version = $11
     WHERE id = $1`,
    [
      report.id,
      report.agencyId,
      report.unitId,
      scopePath,
      report.status,
      report.dueAt,
      report.firstResponseAt,
      report.closedAt,
      JSON.stringify(reportDoc(report)),
      JSON.stringify(writers),
      version,
    ],
  );
}

/** A row as a write leaves it: where it now belongs and the version it now carries. */
export interface Placed<T> {
  readonly row: T;
  readonly scopePath: string;
  readonly version: number;
}

/** Writes changed reports in one statement, like `updateReport` for each (reporters untouched). */
export async function updateReports(
  tx: Queryable,
  reports: readonly (Placed<Report> & { readonly writers: FieldWriters })[],
): Promise<void> {
  if (reports.length === 0) return;
  await tx.query(
    `UPDATE reports AS t SET agency_id = r.agency_id, unit_id = r.unit_id,
       scope_path = r.scope_path, status = r.status, due_at = r.due_at,
       first_response_at = r.first_response_at, closed_at = r.closed_at, doc = r.doc,
       field_writers = r.field_writers, version = r.version
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, agency_id text, unit_id text,
       scope_path text, status text, due_at bigint, first_response_at bigint, closed_at bigint,
       doc jsonb, field_writers jsonb, version bigint)
     WHERE t.id = r.id`,
    [
      JSON.stringify(
        reports.map(({ row, scopePath, writers, version }) => ({
          id: row.id,
          agency_id: row.agencyId,
          unit_id: row.unitId,
          scope_path: scopePath,
          status: row.status,
          due_at: row.dueAt,
          first_response_at: row.firstResponseAt,
          closed_at: row.closedAt,
          doc: reportDoc(row),
          field_writers: writers,
          version,
        })),
      ),
    ],
  );
}

/** Rows whose `doc` is the entity without its version. */
export function withVersion<T extends { version: number }>(
  doc: Omit<T, 'version'>,
  version: number,
): T {
  return { ...doc, version } as T;
}

export function docOf<T extends { version: number }>(entity: T): Omit<T, 'version'> {
  const { version: _version, ...doc } = entity;
  return doc;
}

/** The tables of a report's child rows: they move (and get new versions) with the report. */
export const REPORT_CHILD_TABLES = [
  ['disposition', 'dispositions'],
  ['note', 'notes'],
  ['response', 'responses'],
  ['audit_event', 'audit_events'],
  ['citizen_message', 'citizen_messages'],
] as const;

export type ReportChildTable = (typeof REPORT_CHILD_TABLES)[number][1];

/** Moves existing rows of one child table: a new scope path and version for each. */
export async function restampRows(
  tx: Queryable,
  table: ReportChildTable,
  rows: readonly { readonly id: string; readonly scopePath: string; readonly version: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `UPDATE ${table} AS t SET scope_path = r.scope_path, version = r.version
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, scope_path text, version bigint)
     WHERE t.id = r.id`,
    [JSON.stringify(rows.map((r) => ({ id: r.id, scope_path: r.scopePath, version: r.version })))],
  );
}

/** Inserts rows of a child table whose doc is the entity without its version. */
async function insertDocRows(
  tx: Queryable,
  table: 'dispositions' | 'notes',
  rows: readonly Placed<Disposition | Note>[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO ${table} (id, report_id, scope_path, doc, version)
     SELECT r.id, r.report_id, r.scope_path, r.doc, r.version
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, report_id text, scope_path text, doc jsonb,
       version bigint)`,
    [
      JSON.stringify(
        rows.map(({ row, scopePath, version }) => ({
          id: row.id,
          report_id: row.reportId,
          scope_path: scopePath,
          doc: docOf(row),
          version,
        })),
      ),
    ],
  );
}

export async function insertDispositions(
  tx: Queryable,
  rows: readonly Placed<Disposition>[],
): Promise<void> {
  await insertDocRows(tx, 'dispositions', rows);
}

export async function insertNotes(tx: Queryable, rows: readonly Placed<Note>[]): Promise<void> {
  await insertDocRows(tx, 'notes', rows);
}

export async function upsertResponse(
  tx: Queryable,
  response: ReportResponse,
  scopePath: string,
  writers: FieldWriters,
  version: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO responses (id, report_id, scope_path, state, published_at, doc, field_writers, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (id) DO UPDATE SET scope_path = $3, state = $4, published_at = $5, doc = $6,
       field_writers = $7, version = $8`,
    [
      response.id,
      response.reportId,
      scopePath,
      response.state,
      response.state === 'published' ? response.publishedAt : null,
      JSON.stringify(docOf(response)),
      JSON.stringify(writers),
      version,
    ],
  );
}

/** The audit trail is a synced row per event, with its version kept beside the event. */
export async function insertAuditEvent(
  tx: Queryable,
  event: AuditEvent,
  scopePath: string,
  version: number,
): Promise<void> {
  await tx.query(
    'INSERT INTO audit_events (id, report_id, scope_path, batch_id, doc, version) VALUES ($1, $2, $3, $4, $5, $6)',
    [event.id, event.reportId, scopePath, event.batchId ?? null, JSON.stringify(event), version],
  );
}

/** Inserts or rewrites responses in one statement, like `upsertResponse` for each. */
export async function upsertResponses(
  tx: Queryable,
  rows: readonly (Placed<ReportResponse> & { readonly writers: FieldWriters })[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO responses (id, report_id, scope_path, state, published_at, doc, field_writers, version)
     SELECT r.id, r.report_id, r.scope_path, r.state, r.published_at, r.doc, r.field_writers, r.version
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, report_id text, scope_path text, state text,
       published_at bigint, doc jsonb, field_writers jsonb, version bigint)
     ON CONFLICT (id) DO UPDATE SET scope_path = EXCLUDED.scope_path, state = EXCLUDED.state,
       published_at = EXCLUDED.published_at, doc = EXCLUDED.doc,
       field_writers = EXCLUDED.field_writers, version = EXCLUDED.version`,
    [
      JSON.stringify(
        rows.map(({ row, scopePath, writers, version }) => ({
          id: row.id,
          report_id: row.reportId,
          scope_path: scopePath,
          state: row.state,
          published_at: row.state === 'published' ? row.publishedAt : null,
          doc: docOf(row),
          field_writers: writers,
          version,
        })),
      ),
    ],
  );
}

/** Inserts audit events in one statement, like `insertAuditEvent` for each. */
export async function insertAuditEvents(
  tx: Queryable,
  rows: readonly Placed<AuditEvent>[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO audit_events (id, report_id, scope_path, batch_id, doc, version)
     SELECT r.id, r.report_id, r.scope_path, r.batch_id, r.doc, r.version
     FROM jsonb_to_recordset($1::jsonb) AS r(id text, report_id text, scope_path text,
       batch_id text, doc jsonb, version bigint)`,
    [
      JSON.stringify(
        rows.map(({ row, scopePath, version }) => ({
          id: row.id,
          report_id: row.reportId,
          scope_path: scopePath,
          batch_id: row.batchId ?? null,
          doc: row,
          version,
        })),
      ),
    ],
  );
}

export async function upsertTemplate(
  tx: Queryable,
  template: Template,
  scopePath: string,
  writers: FieldWriters,
  version: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO templates (id, agency_id, owner_user_id, scope_path, doc, field_writers, version)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET agency_id = $2, owner_user_id = $3, scope_path = $4, doc = $5,
       field_writers = $6, version = $7`,
    [
      template.id,
      template.agencyId,
      template.scope === 'personal' ? template.ownerId : null,
      scopePath,
      JSON.stringify(docOf(template)),
      JSON.stringify(writers),
      version,
    ],
  );
}

/**
 * Stores a saved view for its owner. The conflict clause only ever updates the owner's own row:
 * an id another user holds is left alone even if a caller got past the mutator.
 */
export async function upsertSavedView(
  tx: Queryable,
  view: SavedView,
  version: number,
): Promise<void> {
  await tx.query(
    `INSERT INTO saved_views (id, owner_user_id, doc, version) VALUES ($1, $2, $3, $4)
     ON CONFLICT (id) DO UPDATE SET doc = $3, version = $4
       WHERE saved_views.owner_user_id = $2`,
    [view.id, view.ownerId, JSON.stringify(docOf(view)), version],
  );
}

export interface TombstoneRow {
  entity: string;
  entityId: string;
  scopePath: string;
  ownerUserId: string | null;
}

/** Inserts tombstones in one statement, each with its own version. */
export async function insertTombstones(
  tx: Queryable,
  rows: readonly { readonly tombstone: TombstoneRow; readonly version: number }[],
): Promise<void> {
  if (rows.length === 0) return;
  await tx.query(
    `INSERT INTO tombstones (version, entity, entity_id, scope_path, owner_user_id)
     SELECT r.version, r.entity, r.entity_id, r.scope_path, r.owner_user_id
     FROM jsonb_to_recordset($1::jsonb) AS r(version bigint, entity text, entity_id text,
       scope_path text, owner_user_id text)`,
    [
      JSON.stringify(
        rows.map(({ tombstone, version }) => ({
          version,
          entity: tombstone.entity,
          entity_id: tombstone.entityId,
          scope_path: tombstone.scopePath,
          owner_user_id: tombstone.ownerUserId,
        })),
      ),
    ],
  );
}
