// Checks that a generated report's history is one the real system could have produced: every row
// parses with its schema, and replaying the audit events through the shared workflow table
// (canTransition, with the demo agency tree and the SLA calendar) reaches exactly the stored report.
import { agenciesById, type Agency } from '../../../../src-shared/domain/agency';
import { AuditEventSchema } from '../../../../src-shared/domain/audit-event';
import { DispositionSchema } from '../../../../src-shared/domain/disposition';
import { NoteSchema } from '../../../../src-shared/domain/note';
import { ReportSchema, type Report } from '../../../../src-shared/domain/report';
import { canTransition, type TransitionArgs } from '../../../../src-shared/domain/report-workflow';
import { ReportResponseSchema } from '../../../../src-shared/domain/response';
import {
  addWorkingDays,
  currentDueAt,
  pausedWorkingMsAfterResume,
  type SlaCalendar,
} from '../../../../src-shared/domain/sla-calendar';
import { CitizenMessageSchema } from '../../../../src-shared/sync/citizen-message';
import { demoAgencies } from '../../../../src-server/seed/demo-directory';
import type { GeneratedReport } from '../../../../src-server/seed/generator';

export const demoAgencyMap: ReadonlyMap<string, Agency> = agenciesById(
  demoAgencies().map((agency) => ({ ...agency, version: 1 })),
);

