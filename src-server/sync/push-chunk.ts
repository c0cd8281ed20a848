// One push transaction's mutations, set-based (docs/server-design.md, "Sync semantics"): every
// record they read is loaded and locked up front, one statement per table; each mutation is then
// decided in memory, in order, against those records as the chunk's earlier mutations left them;
// and the writes go out at the end, one statement per table. Outcomes, rows, versions and
// tombstones are those of deciding and writing each mutation on its own — what that cost was the
// fixed price of seven statements per mutation, not the work.
import { userActor, type UserActor } from '../../src-shared/domain/actor';
import { assertNever } from '../../src-shared/domain/assert-never';
import type { AuditEvent } from '../../src-shared/domain/audit-event';
import type { Disposition } from '../../src-shared/domain/disposition';
import type { Note } from '../../src-shared/domain/note';
import type { Report } from '../../src-shared/domain/report';
import type { ReportResponse } from '../../src-shared/domain/response';
import type { SavedView } from '../../src-shared/domain/saved-view';
import type { Template } from '../../src-shared/domain/template';
import { isSimulationRole, type UserRole } from '../../src-shared/domain/user';
import {
  classifyOutcome,
  recordWrite,
  type FieldWriters,
  type TrackedRecord,
} from '../../src-shared/sync/conflicts';
import { mutationError, type MutationError } from '../../src-shared/sync/mutation-error';
import {
  mutationIdPrefix,
  mutationTarget,
  runMutator,
  type Change,
  type MutationTarget,
  type MutatorContext,
  type MutatorState,
} from '../../src-shared/sync/mutators';
import {
  parseMutation,
  type Mutation,
  type MutationEnvelope,
  type PushResult,
  type SyncRow,
} from '../../src-shared/sync/protocol';
import type { Queryable } from '../db/db';
import type { Announcement } from './announcer';
import type { Reference } from './reference';
import {
  REPORT_CHILD_TABLES,
  insertAuditEvents,
  insertDispositions,
  insertNotes,
  insertTombstones,
  internalReport,
  reportDoc,
  reportFromRow,
  restampRows,
  updateReports,
  upsertResponses,
  upsertSavedView,
  upsertTemplate,
  withVersion,
  type Placed,
  type ReportChildTable,
  type ReportRow,
  type TombstoneRow,
} from './rows';
import { isWithin, leavesSomeScope, type CallerScope } from './scope';
import { versionReservation, type VersionReservation } from './versions';

/** Who pushes, and what their mutations are decided with. */
export interface ChunkCaller {
  readonly user: { readonly id: string; readonly role: UserRole; readonly agency_id: string };
  readonly scope: CallerScope;
  readonly reference: Reference;
  /** A training server: peserta and pelatih may change data. */
  readonly simulation: boolean;
  readonly now: number;
}

/** A decided mutation: its answer, and what to announce after the commit when it was applied. */
export interface Decided {
  readonly result: PushResult;
  readonly touched?: Announcement;
}

/**
 * Decides and writes `envelopes` (consecutive ids, none processed before, one client) in `tx`.
 * Returns one answer per mutation, in order; the caller records the ids and outcomes.
 */
export async function decideChunk(
  tx: Queryable,
  caller: ChunkCaller,
  envelopes: readonly MutationEnvelope[],
): Promise<Decided[]> {
  const admitted = envelopes.map((envelope) => admit(caller, envelope));
  // Nothing is read, locked or written when nothing runs: every step below skips empty sets.
  const targets = admitted.flatMap((a) => (a.kind === 'run' ? [mutationTarget(a.mutation)] : []));
  const records = await loadRecords(tx, caller.scope, targets);
  const run: ChunkRun = {
    caller,
    actor: userActor({
      id: caller.user.id,
      role: caller.user.role,
      agencyId: caller.user.agency_id,
    }),
    records,
    writes: new ChunkWrites(),
    versions: versionReservation(tx),
  };
  const decided: Decided[] = [];
  for (const one of admitted) {
    decided.push(one.kind === 'refused' ? one.decided : await decide(run, one.mutation));
  }
  // Versions are drawn before the rows that carry them are written, under the lock taken at the
  // first reservation and held until commit.
  await run.versions.draw();
  await run.writes.flush(tx);
  return decided;
}

