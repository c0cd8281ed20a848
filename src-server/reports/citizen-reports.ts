// The citizen side's work: filing a report into an agency's queue, adding the reporter's reply
// (which moves the report through the shared workflow as the system actor), and the public view.
// Failures a client caused are ApiErrors with the codes of src-shared/api/citizen.ts.
import {
  CitizenErrorCode,
  type CitizenReplyEffect,
  type FileReportRequest,
  type PublicReport,
} from '../../src-shared/api/citizen';
import { SYSTEM_ACTOR } from '../../src-shared/domain/actor';
import {
  AgencySettingsSchema,
  DEFAULT_AGENCY_SETTINGS,
  type Agency,
  type AgencySettings,
} from '../../src-shared/domain/agency';
import type { AuditEvent } from '../../src-shared/domain/audit-event';
import { ReportSchema, type Report } from '../../src-shared/domain/report';
import { isClosedStatus, type ReportStatus } from '../../src-shared/domain/report-status';
import { canTransition } from '../../src-shared/domain/report-workflow';
import {
  currentDueAt,
  pausedWorkingMsAfterResume,
  type SlaCalendar,
} from '../../src-shared/domain/sla-calendar';
import { localDateKey } from '../../src-shared/domain/time-zone';
import type { Ids } from '../../src-shared/ports';
import type { CitizenMessage } from '../../src-shared/sync/citizen-message';
import { recordWrite, type FieldWriters } from '../../src-shared/sync/conflicts';
import type { Db, Queryable } from '../db/db';
import { ApiError, badRequest, notFound } from '../http/errors';
import type { Announcement } from '../sync/announcer';
import { loadCalendar } from '../sync/reference';
import {
  docOf,
  insertAuditEvent,
  insertReport,
  internalReport,
  updateReport,
  type ReportDoc,
} from '../sync/rows';
import { drawVersions } from '../sync/versions';
import { createCitizenToken, isCitizenTokenOf } from './citizen-token';

/** The writer the citizen side records in `field_writers` (docs/server-design.md). */
export const CITIZEN_WRITER = 'citizen';

export interface CitizenContext {
  readonly db: Db;
  readonly now: number;
  readonly ids: Ids;
}

interface AgencyRow {
  id: string;
  name: string;
  level: Agency['level'];
  time_zone: Agency['timeZone'];
  settings: unknown;
  path: string;
}

