// An in-memory InboxService for UI tests: reports and their children in arrays, naive queue
// membership, filters, sorts and substring search, mutations through the shared mutators (so a
// refusal is the real refusal), and events like the real service emits. Extra controls
// (`setStatus`, `confirmAll`, `failNextMutation`, …) let a test drive what the sync would do.

import type { SessionUser } from '../../src-shared/api/auth';
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
import { createSlaCalendar, type SlaCalendar } from '../../src-shared/domain/sla-calendar';
import type { Template } from '../../src-shared/domain/template';
import { localDayNumber } from '../../src-shared/domain/time-zone';
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
    for (const a of value.auditEvents) audit.set(a.id, a);
    pending.push({ mutation, reportId: target.reportId, state: 'pending' });
    return ok({ mutationId: mutation.id });
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
      for (const p of pending) {
        if (p.state === 'pending' && p.reportId !== null) touched.add(p.reportId);
        p.state = 'applied';
      }
      pending.length = 0;
      updateStatus({ pendingCount: 0, lastSyncAt: now() });
      emitData([...touched]);
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
  };
  return service;
}