/** What one chunk's decisions share: the records as they stand, and the writes so far. */
interface ChunkRun {
  readonly caller: ChunkCaller;
  readonly actor: UserActor;
  readonly records: ChunkRecords;
  readonly writes: ChunkWrites;
  readonly versions: VersionReservation;
}

type Admitted =
  | { readonly kind: 'run'; readonly mutation: Mutation }
  | { readonly kind: 'refused'; readonly decided: Decided };

function rejected(id: number, error: MutationError | { code: string; message: string }): Decided {
  return { result: { id, status: 'rejected', error: { ...error } } };
}

/** Refuses, before anything is loaded, what no record could make acceptable. */
function admit(caller: ChunkCaller, envelope: MutationEnvelope): Admitted {
  const parsed = parseMutation(envelope);
  if (!parsed.ok) {
    const reasonKey =
      parsed.error.code === 'mutation/unknown-name' ? 'mutation.unknown' : 'mutation.invalid_args';
    return { kind: 'refused', decided: rejected(envelope.id, { ...parsed.error, reasonKey }) };
  }
  if (isSimulationRole(caller.user.role) && !caller.simulation) {
    return {
      kind: 'refused',
      decided: rejected(
        envelope.id,
        mutationError(
          'mutation/simulation-only',
          'mutation.training_only',
          'Training roles change data only on a simulation server',
        ),
      ),
    };
  }
  return { kind: 'run', mutation: parsed.value };
}

async function decide(run: ChunkRun, mutation: Mutation): Promise<Decided> {
  const { caller } = run;
  const loaded = loadState(run.records, caller.scope, mutation);
  const ctx: MutatorContext = {
    actor: run.actor,
    now: caller.now,
    agencies: caller.reference.agencies,
    calendar: caller.reference.calendar,
    categories: loaded.categories,
    users: loaded.users,
    idPrefix: mutationIdPrefix(mutation),
  };
  const result = runMutator(loaded.state, mutation, ctx);
  const outcome = classifyOutcome({
    clientId: mutation.clientId,
    baseVersion: mutation.baseVersion,
    result,
    records: loaded.records,
  });
  switch (outcome.status) {
    case 'rejected':
      return rejected(mutation.id, outcome.error);
    case 'superseded': {
      const current = currentRow(loaded, caller.scope);
      return {
        result: {
          id: mutation.id,
          status: 'superseded',
          error: { ...outcome.error },
          ...(current === null ? {} : { current }),
        },
      };
    }
    case 'applied': {
      if (!result.ok) throw new Error('an applied outcome without a change');
      const touched = await apply(run, mutation, loaded, result.value);
      return { result: { id: mutation.id, status: 'applied', version: touched.version }, touched };
    }
    default:
      return assertNever(outcome, 'push outcome');
  }
}

// ---------------------------------------------------------------------------------------------
// The records a chunk reads, loaded once and kept as its mutations leave them

interface StoredResponse {
  readonly response: ReportResponse;
  readonly scopePath: string;
  readonly writers: FieldWriters;
}

interface StoredTemplate {
  readonly template: Template;
  readonly scopePath: string;
  readonly ownerUserId: string | null;
  readonly writers: FieldWriters;
}

type ChildKind = (typeof REPORT_CHILD_TABLES)[number];

/** A child row of a report; `order` is its table's place in REPORT_CHILD_TABLES. */
interface ChildRef {
  readonly kind: ChildKind;
  readonly order: number;
  readonly id: string;
}