/** Every problem found with one generated report; empty when its history is consistent. */
export function historyProblems(g: GeneratedReport, calendar: SlaCalendar, now: number): string[] {
  const problems: string[] = [];
  const fail = (message: string) => problems.push(`${g.report.trackingId}: ${message}`);
  const report = g.report;

  const parsed = ReportSchema.safeParse(report);
  if (!parsed.success) fail(`report does not parse: ${parsed.error.message}`);
  for (const d of g.dispositions)
    if (!DispositionSchema.safeParse(d).success) fail(`disposition ${d.id}`);
  for (const r of g.responses)
    if (!ReportResponseSchema.safeParse(r).success) fail(`response ${r.id}`);
  for (const n of g.notes) if (!NoteSchema.safeParse(n).success) fail(`note ${n.id}`);
  for (const m of g.messages)
    if (!CitizenMessageSchema.safeParse(m).success) fail(`message ${m.id}`);
  for (const e of g.auditEvents) if (!AuditEventSchema.safeParse(e).success) fail(`event ${e.id}`);
  const rows = [...g.dispositions, ...g.responses, ...g.notes, ...g.messages, ...g.auditEvents];
  if (rows.some((row) => row.reportId !== report.id)) fail('a row belongs to another report');

  // Replay from the report as it was filed.
  const filedAt = g.dispositions[0]?.fromAgencyId ?? report.agencyId;
  let state: Report = {
    ...report,
    status: 'unverified',
    agencyId: filedAt,
    unitId: null,
    routedAt: report.createdAt,
    disposedAt: null,
    firstResponseAt: null,
    respondedAt: null,
    closedAt: null,
    pausedAt: null,
    pausedWorkingMs: 0,
    extendedResolutionDays: null,
    archiveReason: null,
    duplicateOf: null,
  };
  let previousAt = report.createdAt;
  for (const event of g.auditEvents) {
    const at = event.at;
    if (at < previousAt) fail(`${event.action} at ${String(at)} goes back in time`);
    if (at > now) fail(`${event.action} lies after now`);
    previousAt = at;
    if (event.from !== state.status)
      fail(`${event.action} starts from ${event.from}, not ${state.status}`);
    const disposition = g.dispositions.find((d) => d.at === at);
    const published = g.responses.find((r) => r.state === 'published' && r.publishedAt === at);
    let args: TransitionArgs;
    switch (event.action) {
      case 'verify_dispose':
      case 'redispose':
        if (disposition === undefined) {
          fail(`${event.action} without a disposition`);
          return problems;
        }
        args = {
          action: event.action,
          targetAgencyId: disposition.toAgencyId,
          ...(disposition.toUnitId === null ? {} : { targetUnitId: disposition.toUnitId }),
        };
        break;
      case 'tunda':
        args = { action: 'tunda', messageToReporter: event.reason ?? '' };
        break;
      case 'archive':
        args = {
          action: 'archive',
          reason: report.archiveReason ?? 'too_general',
          ...(report.duplicateOf === null ? {} : { duplicateOf: report.duplicateOf }),
        };
        break;
      case 'not_authority':
        args = { action: 'not_authority', reason: event.reason ?? '' };
        break;
      case 'extend_deadline':
        args = {
          action: 'extend_deadline',
          reason: event.reason ?? '',
          totalWorkingDays: report.extendedResolutionDays ?? 0,
        };
        break;
      case 'publish_response':
        if (published === undefined) {
          fail('publish_response without a published response');
          return problems;
        }
        args = { action: 'publish_response', responseId: published.id };
        break;
      case 'resume':
      case 'start_processing':
      case 'reporter_reply':
      case 'auto_complete':
        args = { action: event.action };
        break;
      case 'reopen':
        fail('the generator never reopens');
        return problems;
      case 'assign':
      case 'set_category':
      case 'set_tags':
      case 'set_privacy':
      case 'add_note':
        // Audited only in bulk actions, which the generator does not make.
        fail(`the generator never makes bulk edits (${event.action})`);
        return problems;
    }
    const agencySettings = demoAgencyMap.get(state.agencyId)?.settings;
    const decided = canTransition(state, args, event.actor, {
      agencies: demoAgencyMap,
      ...(agencySettings === undefined ? {} : { agencySettings }),
      now: at,
      calendar,
      responsesById: new Map(
        published === undefined
          ? []
          : [[published.id, { ...published, state: 'approved' as const }]],
      ),
    });
    if (!decided.ok) {
      fail(`${event.action} refused by the workflow: ${decided.error.message}`);
      return problems;
    }
    if (decided.value.to !== event.to)
      fail(`${event.action} leads to ${decided.value.to}, not ${event.to}`);
    state = { ...state, status: decided.value.to };
    switch (args.action) {
      case 'verify_dispose':
      case 'redispose':
        state = {
          ...state,
          agencyId: args.targetAgencyId,
          unitId: args.targetUnitId ?? null,
          disposedAt: at,
          firstResponseAt: null,
          respondedAt: null,
        };
        break;
      case 'tunda':
        state = { ...state, pausedAt: at };
        break;
      case 'resume':
        state = {
          ...state,
          pausedWorkingMs: pausedWorkingMsAfterResume(state, at, calendar),
          pausedAt: null,
        };
        break;
      case 'archive':
        state = {
          ...state,
          archiveReason: args.reason,
          duplicateOf: args.duplicateOf ?? null,
          closedAt: at,
          pausedWorkingMs: pausedWorkingMsAfterResume(state, at, calendar),
          pausedAt: null,
        };
        break;
      case 'not_authority':
        state = { ...state, unitId: null, routedAt: at, pausedWorkingMs: 0 };
        break;
      case 'extend_deadline':
        state = { ...state, extendedResolutionDays: args.totalWorkingDays };
        break;
      case 'publish_response':
        state = { ...state, firstResponseAt: state.firstResponseAt ?? at, respondedAt: at };
        break;
      case 'auto_complete':
        state = { ...state, closedAt: at };
        break;
      case 'start_processing':
      case 'reporter_reply':
      case 'reopen':
        break;
    }
  }

  const fields = [
    'status',
    'agencyId',
    'unitId',
    'routedAt',
    'disposedAt',
    'firstResponseAt',
    'respondedAt',
    'closedAt',
    'pausedAt',
    'pausedWorkingMs',
    'extendedResolutionDays',
    'archiveReason',
    'duplicateOf',
  ] as const;
  for (const field of fields) {
    if (state[field] !== report[field]) {
      fail(`${field} is ${String(report[field])}, the history gives ${String(state[field])}`);
    }
  }
  const settings = demoAgencyMap.get(report.agencyId)?.settings;
  if (report.dueAt !== currentDueAt(report, calendar, settings)) fail('dueAt is not currentDueAt');
  if (report.status === 'completed' && report.respondedAt !== null) {
    const windowEnds = addWorkingDays(report.respondedAt, 10, report.timeZone, calendar);
    if ((report.closedAt ?? 0) <= windowEnds) fail('completed before the reply window closed');
  }
  const times = rows.map((row) => ('at' in row ? row.at : row.createdAt));
  if (times.some((t) => t > report.updatedAt || t > now))
    fail('a row is newer than updatedAt or now');
  if (report.agencyId !== state.agencyId) fail('agency mismatch');
  return problems;
}
