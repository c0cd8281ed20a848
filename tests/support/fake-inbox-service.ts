// An in-memory InboxService for UI tests: reports and their children in arrays, naive queue
// membership, filters, sorts and substring search, mutations through the shared mutators (so a
// refusal is the real refusal), and events like the real service emits. Extra controls
// (`setStatus`, `confirmAll`, `failNextMutation`, …) let a test drive what the sync would do.

import type { SessionUser } from '../../src-shared/api/auth';
import { summarizeBatch } from '../../src-shared/bulk/batch-summary';
import type { BatchOutcome, BatchRecord, BulkSkip } from '../../src-shared/bulk/bulk-action';
import { planBulk, type PlanContext, type PlannedMutation } from '../../src-shared/bulk/bulk-plan';
import { planCompensation } from '../../src-shared/bulk/compensation';
import type { PresenceUser } from '../../src-shared/api/presence';
import { userActor } from '../../src-shared/domain/actor';
import { agenciesById, isInSubtree, type Agency } from '../../src-shared/domain/agency';
import type { AuditEvent } from '../../src-shared/domain/audit-event';
import type { Category } from '../../src-shared/domain/category';
import type { Disposition } from '../../src-shared/domain/disposition';
import { indonesianHolidays } from '../../src-shared/domain/holidays-id';
import type { Note } from '../../src-shared/domain/note';
import { reportLocationId, type Report } from '../../src-shared/domain/report';
import { isClosedStatus } from '../../src-shared/domain/report-status';
import type { ReportResponse } from '../../src-shared/domain/response';
import type { SavedView } from '../../src-shared/domain/saved-view';
import { dueWithinCutoff } from '../../src-shared/domain/follow-up';
import { createSlaCalendar, type SlaCalendar } from '../../src-shared/domain/sla-calendar';
import type { Template } from '../../src-shared/domain/template';
import { localDayNumber } from '../../src-shared/domain/time-zone';
import { examplesFromHistory } from '../../src-shared/routing/routing-examples';
import {
  suggestRouting as suggestTargets,
  trainRoutingModel,
} from '../../src-shared/routing/routing-model';
import type { User } from '../../src-shared/domain/user';
import { toListRow, type ReportListRow } from '../../src-shared/inbox/list-row';
import {
  queueIds,
  type InboxQuery,
  type QueueCounts,
  type QueueId,
} from '../../src-shared/inbox/queries';
import { err, ok, type Result } from '../../src-shared/result';
import type { CitizenMessage } from '../../src-shared/sync/citizen-message';
import type { ReviewItem } from '../../src-shared/sync/client/ports';
import { initialSyncStatus, type SyncStatus } from '../../src-shared/sync/client/status';
import type { MutationError } from '../../src-shared/sync/mutation-error';
import { mutationIdPrefix, mutationTarget, runMutator } from '../../src-shared/sync/mutators';
import type { Mutation, MutationArgs, MutationName } from '../../src-shared/sync/protocol';
import type {
  AttachmentContent,
  AttachmentError,
  BulkError,
  BulkUndoResult,
  InboxEvent,
  InboxPage,
  InboxService,
  LocalStoreProblem,
  PendingChange,
  ReferenceData,
  ReportDetail,
  ReviewChoice,
} from '../../src-renderer/sync/inbox-service';

export interface FakeInboxData {
  readonly reports?: readonly Report[];
  readonly dispositions?: readonly Disposition[];
  readonly notes?: readonly Note[];
  readonly responses?: readonly ReportResponse[];
  readonly messages?: readonly CitizenMessage[];
  readonly audit?: readonly AuditEvent[];
  readonly agencies?: readonly Agency[];
  readonly users?: readonly User[];
  readonly categories?: readonly Category[];
  readonly templates?: readonly Template[];
  /** Saved views of any user: reference() shows the signed-in user's own only. */
  readonly savedViews?: readonly SavedView[];
}

export interface FakeInboxOptions extends FakeInboxData {
  /** The signed-in operator (the mutators' actor, `assigned_to_me`). */
  readonly user: Pick<SessionUser, 'id' | 'role' | 'agencyId'>;
  /** The clock of queues (due today, overdue) and mutations; defaults to Date.now. */
  readonly now?: () => number;
  readonly calendar?: SlaCalendar;
  readonly status?: Partial<SyncStatus>;
  readonly review?: readonly ReviewItem[];
  readonly clientId?: string;
}