/**
 * Every record the chunk's mutations name, as the database has it once the chunk's earlier
 * mutations are written: an absent key is an absent record. Entries are replaced, never changed
 * in place, so a mutation's view of them stays as it was when it was decided.
 */
interface ChunkRecords {
  /** Whatever their scope: a report outside the caller's is treated as absent when read. */
  readonly reports: Map<string, ReportRow>;
  readonly responses: Map<string, StoredResponse>;
  readonly notes: Map<string, Note>;
  readonly templates: Map<string, StoredTemplate>;
  readonly savedViews: Map<string, SavedView>;
  readonly categories: Map<string, { id: string; isActive: boolean }>;
  readonly users: Map<string, { id: string; agencyId: string; role: UserRole }>;
  /** The child rows of each report in the caller's scope, in table then id order. */
  readonly children: Map<string, ChildRef[]>;
}

/**
 * Every child row of the reports ($1), locked. One statement: the locks are taken in CTEs
 * (FOR UPDATE is not allowed directly under UNION).
 */
const REPORT_CHILDREN_SQL = `WITH ${REPORT_CHILD_TABLES.map(
  ([, table], i) =>
    `c${String(i)} AS (SELECT id, report_id FROM ${table} WHERE report_id = ANY($1::text[]) ORDER BY id FOR UPDATE)`,
).join(', ')} ${REPORT_CHILD_TABLES.map(
  (_, i) => `SELECT ${String(i)} AS t, report_id, id FROM c${String(i)}`,
).join(' UNION ALL ')}`;