async function findAgency(db: Queryable, id: string): Promise<AgencyRow | null> {
  const { rows } = await db.query<AgencyRow>(
    'SELECT id, name, level, time_zone, settings, path FROM agencies WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

function settingsOf(row: Pick<AgencyRow, 'settings'>): AgencySettings {
  const parsed = AgencySettingsSchema.safeParse(row.settings ?? {});
  return parsed.success ? parsed.data : DEFAULT_AGENCY_SETTINGS;
}

const reportNotFound = () =>
  notFound(CitizenErrorCode.reportNotFound, 'No report has this tracking number.');

// ---------------------------------------------------------------------------------------------
// Filing

export interface FiledReport {
  report: Report;
  citizenToken: string;
  announcement: Announcement;
}

/**
 * Files a report into the target agency's queue as `unverified`, with a tracking number from the
 * `tracking_number` sequence and the verify-and-dispose deadline. Filing is not a workflow move,
 * so it leaves no audit event; every later move does.
 */
export async function fileReport(
  ctx: CitizenContext,
  input: FileReportRequest,
): Promise<FiledReport> {
  const { db, now } = ctx;
  const target = await findAgency(db, input.targetAgencyId);
  if (target === null || target.level === 'unit') {
    throw badRequest(
      CitizenErrorCode.unknownAgency,
      'The target agency does not exist or is a work unit; choose an agency.',
    );
  }
  if (input.categoryId !== undefined) {
    const { rows } = await db.query<{ active: boolean | null }>(
      "SELECT (doc->>'isActive')::boolean AS active FROM categories WHERE id = $1",
      [input.categoryId],
    );
    if (rows[0]?.active !== true) {
      throw badRequest(
        CitizenErrorCode.unknownCategory,
        'The category does not exist or is retired.',
      );
    }
  }
  // WIT is the easternmost zone: no incident anywhere in Indonesia happened after its today.
  if (input.incidentDate !== undefined && input.incidentDate > localDateKey(now, 'WIT')) {
    throw badRequest(CitizenErrorCode.incidentInFuture, 'The incident date lies in the future.');
  }
  const calendar = await loadCalendar(db);
  const token = createCitizenToken();
  const id = ctx.ids.next();

  const report = await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ t: string }>("SELECT nextval('tracking_number')::text AS t");
    const trackingId = rows[0]?.t;
    if (trackingId === undefined) throw new Error('the tracking number sequence answered nothing');
    const [version] = await drawVersions(tx, 1);
    if (version === undefined) throw new Error('no version drawn');
    const draft: Report = {
      id,
      trackingId,
      title: input.title.trim(),
      body: input.body,
      categoryId: input.categoryId ?? null,
      tags: [],
      location: input.location,
      incidentDate: input.incidentDate ?? null,
      channel: input.channel,
      type: input.type,
      privacy: input.privacy,
      reporter: input.reporter,
      attachments: [],
      agencyId: target.id,
      unitId: null,
      assigneeId: null,
      timeZone: target.time_zone,
      status: 'unverified',
      archiveReason: null,
      duplicateOf: null,
      createdAt: now,
      routedAt: now,
      disposedAt: null,
      firstResponseAt: null,
      respondedAt: null,
      closedAt: null,
      pausedAt: null,
      pausedWorkingMs: 0,
      extendedResolutionDays: null,
      dueAt: null,
      updatedAt: now,
      version,
    };
    // Parsed once more: a report that breaks an invariant is a bug here, not a bad request.
    const filed = ReportSchema.parse({
      ...draft,
      dueAt: currentDueAt(draft, calendar, settingsOf(target)),
    });
    await insertReport(tx, filed, target.path, version, CITIZEN_WRITER);
    await tx.query('UPDATE reports SET citizen_token_hash = $2 WHERE id = $1', [
      filed.id,
      token.hash,
    ]);
    return filed;
  });
  return {
    report,
    citizenToken: token.token,
    announcement: { version: report.version, scopePaths: [target.path] },
  };
}

// ---------------------------------------------------------------------------------------------
// Replies

interface LockedReportRow {
  id: string;
  scope_path: string;
  doc: ReportDoc;
  reporter: Report['reporter'];
  field_writers: FieldWriters;
  version: number;
  citizen_token_hash: string | null;
}

/** Locks a report by tracking number and checks the citizen token (404, 401, 403). */
async function lockReportForCitizen(
  tx: Queryable,
  trackingId: string,
  token: string | null,
): Promise<LockedReportRow> {
  const { rows } = await tx.query<LockedReportRow>(
    `SELECT id, scope_path, doc, reporter, field_writers, version, citizen_token_hash
       FROM reports WHERE tracking_id = $1 FOR UPDATE`,
    [trackingId],
  );
  const row = rows[0];
  if (row === undefined) throw reportNotFound();
  if (token === null) {
    throw new ApiError(
      401,
      CitizenErrorCode.tokenRequired,
      'Send the citizen token you received when filing the report.',
    );
  }
  if (!isCitizenTokenOf(token, row.citizen_token_hash)) {
    throw new ApiError(
      403,
      CitizenErrorCode.tokenInvalid,
      'This citizen token is not for this report.',
    );
  }
  return row;
}

/** What a reply does to a report in `status` (see CitizenReplyEffect). */
export function replyEffect(status: ReportStatus): CitizenReplyEffect {
  if (status === 'responded') return 'reporter_reply';
  if (status === 'pending_info') return 'resume';
  return 'none';
}

export interface CitizenReply {
  messageId: string;
  effect: CitizenReplyEffect;
  status: ReportStatus;
  announcement: Announcement;
}

/**
 * Stores the reporter's reply on the report's timeline. A reply to a `responded` report sends it
 * back to the unit (`reporter_reply` → in_progress, resolution clock); a reply to a report
 * waiting for the reporter's data (`pending_info`) resumes it (`resume` → unverified, the pause
 * excluded from the verify deadline). In other open statuses the message is only stored; a
 * completed or archived report takes no replies (the citizen files a new report).
 */