/** What a test can see and steer besides the InboxService calls. */
export interface FakeInboxService extends InboxService {
  /** Every mutation accepted locally, in order. */
  readonly mutations: readonly Mutation[];
  /** Every setPresence call, in order. */
  readonly presenceCalls: readonly { reportId: string | null; editing: boolean }[];
  /** How many times syncNow was called. */
  readonly syncNowCalls: number;
  readonly isClosed: boolean;
  /** Adds or replaces reports and children (as a pull would) and emits 'data'. */
  load(data: FakeInboxData): void;
  /** Removes reports (as a tombstone would) and emits 'data'. */
  removeReports(ids: readonly string[]): void;
  /** Marks every pending mutation confirmed (the server applied them) and emits 'data'. */
  confirmAll(): void;
  setStatus(patch: Partial<SyncStatus>): void;
  setReview(items: readonly ReviewItem[]): void;
  setProblem(problem: LocalStoreProblem | null): void;
  /** Announces other people on a report (an SSE presence event). */
  setPresenceOthers(reportId: string, others: readonly PresenceUser[]): void;
  /** The next mutate() call answers this error without applying anything. */
  failNextMutation(error: MutationError): void;
  /** The next recover() call answers this problem. */
  failNextRecover(problem: LocalStoreProblem): void;
  /** Every attachment() call, in order. */
  readonly attachmentCalls: readonly { reportId: string; attachmentId: string }[];
  /** Ids of the attachments cached on the "device" (downloaded once, or put with setCached). */
  readonly cachedAttachmentIds: readonly string[];
  /**
   * While true, attachment() of a file not cached answers attachment/offline (as the real
   * service does when the server cannot be reached).
   */
  setOffline(offline: boolean): void;
  /** The server's copy of an attachment (default: zero bytes of the metadata's size). */
  setAttachmentFile(attachmentId: string, bytes: Uint8Array): void;
  /** The next attachment() call answers this error (nothing is cached). */
  failNextAttachment(error: AttachmentError): void;
  /** Sends any event to the subscribers. */
  emit(event: InboxEvent): void;
  /** The mutations that would be sent now or later (a withdrawn batch leaves it). */
  readonly outbox: readonly Mutation[];
  /**
   * The server's answers to a batch (as a push would bring them): its reports' outcomes are
   * recorded and their mutations leave the outbox; emits 'batches'. The report rows stay as they
   * are locally (the fake keeps no separate server copy to fall back to).
   */
  answerBatch(batchId: string, outcomes: Readonly<Record<string, BatchOutcome>>): void;
  /** The next runBulk() call answers this error without applying anything. */
  failNextBulkRun(error: BulkError): void;
}

interface PendingEntry {
  readonly mutation: Mutation;
  readonly reportId: string | null;
  state: PendingChange['state'];
}

function byId<T extends { id: string }>(items: readonly T[] | undefined): Map<string, T> {
  return new Map((items ?? []).map((item) => [item.id, item]));
}

function compareNullableNumber(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a - b;
}