/** Table, then id compared by code unit (ids are ASCII: byte order, the same on every backend). */
function compareChildren(a: ChildRef, b: ChildRef): number {
  if (a.order !== b.order) return a.order - b.order;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function distinct(
  targets: readonly MutationTarget[],
  pick: (target: MutationTarget) => string | null,
): string[] {
  return [...new Set(targets.flatMap((target) => pick(target) ?? []))];
}

/**
 * Loads what the targets name, locking the rows a mutation may write in a fixed order (each table
 * by id, reports first, children last) so that two chunks never wait on each other in a circle.
 * Children of every report in scope are locked, not only of those that will move: which move is
 * only known after deciding, and that needs the version lock, which is taken after all row locks.
 */
async function loadRecords(
  tx: Queryable,
  scope: CallerScope,
  targets: readonly MutationTarget[],
): Promise<ChunkRecords> {
  const records: ChunkRecords = {
    reports: new Map(),
    responses: new Map(),
    notes: new Map(),
    templates: new Map(),
    savedViews: new Map(),
    categories: new Map(),
    users: new Map(),
    children: new Map(),
  };
  const reportIds = distinct(targets, (t) => t.reportId);
  if (reportIds.length > 0) {
    const { rows } = await tx.query<ReportRow>(
      `SELECT id, scope_path, doc, reporter, field_writers, version FROM reports
        WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [reportIds],
    );
    for (const row of rows) records.reports.set(row.id, row);
  }
  const responseIds = distinct(targets, (t) => t.responseId);
  if (responseIds.length > 0) {
    const { rows } = await tx.query<{
      id: string;
      doc: Omit<ReportResponse, 'version'>;
      scope_path: string;
      field_writers: FieldWriters;
      version: number;
    }>(
      `SELECT id, doc, scope_path, field_writers, version FROM responses
        WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [responseIds],
    );
    for (const row of rows) {
      records.responses.set(row.id, {
        response: withVersion<ReportResponse>(row.doc, row.version),
        scopePath: row.scope_path,
        writers: row.field_writers,
      });
    }
  }
  const noteIds = distinct(targets, (t) => t.noteId);
  if (noteIds.length > 0) {
    const { rows } = await tx.query<{ id: string; doc: Omit<Note, 'version'>; version: number }>(
      'SELECT id, doc, version FROM notes WHERE id = ANY($1::text[])',
      [noteIds],
    );
    for (const row of rows) records.notes.set(row.id, withVersion<Note>(row.doc, row.version));
  }
  const templateIds = distinct(targets, (t) => t.templateId);
  if (templateIds.length > 0) {
    const { rows } = await tx.query<{
      id: string;
      doc: Omit<Template, 'version'>;
      scope_path: string;
      owner_user_id: string | null;
      field_writers: FieldWriters;
      version: number;
    }>(
      `SELECT id, doc, scope_path, owner_user_id, field_writers, version FROM templates
        WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE`,
      [templateIds],
    );
    for (const row of rows) {
      records.templates.set(row.id, {
        template: withVersion<Template>(row.doc, row.version),
        scopePath: row.scope_path,
        ownerUserId: row.owner_user_id,
        writers: row.field_writers,
      });
    }
  }
  const viewIds = distinct(targets, (t) => t.savedViewId);
  if (viewIds.length > 0) {
    const { rows } = await tx.query<{
      id: string;
      doc: Omit<SavedView, 'version'>;
      version: number;
    }>(
      'SELECT id, doc, version FROM saved_views WHERE id = ANY($1::text[]) ORDER BY id FOR UPDATE',
      [viewIds],
    );
    for (const row of rows) {
      records.savedViews.set(row.id, withVersion<SavedView>(row.doc, row.version));
    }
  }
  const categoryIds = distinct(targets, (t) => t.categoryId);
  if (categoryIds.length > 0) {
    const { rows } = await tx.query<{ id: string; doc: { isActive?: unknown } }>(
      'SELECT id, doc FROM categories WHERE id = ANY($1::text[])',
      [categoryIds],
    );
    for (const row of rows) {
      records.categories.set(row.id, { id: row.id, isActive: row.doc.isActive === true });
    }
  }
  const userIds = distinct(targets, (t) => t.userId);
  if (userIds.length > 0) {
    const { rows } = await tx.query<{ id: string; agency_id: string; role: UserRole }>(
      'SELECT id, agency_id, role FROM users WHERE id = ANY($1::text[]) AND NOT disabled',
      [userIds],
    );
    for (const row of rows) {
      records.users.set(row.id, { id: row.id, agencyId: row.agency_id, role: row.role });
    }
  }
  // Only reports in scope can be written, so only theirs can move.
  const inScope = [...records.reports.values()]
    .filter((row) => isWithin(row.scope_path, scope.path))
    .map((row) => row.id);
  for (const id of inScope) records.children.set(id, []);
  if (inScope.length > 0) {
    const { rows } = await tx.query<{ t: number; report_id: string; id: string }>(
      REPORT_CHILDREN_SQL,
      [inScope],
    );
    for (const row of rows) {
      const kind = REPORT_CHILD_TABLES[row.t];
      if (kind === undefined) throw new Error(`unknown child table ${String(row.t)}`);
      records.children.get(row.report_id)?.push({ kind, order: row.t, id: row.id });
    }
    for (const children of records.children.values()) children.sort(compareChildren);
  }
  return records;
}

/** What one mutation reads, from the chunk's records. */
interface Loaded {
  readonly state: MutatorState;
  /** The report row, only when the caller may see it. */
  readonly report: ReportRow | null;
  readonly response: StoredResponse | null;
  readonly template: StoredTemplate | null;
  readonly records: TrackedRecord[];
  readonly categories: MutatorContext['categories'];
  readonly users: MutatorContext['users'];
}

function templateVisible(stored: StoredTemplate, scope: CallerScope): boolean {
  if (stored.ownerUserId !== null) return stored.ownerUserId === scope.userId;
  return isWithin(stored.scopePath, scope.path) || scope.ancestorPaths.includes(stored.scopePath);
}

/** Like loading the mutation's rows one by one: only the records and reference rows it names. */
function loadState(records: ChunkRecords, scope: CallerScope, mutation: Mutation): Loaded {
  const target = mutationTarget(mutation);
  const tracked: TrackedRecord[] = [];
  const of = <T>(map: ReadonlyMap<string, T>, id: string | null): T | null =>
    id === null ? null : (map.get(id) ?? null);

  const row = of(records.reports, target.reportId);
  // A report outside the caller's scope is "not found": its existence is not told.
  const report = row !== null && isWithin(row.scope_path, scope.path) ? row : null;
  if (report !== null) {
    tracked.push({
      entity: 'report',
      id: report.id,
      version: report.version,
      writers: report.field_writers,
    });
  }
  const response = of(records.responses, target.responseId);
  if (response !== null && isWithin(response.scopePath, scope.path)) {
    tracked.push({
      entity: 'response',
      id: response.response.id,
      version: response.response.version,
      writers: response.writers,
    });
  }
  const template = of(records.templates, target.templateId);
  if (template !== null && templateVisible(template, scope)) {
    tracked.push({
      entity: 'template',
      id: template.template.id,
      version: template.template.version,
      writers: template.writers,
    });
  }
  const category = of(records.categories, target.categoryId);
  const user = of(records.users, target.userId);
  return {
    state: {
      report: report === null ? null : internalReport(report),
      response: response?.response ?? null,
      note: of(records.notes, target.noteId),
      template: template?.template ?? null,
      savedView: of(records.savedViews, target.savedViewId),
    },
    report,
    response,
    template,
    records: tracked,
    categories: new Map(category === null ? [] : [[category.id, category]]),
    users: new Map(user === null ? [] : [[user.id, user]]),
  };
}

/** The record as the caller may see it now, for a superseded mutation's side-by-side review. */
function currentRow(loaded: Loaded, scope: CallerScope): SyncRow | null {
  if (loaded.report !== null) {
    return {
      entity: 'report',
      id: loaded.report.id,
      version: loaded.report.version,
      data: reportFromRow(loaded.report, scope.mayIdentify),
    };
  }
  if (loaded.template !== null && templateVisible(loaded.template, scope)) {
    const template = loaded.template.template;
    return { entity: 'template', id: template.id, version: template.version, data: template };
  }
  return null;
}

/** A value as the database gives it back (no undefined members): what a later mutation reads. */
function asStored<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

// ---------------------------------------------------------------------------------------------
// Applying a change: the records updated at once, the rows written at the end

function pathOf(reference: Reference, agencyId: string): string {
  const path = reference.paths.get(agencyId);
  if (path === undefined) throw new Error(`agency ${agencyId} is not in the caller's reference`);
  return path;
}

function childKind(entity: ChildKind[0]): { kind: ChildKind; order: number } {
  const order = REPORT_CHILD_TABLES.findIndex(([name]) => name === entity);
  const kind = REPORT_CHILD_TABLES[order];
  if (kind === undefined) throw new Error(`unknown child entity ${entity}`);
  return { kind, order };
}

/** A row the chunk created becomes one of its report's children: it moves with the report. */
function addChild(records: ChunkRecords, reportId: string, entity: ChildKind[0], id: string) {
  const children = records.children.get(reportId) ?? [];
  if (children.some((c) => c.kind[0] === entity && c.id === id)) return;
  children.push({ ...childKind(entity), id });
  children.sort(compareChildren);
  records.children.set(reportId, children);
}

/**
 * Applies the change to the chunk's records and adds its rows to the writes. When the report
 * moves to a scope that some earlier viewers cannot see, its rows leave tombstones at the old path
 * first; when it moves at all, its child rows move with it and get new versions, so that viewers
 * who gain the report also receive its history. Versions are taken in the order the rows were
 * always written: tombstones, report, moved children, new rows.
 */
async function apply(
  run: ChunkRun,
  mutation: Mutation,
  loaded: Loaded,
  change: Change,
): Promise<Announcement> {
  const { records, writes } = run;
  const { reference, scope } = run.caller;
  const clientId = mutation.clientId;
  const reportRow = loaded.report;
  const oldPath = reportRow?.scope_path ?? null;
  const newReport = change.report;
  const newPath =
    newReport === null ? oldPath : pathOf(reference, newReport.unitId ?? newReport.agencyId);
  const moved = oldPath !== null && newPath !== null && newPath !== oldPath;

  // Everything that moves with the report, as the chunk has left it so far.
  const children =
    moved && reportRow !== null ? [...(records.children.get(reportRow.id) ?? [])] : [];
  const tombstones: TombstoneRow[] = [];
  if (moved && reportRow !== null && leavesSomeScope(oldPath, newPath)) {
    tombstones.push({
      entity: 'report',
      entityId: reportRow.id,
      scopePath: oldPath,
      ownerUserId: null,
    });
    for (const child of children) {
      tombstones.push({
        entity: child.kind[0],
        entityId: child.id,
        scopePath: oldPath,
        ownerUserId: null,
      });
    }
  }
  for (const template of change.deletedTemplates) {
    const stored = loaded.template;
    tombstones.push({
      entity: 'template',
      entityId: template.id,
      scopePath: stored?.scopePath ?? pathOf(reference, template.agencyId),
      ownerUserId: stored?.ownerUserId ?? null,
    });
  }
  // A deleted view's tombstone is its owner's alone (owner_user_id), like a personal template's;
  // the path only says where to announce it.
  for (const view of change.deletedSavedViews) {
    tombstones.push({
      entity: 'saved_view',
      entityId: view.id,
      scopePath: scope.path,
      ownerUserId: view.ownerId,
    });
  }
  const written = new Set(change.responses.map((r) => r.id));
  const restamped = children.filter((c) => !(c.kind[0] === 'response' && written.has(c.id)));

  const count =
    tombstones.length +
    (newReport === null ? 0 : 1) +
    restamped.length +
    change.dispositions.length +
    change.notes.length +
    change.responses.length +
    change.auditEvents.length +
    change.templates.length +
    change.savedViews.length;
  const versions = await run.versions.reserve(count);
  let next = 0;
  const take = (): number => {
    const version = versions[next++];
    if (version === undefined) throw new Error('fewer versions reserved than rows written');
    return version;
  };

  for (const tombstone of tombstones) writes.tombstone(tombstone, take());
  const childPath = newPath ?? '';
  if (newReport !== null && reportRow !== null) {
    const version = take();
    const fields = change.writes
      .filter((w) => w.entity === 'report' && w.id === newReport.id)
      .flatMap((w) => w.fields);
    const writers = recordWrite(reportRow.field_writers, fields, version, clientId);
    writes.report({ row: newReport, scopePath: childPath, writers, version });
    records.reports.set(newReport.id, {
      id: newReport.id,
      scope_path: childPath,
      doc: asStored(reportDoc(newReport)),
      // The reporter column is never written by a mutation.
      reporter: reportRow.reporter,
      field_writers: writers,
      version,
    });
  }
  for (const child of restamped) {
    const version = take();
    writes.restamp(child.kind, child.id, childPath, version);
    restampRecord(records, child, childPath, version);
  }
  for (const disposition of change.dispositions) {
    writes.child({ entity: 'disposition', row: disposition }, childPath, take());
    addChild(records, disposition.reportId, 'disposition', disposition.id);
  }
  for (const note of change.notes) {
    const version = take();
    writes.child({ entity: 'note', row: note }, childPath, version);
    records.notes.set(note.id, asStored({ ...note, version }));
    addChild(records, note.reportId, 'note', note.id);
  }
  for (const response of change.responses) {
    const version = take();
    const fields = change.writes
      .filter((w) => w.entity === 'response' && w.id === response.id)
      .flatMap((w) => w.fields);
    const before = loaded.response?.response.id === response.id ? loaded.response.writers : {};
    const writers = recordWrite(before, fields, version, clientId);
    writes.child({ entity: 'response', row: response, writers }, childPath, version);
    records.responses.set(response.id, {
      response: asStored({ ...response, version }),
      scopePath: childPath,
      writers,
    });
    addChild(records, response.reportId, 'response', response.id);
  }
  for (const event of change.auditEvents) {
    writes.child({ entity: 'audit_event', row: event }, childPath, take());
    addChild(records, event.reportId, 'audit_event', event.id);
  }
  const templatePaths: string[] = [];
  for (const template of change.templates) {
    const version = take();
    const before = loaded.template?.template.id === template.id ? loaded.template.writers : {};
    const fields = change.writes.filter((w) => w.entity === 'template').flatMap((w) => w.fields);
    const path = pathOf(reference, template.agencyId);
    const writers = recordWrite(before, fields, version, clientId);
    templatePaths.push(path);
    writes.single({ kind: 'template', template, scopePath: path, writers, version });
    records.templates.set(template.id, {
      template: asStored({ ...template, version }),
      scopePath: path,
      ownerUserId: template.scope === 'personal' ? template.ownerId : null,
      writers,
    });
  }
  for (const template of change.deletedTemplates) {
    writes.single({ kind: 'template-delete', id: template.id });
    records.templates.delete(template.id);
  }
  for (const view of change.savedViews) {
    const version = take();
    writes.single({ kind: 'view', view, version });
    records.savedViews.set(view.id, asStored({ ...view, version }));
  }
  for (const view of change.deletedSavedViews) {
    writes.single({ kind: 'view-delete', id: view.id, ownerId: view.ownerId });
    records.savedViews.delete(view.id);
  }
  // The owner's other devices hear of their views at the owner's agency path.
  const viewPaths = change.savedViews.length > 0 ? [scope.path] : [];

  return {
    version: versions.at(-1) ?? 0,
    scopePaths: [
      ...new Set(
        [
          oldPath,
          newPath,
          ...templatePaths,
          ...viewPaths,
          ...tombstones.map((t) => t.scopePath),
        ].filter((p): p is string => p !== null),
      ),
    ],
  };
}

/** A moved child row that a later mutation of the chunk may read carries its new version. */
function restampRecord(records: ChunkRecords, child: ChildRef, scopePath: string, version: number) {
  switch (child.kind[0]) {
    case 'response': {
      const stored = records.responses.get(child.id);
      if (stored !== undefined) {
        records.responses.set(child.id, {
          ...stored,
          response: { ...stored.response, version },
          scopePath,
        });
      }
      return;
    }
    case 'note': {
      const note = records.notes.get(child.id);
      if (note !== undefined) records.notes.set(child.id, { ...note, version });
      return;
    }
    case 'disposition':
    case 'audit_event':
    case 'citizen_message':
      // No mutation reads these by id.
      return;
    default:
      assertNever(child.kind[0], 'report child');
  }
}

// ---------------------------------------------------------------------------------------------
// The chunk's writes, grouped by table

/** A child row the chunk creates or rewrites, with what it holds. */
type ChildContent =
  | { readonly entity: 'disposition'; readonly row: Disposition }
  | { readonly entity: 'note'; readonly row: Note }
  | { readonly entity: 'response'; readonly row: ReportResponse; readonly writers: FieldWriters }
  | { readonly entity: 'audit_event'; readonly row: AuditEvent };

/** A child row as the chunk leaves it: rewritten (`content`), or only moved (`content` null). */
interface PendingChild {
  readonly kind: ChildKind;
  readonly id: string;
  scopePath: string;
  version: number;
  content: ChildContent | null;
}

/** Template and saved-view writes: rare, so one statement each, replayed in order. */
type SingleWrite =
  | {
      readonly kind: 'template';
      readonly template: Template;
      readonly scopePath: string;
      readonly writers: FieldWriters;
      readonly version: number;
    }
  | { readonly kind: 'template-delete'; readonly id: string }
  | { readonly kind: 'view'; readonly view: SavedView; readonly version: number }
  | { readonly kind: 'view-delete'; readonly id: string; readonly ownerId: string };

/**
 * The rows the chunk writes, each as its last mutation leaves it: a report or child row written
 * twice is written once, with its final content, place and version (the earlier version is
 * superseded within the same commit, so nobody could have pulled it).
 */
class ChunkWrites {
  private readonly tombstones: { tombstone: TombstoneRow; version: number }[] = [];
  private readonly reports = new Map<string, Placed<Report> & { writers: FieldWriters }>();
  private readonly children = new Map<string, PendingChild>();
  private readonly singles: SingleWrite[] = [];

  tombstone(tombstone: TombstoneRow, version: number): void {
    this.tombstones.push({ tombstone, version });
  }

  report(write: Placed<Report> & { writers: FieldWriters }): void {
    this.reports.set(write.row.id, write);
  }

  /** A child row moves; what the chunk wrote into it, if anything, goes along. */
  restamp(kind: ChildKind, id: string, scopePath: string, version: number): void {
    const key = `${kind[1]}:${id}`;
    const pending = this.children.get(key);
    if (pending === undefined) {
      this.children.set(key, { kind, id, scopePath, version, content: null });
    } else {
      pending.scopePath = scopePath;
      pending.version = version;
    }
  }

  /** A child row is created or rewritten whole (scope, content and version). */
  child(content: ChildContent, scopePath: string, version: number): void {
    const { kind } = childKind(content.entity);
    const id = content.row.id;
    this.children.set(`${kind[1]}:${id}`, { kind, id, scopePath, version, content });
  }

  single(write: SingleWrite): void {
    this.singles.push(write);
  }

  async flush(tx: Queryable): Promise<void> {
    await insertTombstones(tx, this.tombstones);
    await updateReports(tx, [...this.reports.values()]);
    const moved = new Map<ReportChildTable, PendingChild[]>();
    const dispositions: Placed<Disposition>[] = [];
    const notes: Placed<Note>[] = [];
    const responses: (Placed<ReportResponse> & { writers: FieldWriters })[] = [];
    const events: Placed<AuditEvent>[] = [];
    for (const pending of this.children.values()) {
      const { content, scopePath, version } = pending;
      if (content === null) {
        const rows = moved.get(pending.kind[1]) ?? [];
        rows.push(pending);
        moved.set(pending.kind[1], rows);
        continue;
      }
      switch (content.entity) {
        case 'disposition':
          dispositions.push({ row: content.row, scopePath, version });
          break;
        case 'note':
          notes.push({ row: content.row, scopePath, version });
          break;
        case 'response':
          responses.push({ row: content.row, writers: content.writers, scopePath, version });
          break;
        case 'audit_event':
          events.push({ row: content.row, scopePath, version });
          break;
        default:
          assertNever(content, 'child row');
      }
    }
    for (const [table, rows] of moved) await restampRows(tx, table, rows);
    await insertDispositions(tx, dispositions);
    await insertNotes(tx, notes);
    await upsertResponses(tx, responses);
    await insertAuditEvents(tx, events);
    for (const write of this.singles) await writeSingle(tx, write);
  }
}

async function writeSingle(tx: Queryable, write: SingleWrite): Promise<void> {
  switch (write.kind) {
    case 'template':
      await upsertTemplate(tx, write.template, write.scopePath, write.writers, write.version);
      return;
    case 'template-delete':
      await tx.query('DELETE FROM templates WHERE id = $1', [write.id]);
      return;
    case 'view':
      await upsertSavedView(tx, write.view, write.version);
      return;
    case 'view-delete':
      await tx.query('DELETE FROM saved_views WHERE id = $1 AND owner_user_id = $2', [
        write.id,
        write.ownerId,
      ]);
      return;
    default:
      assertNever(write, 'single write');
  }
}