export async function addCitizenReply(
  ctx: CitizenContext,
  trackingId: string,
  token: string | null,
  body: string,
): Promise<CitizenReply> {
  const { db, now } = ctx;
  const calendar = await loadCalendar(db);
  return db.transaction(async (tx) => {
    const row = await lockReportForCitizen(tx, trackingId, token);
    const report = internalReport(row);
    if (isClosedStatus(report.status)) {
      throw new ApiError(
        409,
        CitizenErrorCode.reportClosed,
        `The report is ${report.status}; file a new report instead.`,
      );
    }
    const effect = replyEffect(report.status);
    const moved = effect === 'none' ? null : await move(tx, report, effect, now, calendar);
    const versions = await drawVersions(tx, moved === null ? 1 : 3);
    const [messageVersion, reportVersion, auditVersion] = versions;
    if (messageVersion === undefined) throw new Error('no version drawn');

    const message: CitizenMessage = {
      id: ctx.ids.next(),
      reportId: report.id,
      body,
      createdAt: now,
      version: messageVersion,
    };
    await tx.query(
      'INSERT INTO citizen_messages (id, report_id, scope_path, doc, version) VALUES ($1, $2, $3, $4, $5)',
      [message.id, report.id, row.scope_path, JSON.stringify(docOf(message)), messageVersion],
    );
    let status = report.status;
    if (moved !== null && reportVersion !== undefined && auditVersion !== undefined) {
      const next = { ...moved.report, version: reportVersion };
      const writers = recordWrite(row.field_writers, moved.fields, reportVersion, CITIZEN_WRITER);
      await updateReport(tx, next, row.scope_path, writers, reportVersion);
      const event: AuditEvent = {
        id: ctx.ids.next(),
        reportId: report.id,
        at: now,
        actor: SYSTEM_ACTOR,
        action: effect === 'resume' ? 'resume' : 'reporter_reply',
        from: report.status,
        to: next.status,
        reason: null,
      };
      await insertAuditEvent(tx, event, row.scope_path, auditVersion);
      status = next.status;
    }
    return {
      messageId: message.id,
      effect,
      status,
      announcement: { version: Math.max(...versions), scopePaths: [row.scope_path] },
    };
  });
}

/** The report after the system's move, as the shared workflow table allows it. */
async function move(
  tx: Queryable,
  report: Report,
  action: 'reporter_reply' | 'resume',
  now: number,
  calendar: SlaCalendar,
): Promise<{ report: Report; fields: string[] }> {
  const agency = await findAgency(tx, report.agencyId);
  const settings = agency === null ? DEFAULT_AGENCY_SETTINGS : settingsOf(agency);
  const decided = canTransition(report, { action }, SYSTEM_ACTOR, {
    now,
    calendar,
    agencySettings: settings,
  });
  if (!decided.ok) {
    throw new ApiError(409, decided.error.code, decided.error.message);
  }
  const moved: Report =
    action === 'resume'
      ? {
          ...report,
          status: decided.value.to,
          pausedWorkingMs: pausedWorkingMsAfterResume(report, now, calendar),
          pausedAt: null,
        }
      : { ...report, status: decided.value.to };
  const derived: Report = {
    ...moved,
    timeZone: agency?.time_zone ?? report.timeZone,
    updatedAt: now,
  };
  return {
    report: { ...derived, dueAt: currentDueAt(derived, calendar, settings) },
    fields: action === 'resume' ? ['status', 'pausedAt', 'pausedWorkingMs'] : ['status'],
  };
}

// ---------------------------------------------------------------------------------------------
// Public view

interface PublicRow {
  id: string;
  doc: ReportDoc;
  reporter: Report['reporter'];
  citizen_token_hash: string | null;
  agency_name: string;
  category_name: string | null;
}

type PublishedResponses = PublicReport['responses'];