export function createFakeInboxService(options: FakeInboxOptions): FakeInboxService {
  const now = options.now ?? (() => Date.now());
  const calendar = options.calendar ?? createSlaCalendar(indonesianHolidays);
  const clientId = options.clientId ?? 'fake-client-0001';
  const actor = userActor(options.user);

  const reports = byId(options.reports);
  const dispositions = byId(options.dispositions);
  const notes = byId(options.notes);
  const responses = byId(options.responses);
  const messages = byId(options.messages);
  const audit = byId(options.audit);
  const agencies = byId(options.agencies);
  const users = byId(options.users);
  const categories = byId(options.categories);
  const templates = byId(options.templates);
  const savedViews = byId(options.savedViews);

  let status: SyncStatus = { ...initialSyncStatus, leader: true, ...options.status };
  let review: ReviewItem[] = [...(options.review ?? [])];
  let generation = 1;
  let lastMutationId = 0;
  let nextMutationError: MutationError | null = null;
  let nextRecoverProblem: LocalStoreProblem | null = null;
  let nextAttachmentError: AttachmentError | null = null;
  let isOffline = false;
  const attachmentCalls: { reportId: string; attachmentId: string }[] = [];
  const attachmentFiles = new Map<string, Uint8Array>();
  const attachmentCache = new Map<string, Uint8Array>();
  let syncNowCalls = 0;
  let isClosed = false;
  const pending: PendingEntry[] = [];
  const mutations: Mutation[] = [];
  const presenceCalls: { reportId: string | null; editing: boolean }[] = [];
  const listeners = new Set<(event: InboxEvent) => void>();

  function emit(event: InboxEvent): void {
    for (const listener of [...listeners]) listener(event);
  }

  function isPending(reportId: string): boolean {
    return pending.some((p) => p.reportId === reportId && p.state === 'pending');
  }

  function listRow(report: Report): ReportListRow {
    const awaitingApproval = [...responses.values()].some(
      (r) => r.reportId === report.id && r.state === 'submitted',
    );
    return toListRow(report, {
      version: report.version,
      pending: isPending(report.id),
      awaitingApproval,
    });
  }

  function inQueue(row: ReportListRow, queue: QueueId, at: number): boolean {
    switch (queue) {
      case 'due_today':
        return (
          row.dueAt !== null &&
          row.pausedAt === null &&
          row.dueAt >= at &&
          localDayNumber(row.dueAt, row.timeZone) === localDayNumber(at, row.timeZone)
        );
      case 'overdue':
        return row.dueAt !== null && row.pausedAt === null && row.dueAt < at;
      case 'assigned_to_me':
        return row.assigneeId === options.user.id && !isClosedStatus(row.status);
      case 'awaiting_approval':
        return row.awaitingApproval;
      case 'unverified':
      case 'pending_info':
      case 'disposed':
      case 'in_progress':
      case 'responded':
      case 'not_authority':
      case 'completed':
      case 'archived':
        return row.status === queue;
    }
  }

  function matchesFilters(row: ReportListRow, report: Report, query: InboxQuery): boolean {
    const f = query.filters;
    if (f.agencyIds && f.agencyIds.length > 0) {
      const location = reportLocationId(report);
      const tree = agenciesById(agencies.values());
      if (!f.agencyIds.some((a) => isInSubtree(tree, a, location) || a === row.agencyId)) {
        return false;
      }
    }
    if (f.categoryIds && f.categoryIds.length > 0) {
      if (row.categoryId === null || !f.categoryIds.includes(row.categoryId)) return false;
    }
    if (f.channels && f.channels.length > 0 && !f.channels.includes(row.channel)) return false;
    if (f.types && f.types.length > 0 && !f.types.includes(row.type)) return false;
    if (f.privacy && f.privacy.length > 0) {
      const kinds = [
        ...(row.rahasia ? ['rahasia' as const] : []),
        ...(row.anonim ? ['anonim' as const] : []),
        ...(!row.rahasia && !row.anonim ? ['public' as const] : []),
      ];
      if (!f.privacy.some((p) => kinds.includes(p))) return false;
    }
    if (f.createdFrom !== undefined && row.createdAt < f.createdFrom) return false;
    if (f.createdTo !== undefined && row.createdAt >= f.createdTo) return false;
    if (f.pendingOnly === true && !row.pending) return false;
    if (f.dueWithinWorkingDays !== undefined) {
      const cutoff = dueWithinCutoff(now(), f.dueWithinWorkingDays, row.timeZone, calendar);
      if (row.dueAt === null || row.pausedAt !== null || row.dueAt >= cutoff) return false;
    }
    const search = query.search.trim().toLowerCase();
    if (search !== '') {
      const text = [report.trackingId, report.title, report.body, report.location.text]
        .join(' ')
        .toLowerCase();
      if (!search.split(/\s+/).every((word) => text.includes(word))) return false;
    }
    return true;
  }

  function compareRows(query: InboxQuery): (a: ReportListRow, b: ReportListRow) => number {
    const breach = (a: ReportListRow, b: ReportListRow) => compareNullableNumber(a.dueAt, b.dueAt);
    const name = (map: Map<string, { name: string }>, id: string | null) =>
      id === null ? '\uffff' : (map.get(id)?.name ?? id);
    const primary = (a: ReportListRow, b: ReportListRow): number => {
      switch (query.sort) {
        case 'breach':
          return breach(a, b);
        case 'arrival':
          return a.createdAt - b.createdAt;
        case 'agency':
          return (
            name(agencies, a.agencyId).localeCompare(name(agencies, b.agencyId)) || breach(a, b)
          );
        case 'category':
          return (
            name(categories, a.categoryId).localeCompare(name(categories, b.categoryId)) ||
            breach(a, b)
          );
      }
    };
    const sign = query.direction === 'asc' ? 1 : -1;
    return (a, b) => sign * primary(a, b) || a.id.localeCompare(b.id);
  }

  function matching(query: InboxQuery): ReportListRow[] {
    const at = now();
    const rows: ReportListRow[] = [];
    for (const report of reports.values()) {
      const row = listRow(report);
      if (inQueue(row, query.queue, at) && matchesFilters(row, report, query)) rows.push(row);
    }
    return rows.sort(compareRows(query));
  }

  function countsNow(): QueueCounts {
    const at = now();
    const rows = [...reports.values()].map(listRow);
    const counts = Object.fromEntries(queueIds.map((q) => [q, 0])) as Record<QueueId, number>;
    for (const row of rows) {
      for (const q of queueIds) if (inQueue(row, q, at)) counts[q] += 1;
    }
    return counts;
  }

  function emitData(reportIds: readonly string[] | null): void {
    generation += 1;
    emit({ type: 'data', generation, counts: countsNow(), reportIds });
  }

  function pendingCount(): number {
    return pending.filter((p) => p.state === 'pending').length;
  }

  function updateStatus(patch: Partial<SyncStatus>): void {
    status = { ...status, ...patch };
    emit({ type: 'status', status });
  }

  function loadData(data: FakeInboxData): string[] {
    const put = <T extends { id: string }>(map: Map<string, T>, items?: readonly T[]) => {
      for (const item of items ?? []) map.set(item.id, item);
    };
    put(reports, data.reports);
    put(dispositions, data.dispositions);
    put(notes, data.notes);
    put(responses, data.responses);
    put(messages, data.messages);
    put(audit, data.audit);
    put(agencies, data.agencies);
    put(users, data.users);
    put(categories, data.categories);
    put(templates, data.templates);
    put(savedViews, data.savedViews);
    return [
      ...(data.reports ?? []).map((r) => r.id),
      ...[
        ...(data.dispositions ?? []),
        ...(data.notes ?? []),
        ...(data.responses ?? []),
        ...(data.messages ?? []),
        ...(data.audit ?? []),
      ].map((child) => child.reportId),
    ];
  }

  const childrenOf = <T extends { reportId: string }>(map: Map<string, T>, reportId: string) =>
    [...map.values()].filter((item) => item.reportId === reportId);

  function applyMutation<N extends MutationName>(
    name: N,
    args: MutationArgs<N>,
  ): Result<{ mutationId: number }, MutationError> {
    const mutation = {
      clientId,
      id: lastMutationId + 1,
      name,
      args,
      baseVersion: 0,
      at: now(),
    } as unknown as Mutation;
    const target = mutationTarget(mutation);
    const state = {
      report: target.reportId === null ? null : (reports.get(target.reportId) ?? null),
      response: target.responseId === null ? null : (responses.get(target.responseId) ?? null),
      note: target.noteId === null ? null : (notes.get(target.noteId) ?? null),
      template: target.templateId === null ? null : (templates.get(target.templateId) ?? null),
      savedView: target.savedViewId === null ? null : (savedViews.get(target.savedViewId) ?? null),
    };
    const change = runMutator(state, mutation, {
      actor,
      now: mutation.at,
      agencies: agenciesById(agencies.values()),
      calendar,
      categories,
      users,
      idPrefix: mutationIdPrefix(mutation),
    });
    if (!change.ok) return change;
    lastMutationId = mutation.id;
    mutations.push(mutation);
    const value = change.value;
    if (value.report) reports.set(value.report.id, value.report);
    for (const d of value.dispositions) dispositions.set(d.id, d);
    for (const n of value.notes) notes.set(n.id, n);
    for (const r of value.responses) responses.set(r.id, r);
    for (const t of value.templates) templates.set(t.id, t);
    for (const t of value.deletedTemplates) templates.delete(t.id);
    for (const v of value.savedViews) savedViews.set(v.id, v);
    for (const v of value.deletedSavedViews) savedViews.delete(v.id);
    for (const a of value.auditEvents) audit.set(a.id, a);
    pending.push({ mutation, reportId: target.reportId, state: 'pending' });
    return ok({ mutationId: mutation.id });
  }

  // ---------------------------------------------------------------------------------------------
  // Bulk actions: planned by the shared planner over the reports here, applied all or nothing
  // through the same mutators, held until `holdUntil`. The fake never pushes: confirmAll (held
  // batches excepted) and answerBatch stand for the server's answers.

  const batchRecords = new Map<string, BatchRecord>();
  /** Which batch and report each bulk mutation belongs to. */
  const batchOfMutation = new Map<number, { batchId: string; reportId: string }>();
  /** What a held batch changed, to put back when it is withdrawn. */
  const heldChanges = new Map<string, { reports: Map<string, Report>; created: Created }>();
  let nextBulkRunError: BulkError | null = null;
  let bulkIds = 0;
  const newBulkId = () => `${clientId}-bulk-${String(++bulkIds)}`;

  interface Created {
    readonly dispositions: readonly string[];
    readonly notes: readonly string[];
    readonly audit: readonly string[];
  }

  function planContext(): PlanContext {
    return {
      actor,
      now: now(),
      agencies: agenciesById(agencies.values()),
      calendar,
      categories,
      users,
    };
  }

  /**
   * Applies every planned mutation or none: on a refusal the maps, the outbox and the mutation
   * ids are put back as they were (one local transaction in the real service).
   */
  function applyAll(
    items: readonly PlannedMutation[],
  ): Result<
    { mutationIds: number[]; before: Map<string, Report>; created: Created },
    { index: number; error: MutationError }
  > {
    const saved = {
      reports: new Map(reports),
      dispositions: new Map(dispositions),
      notes: new Map(notes),
      audit: new Map(audit),
      pending: pending.length,
      mutations: mutations.length,
      lastMutationId,
    };
    const refill = <T>(map: Map<string, T>, from: Map<string, T>) => {
      map.clear();
      for (const [key, value] of from) map.set(key, value);
    };
    const before = new Map<string, Report>();
    const mutationIds: number[] = [];
    for (const [index, item] of items.entries()) {
      const reportId = 'reportId' in item.args ? item.args.reportId : null;
      const report = reportId === null ? undefined : reports.get(reportId);
      if (report !== undefined && !before.has(report.id)) before.set(report.id, report);
      const result = applyMutation(item.name, item.args);
      if (!result.ok) {
        refill(reports, saved.reports);
        refill(dispositions, saved.dispositions);
        refill(notes, saved.notes);
        refill(audit, saved.audit);
        pending.length = saved.pending;
        mutations.length = saved.mutations;
        lastMutationId = saved.lastMutationId;
        return err({ index, error: result.error });
      }
      mutationIds.push(result.value.mutationId);
    }
    const added = <T>(map: Map<string, T>, old: Map<string, T>) =>
      [...map.keys()].filter((key) => !old.has(key));
    return ok({
      mutationIds,
      before,
      created: {
        dispositions: added(dispositions, saved.dispositions),
        notes: added(notes, saved.notes),
        audit: added(audit, saved.audit),
      },
    });
  }

  function recordBatch(
    record: BatchRecord,
    mutationIds: readonly number[],
    reportIds: readonly string[],
  ): void {
    batchRecords.set(record.id, record);
    mutationIds.forEach((mutationId, i) => {
      batchOfMutation.set(mutationId, { batchId: record.id, reportId: reportIds[i] ?? '' });
    });
  }

  function batchEntries(batchId: string): PendingEntry[] {
    return pending.filter((p) => batchOfMutation.get(p.mutation.id)?.batchId === batchId);
  }

  /** Held, and nothing of it answered: withdrawing it sends nothing. */
  function isHeld(record: BatchRecord): boolean {
    return (
      record.holdUntil > now() &&
      Object.keys(record.outcomes).length === 0 &&
      batchEntries(record.id).length === record.items.length
    );
  }

  function setOutcomes(answers: ReadonlyMap<string, Record<string, BatchOutcome>>): void {
    for (const [batchId, outcomes] of answers) {
      const record = batchRecords.get(batchId);
      if (record === undefined) continue;
      batchRecords.set(batchId, { ...record, outcomes: { ...record.outcomes, ...outcomes } });
    }
  }

  function afterBulkChange(reportIds: readonly string[]): void {
    emitData([...new Set(reportIds)]);
    updateStatus({ pendingCount: pendingCount() });
    emit({ type: 'batches' });
  }

  function refusedError(
    items: readonly { reportId: string }[],
    refusal: { index: number; error: MutationError },
  ): BulkError {
    const reportId = items[refusal.index]?.reportId;
    return {
      code: 'bulk/refused',
      message: refusal.error.message,
      ...(reportId === undefined ? {} : { reportId }),
      ...(refusal.error.reasonKey === undefined ? {} : { reasonKey: refusal.error.reasonKey }),
    };
  }

  function planRequest(reportIds: readonly string[], action: BatchRecord['action'], id: string) {
    const entries = [...new Set(reportIds)].map((reportId) => ({
      id: reportId,
      report: reports.get(reportId) ?? null,
    }));
    return planBulk({ action, batchId: id, reports: entries }, planContext(), newBulkId);
  }

  const service: FakeInboxService = {
    get mutations() {
      return mutations;
    },
    get presenceCalls() {
      return presenceCalls;
    },
    get syncNowCalls() {
      return syncNowCalls;
    },
    get isClosed() {
      return isClosed;
    },

    query(query, offset, limit): Promise<InboxPage> {
      const rows = matching(query);
      return Promise.resolve({
        total: rows.length,
        offset,
        rows: rows.slice(offset, offset + limit),
        generation,
      });
    },
    matchingIds(query) {
      return Promise.resolve(matching(query).map((row) => row.id));
    },
    counts() {
      return Promise.resolve(countsNow());
    },
    report(id): Promise<ReportDetail | null> {
      const report = reports.get(id);
      if (!report) return Promise.resolve(null);
      const byTime =
        <T>(key: (item: T) => number) =>
        (a: T, b: T) =>
          key(a) - key(b);
      return Promise.resolve({
        report,
        version: report.version,
        pending: pending
          .filter((p) => p.reportId === id)
          .map((p) => ({
            mutationId: p.mutation.id,
            name: p.mutation.name,
            at: p.mutation.at,
            state: p.state,
          })),
        dispositions: childrenOf(dispositions, id).sort(byTime((d) => d.at)),
        notes: childrenOf(notes, id).sort(byTime((n) => n.createdAt)),
        responses: childrenOf(responses, id).sort(byTime((r) => r.createdAt)),
        messages: childrenOf(messages, id).sort(byTime((m) => m.createdAt)),
        audit: childrenOf(audit, id).sort(byTime((a) => a.at)),
      });
    },
    reference(): Promise<ReferenceData> {
      return Promise.resolve({
        agencies: [...agencies.values()],
        users: [...users.values()],
        categories: [...categories.values()],
        templates: [...templates.values()],
        savedViews: [...savedViews.values()]
          .filter((view) => view.ownerId === options.user.id)
          .sort((a, b) => a.name.localeCompare(b.name, 'id')),
      });
    },
    mutate(name, args) {
      if (nextMutationError) {
        const error = nextMutationError;
        nextMutationError = null;
        return Promise.resolve(err(error));
      }
      const result = applyMutation(name, args);
      if (result.ok) {
        const reportId = pending[pending.length - 1]?.reportId ?? null;
        emitData(reportId === null ? null : [reportId]);
        updateStatus({ pendingCount: pendingCount() });
      }
      return Promise.resolve(result);
    },
    review() {
      return Promise.resolve(review);
    },
    resolveReview(id, choice: ReviewChoice) {
      const item = review.find((r) => r.id === id);
      if (!item) {
        return Promise.resolve(
          err<MutationError>({ code: 'mutation/not-found', message: `No review item ${id}` }),
        );
      }
      if (choice === 'reapply') {
        const result = applyMutation(item.mutation.name, item.mutation.args);
        if (!result.ok) return Promise.resolve(result);
      }
      review = review.filter((r) => r.id !== id);
      emit({ type: 'review', items: review });
      updateStatus({ needsReviewCount: review.length, pendingCount: pendingCount() });
      emitData(null);
      return Promise.resolve(ok(null));
    },
    status() {
      return Promise.resolve(status);
    },
    syncNow() {
      syncNowCalls += 1;
      return Promise.resolve();
    },
    attachment(reportId, attachmentId): Promise<Result<AttachmentContent, AttachmentError>> {
      attachmentCalls.push({ reportId, attachmentId });
      const fail = (code: AttachmentError['code'], message: string) =>
        Promise.resolve(err<AttachmentError>({ code, message }));
      if (nextAttachmentError) {
        const error = nextAttachmentError;
        nextAttachmentError = null;
        return Promise.resolve(err(error));
      }
      const meta = reports.get(reportId)?.attachments.find((a) => a.id === attachmentId);
      if (meta === undefined) return fail('attachment/not-found', `No attachment ${attachmentId}`);
      // A fresh buffer per answer: the real service transfers its buffer to the caller.
      const answer = (bytes: Uint8Array) =>
        Promise.resolve(
          ok({
            fileName: meta.fileName,
            mimeType: meta.mimeType,
            bytes: bytes.slice().buffer,
            cached: true,
          }),
        );
      const copy = attachmentCache.get(attachmentId);
      if (copy !== undefined) return answer(copy);
      if (isOffline) return fail('attachment/offline', 'fake: offline and not cached');
      const file = attachmentFiles.get(attachmentId) ?? new Uint8Array(meta.sizeBytes);
      attachmentCache.set(attachmentId, file);
      return answer(file);
    },
    exportOutbox() {
      return Promise.resolve(
        JSON.stringify({
          clientId,
          outbox: pending.filter((p) => p.state === 'pending').map((p) => p.mutation),
          review,
        }),
      );
    },
    recover() {
      if (nextRecoverProblem) {
        const problem = nextRecoverProblem;
        nextRecoverProblem = null;
        return Promise.resolve(err(problem));
      }
      emit({ type: 'problem', problem: null });
      return Promise.resolve(ok(null));
    },
    setPresence(reportId, editing) {
      presenceCalls.push({ reportId, editing });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close() {
      isClosed = true;
      listeners.clear();
      return Promise.resolve();
    },

    load(data) {
      const ids = loadData(data);
      emitData(ids.length > 0 ? [...new Set(ids)] : null);
    },
    removeReports(ids) {
      for (const id of ids) {
        reports.delete(id);
        for (const map of [dispositions, notes, responses, messages, audit]) {
          for (const [key, child] of map) if (child.reportId === id) map.delete(key);
        }
      }
      emitData(ids);
    },
    confirmAll() {
      const touched = new Set<string>();
      // Held batches have not been sent: they stay in the outbox.
      const held = new Set([...batchRecords.values()].filter(isHeld).map((r) => r.id));
      const answers = new Map<string, Record<string, BatchOutcome>>();
      const kept: PendingEntry[] = [];
      for (const p of pending) {
        const batch = batchOfMutation.get(p.mutation.id);
        if (batch !== undefined && held.has(batch.batchId)) {
          kept.push(p);
          continue;
        }
        if (p.state === 'pending' && p.reportId !== null) touched.add(p.reportId);
        p.state = 'applied';
        if (batch !== undefined) {
          answers.set(batch.batchId, {
            ...answers.get(batch.batchId),
            [batch.reportId]: 'applied',
          });
        }
      }
      pending.length = 0;
      pending.push(...kept);
      setOutcomes(answers);
      updateStatus({ pendingCount: pendingCount(), lastSyncAt: now() });
      emitData([...touched]);
      if (answers.size > 0) emit({ type: 'batches' });
    },
    setStatus(patch) {
      updateStatus(patch);
    },
    setReview(items) {
      review = [...items];
      emit({ type: 'review', items: review });
      updateStatus({ needsReviewCount: review.length });
    },
    setProblem(problem) {
      emit({ type: 'problem', problem });
    },
    setPresenceOthers(reportId, others) {
      emit({ type: 'presence', reportId, others });
    },
    failNextMutation(error) {
      nextMutationError = error;
    },
    failNextRecover(problem) {
      nextRecoverProblem = problem;
    },
    get attachmentCalls() {
      return attachmentCalls;
    },
    get cachedAttachmentIds() {
      return [...attachmentCache.keys()];
    },
    setOffline(offline) {
      isOffline = offline;
    },
    setAttachmentFile(attachmentId, bytes) {
      attachmentFiles.set(attachmentId, bytes);
    },
    failNextAttachment(error) {
      nextAttachmentError = error;
    },
    emit,

    previewBulk(request) {
      const planned = planRequest(request.reportIds, request.action, newBulkId());
      const applicable = [...new Set(planned.batchItems.map((item) => item.reportId))];
      const sample = applicable.slice(0, 5).flatMap((id) => {
        const report = reports.get(id);
        return report === undefined
          ? []
          : [{ id, trackingId: report.trackingId, title: report.title }];
      });
      return Promise.resolve({ applicable, sample, skipped: planned.skipped });
    },
    runBulk(request, holdMs) {
      if (nextBulkRunError !== null) {
        const error = nextBulkRunError;
        nextBulkRunError = null;
        return Promise.resolve(err(error));
      }
      const batchId = newBulkId();
      const planned = planRequest(request.reportIds, request.action, batchId);
      if (planned.items.length === 0) {
        return Promise.resolve(
          err<BulkError>({
            code: 'bulk/empty',
            message: 'The action applies to none of the selected reports',
          }),
        );
      }
      const applied = applyAll(planned.items);
      if (!applied.ok) return Promise.resolve(err(refusedError(planned.batchItems, applied.error)));
      const hold = Math.max(0, Math.floor(holdMs));
      const holdUntil = hold > 0 ? now() + hold : 0;
      const reportIds = planned.batchItems.map((item) => item.reportId);
      recordBatch(
        {
          id: batchId,
          action: request.action,
          createdAt: now(),
          holdUntil,
          items: planned.batchItems,
          skipped: planned.skipped,
          outcomes: {},
          undo: null,
          compensates: null,
        },
        applied.value.mutationIds,
        reportIds,
      );
      heldChanges.set(batchId, { reports: applied.value.before, created: applied.value.created });
      afterBulkChange(reportIds);
      return Promise.resolve(
        ok({ batchId, count: planned.items.length, skipped: planned.skipped, holdUntil }),
      );
    },
    undoBatch(batchId): Promise<Result<BulkUndoResult, BulkError>> {
      const record = batchRecords.get(batchId);
      if (record === undefined) {
        return Promise.resolve(
          err<BulkError>({ code: 'bulk/not-found', message: `No batch ${batchId} here` }),
        );
      }
      if (record.undo !== null) {
        return Promise.resolve(
          err<BulkError>({
            code: 'bulk/already-undone',
            message: `Batch ${batchId} was undone before`,
          }),
        );
      }
      const at = now();
      const reportIds = record.items.map((item) => item.reportId);
      const changes = heldChanges.get(batchId);
      if (isHeld(record) && changes !== undefined) {
        // Nothing was sent: the batch leaves the outbox and its reports are as they were.
        const withdrawn = new Set(batchEntries(batchId).map((p) => p.mutation.id));
        const kept = pending.filter((p) => !withdrawn.has(p.mutation.id));
        pending.length = 0;
        pending.push(...kept);
        for (const [id, report] of changes.reports) reports.set(id, report);
        for (const id of changes.created.dispositions) dispositions.delete(id);
        for (const id of changes.created.notes) notes.delete(id);
        for (const id of changes.created.audit) audit.delete(id);
        heldChanges.delete(batchId);
        batchRecords.set(batchId, { ...record, undo: { kind: 'withdrawn', at } });
        afterBulkChange(reportIds);
        return Promise.resolve(ok({ kind: 'withdrawn', at, count: record.items.length }));
      }
      const current = new Map(reportIds.map((id) => [id, reports.get(id) ?? null]));
      const compensationId = newBulkId();
      const planned = planCompensation(record, current, planContext(), compensationId, newBulkId);
      const applied = applyAll(planned.items);
      if (!applied.ok) {
        return Promise.resolve(err(refusedError(planned.batchItems, applied.error)));
      }
      recordBatch(
        {
          id: compensationId,
          action: record.action,
          createdAt: at,
          holdUntil: 0,
          items: planned.batchItems,
          skipped: [],
          outcomes: {},
          undo: null,
          compensates: batchId,
        },
        applied.value.mutationIds,
        planned.batchItems.map((item) => item.reportId),
      );
      const irreversible: readonly BulkSkip[] = planned.irreversible;
      batchRecords.set(batchId, {
        ...record,
        undo: { kind: 'compensated', at, batchId: compensationId, irreversible },
      });
      afterBulkChange(reportIds);
      return Promise.resolve(
        ok({
          kind: 'compensated',
          at,
          batchId: compensationId,
          irreversible,
          count: planned.items.length,
        }),
      );
    },
    batches() {
      // Newest first; batches made in the same millisecond in reverse order of making.
      const newestFirst = [...batchRecords.values()]
        .reverse()
        .sort((a, b) => b.createdAt - a.createdAt);
      return Promise.resolve(newestFirst.slice(0, 50).map(summarizeBatch));
    },
    suggestRouting(reportId) {
      const examples = examplesFromHistory({
        agencyId: options.user.agencyId,
        agencies: agenciesById(agencies.values()),
        reports: reports.values(),
        dispositions: dispositions.values(),
      });
      if (examples.length === 0) return Promise.resolve({ status: 'no-history' as const });
      const report = reports.get(reportId);
      const suggestions =
        report === undefined ? [] : suggestTargets(trainRoutingModel(examples), report, 3);
      return Promise.resolve({
        status: 'ready' as const,
        suggestions,
        trainedOn: examples.length,
      });
    },
    get outbox() {
      return pending.filter((p) => p.state === 'pending').map((p) => p.mutation);
    },
    answerBatch(batchId, outcomes) {
      const answered = new Set(Object.keys(outcomes));
      const kept = pending.filter((p) => {
        const batch = batchOfMutation.get(p.mutation.id);
        return batch?.batchId !== batchId || !answered.has(batch.reportId);
      });
      pending.length = 0;
      pending.push(...kept);
      setOutcomes(new Map([[batchId, { ...outcomes }]]));
      afterBulkChange([...answered]);
    },
    failNextBulkRun(error) {
      nextBulkRunError = error;
    },
  };
  return service;
}
