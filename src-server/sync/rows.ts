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

export async function insertDisposition(
  tx: Queryable,
  disposition: Disposition,
  scopePath: string,
  version: number,
): Promise<void> {
  await tx.query(
    'INSERT INTO dispositions (id, report_id, scope_path, doc, version) VALUES ($1, $2, $3, $4, $5)',
    [disposition.id, disposition.reportId, scopePath, JSON.stringify(docOf(disposition)), version],
  );
}

export async function insertNote(
  tx: Queryable,
  note: Note,
  scopePath: string,
  version: number,
): Promise<void> {
  await tx.query(
    'INSERT INTO notes (id, report_id, scope_path, doc, version) VALUES ($1, $2, $3, $4, $5)',
    [note.id, note.reportId, scopePath, JSON.stringify(docOf(note)), version],
  );
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

export async function insertTombstone(
  tx: Queryable,
  tombstone: TombstoneRow,
  version: number,
): Promise<void> {
  await tx.query(
    'INSERT INTO tombstones (version, entity, entity_id, scope_path, owner_user_id) VALUES ($1, $2, $3, $4, $5)',
    [version, tombstone.entity, tombstone.entityId, tombstone.scopePath, tombstone.ownerUserId],
  );
}