async function publishedResponses(db: Queryable, reportId: string): Promise<PublishedResponses> {
  const { rows } = await db.query<{ id: string; body: string; published_at: number }>(
    `SELECT id, doc->>'body' AS body, published_at FROM responses
      WHERE report_id = $1 AND state = 'published' ORDER BY published_at, id`,
    [reportId],
  );
  return rows.map((r) => ({ id: r.id, body: r.body, publishedAt: r.published_at }));
}

/**
 * The report a duplicate was merged into, as the duplicate's viewer may see it: its number,
 * status and published responses, which answer the duplicate's reporter too (DOMAIN.md: "their
 * reporters notified through the kept one"). Nothing of who filed it or what it says. A
 * confidential kept report shows its status and responses only to the duplicate's own reporter.
 * One hop only: a kept report merged on into a third is shown as it is.
 */
async function mergedIntoView(
  db: Queryable,
  trackingId: string,
  isDuplicateOwner: boolean,
): Promise<PublicReport['mergedInto']> {
  const { rows } = await db.query<{ id: string; status: ReportStatus; rahasia: boolean }>(
    `SELECT id, status, (doc->'privacy'->>'rahasia')::boolean AS rahasia
       FROM reports WHERE tracking_id = $1`,
    [trackingId],
  );
  const kept = rows[0];
  // A number that names no report (typed by hand when archiving) shows as a bare number.
  if (kept === undefined) return { trackingId, status: null, responses: [] };
  if (kept.rahasia && !isDuplicateOwner) return { trackingId, status: null, responses: [] };
  return { trackingId, status: kept.status, responses: await publishedResponses(db, kept.id) };
}

/**
 * The report as the public sees it. A confidential (rahasia) report exists only for the holder
 * of its citizen token (404 otherwise, as for an unknown number). An anonymous (anonim) report
 * never names its reporter, not even to the reporter. Internal notes, drafts and dispositions
 * are never part of it; the reporter's own replies only with the token. A duplicate (merged)
 * report also shows the report it was merged into, with that report's published responses.
 */
export async function publicReportView(
  db: Queryable,
  trackingId: string,
  token: string | null,
): Promise<PublicReport> {
  const { rows } = await db.query<PublicRow>(
    `SELECT r.id, r.doc, r.reporter, r.citizen_token_hash, a.name AS agency_name,
            c.doc->>'name' AS category_name
       FROM reports r
       JOIN agencies a ON a.id = r.agency_id
       LEFT JOIN categories c ON c.id = r.doc->>'categoryId'
      WHERE r.tracking_id = $1`,
    [trackingId],
  );
  const row = rows[0];
  if (row === undefined) throw reportNotFound();
  const isOwner = token !== null && isCitizenTokenOf(token, row.citizen_token_hash);
  const doc = row.doc;
  if (doc.privacy.rahasia && !isOwner) throw reportNotFound();

  const responses = await publishedResponses(db, row.id);
  const mergedInto =
    doc.status === 'archived' && doc.archiveReason === 'duplicate' && doc.duplicateOf !== null
      ? await mergedIntoView(db, doc.duplicateOf, isOwner)
      : null;
  const replies = isOwner
    ? await db.query<{ id: string; body: string; created_at: number }>(
        `SELECT id, doc->>'body' AS body, (doc->>'createdAt')::bigint AS created_at
           FROM citizen_messages WHERE report_id = $1 ORDER BY 3, id`,
        [row.id],
      )
    : null;
  return {
    trackingId: doc.trackingId,
    status: doc.status,
    title: doc.title,
    body: doc.body,
    type: doc.type,
    channel: doc.channel,
    category:
      doc.categoryId === null || row.category_name === null
        ? null
        : { id: doc.categoryId, name: row.category_name },
    agency: { id: doc.agencyId, name: row.agency_name },
    location: doc.location.text,
    incidentDate: doc.incidentDate,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
    isAnonymous: doc.privacy.anonim,
    isConfidential: doc.privacy.rahasia,
    reporterName: doc.privacy.anonim ? null : (row.reporter?.name ?? null),
    responses,
    mergedInto,
    replies:
      replies === null
        ? null
        : replies.rows.map((r) => ({ id: r.id, body: r.body, createdAt: r.created_at })),
  };
}
