// Push (docs/server-design.md, "Sync semantics"): each mutation in order, up to PUSH_CHUNK of them
// per transaction — the client's row locked, duplicates answered without running again, gaps
// refused, the shared mutator re-run with the caller as actor, the outcome classified, the writes
// stamped with versions drawn under the version lock, and the client's last mutation id recorded.
import { userActor } from '../../src-shared/domain/actor';
import { assertNever } from '../../src-shared/domain/assert-never';
import { isSimulationRole } from '../../src-shared/domain/user';
import type { Note } from '../../src-shared/domain/note';
import type { ReportResponse } from '../../src-shared/domain/response';
import type { SavedView } from '../../src-shared/domain/saved-view';
import type { Template } from '../../src-shared/domain/template';
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
  type MutatorContext,
  type MutatorState,
} from '../../src-shared/sync/mutators';
import {
  parseMutation,
  type Mutation,
  type MutationEnvelope,
  type PushResponse,
  type PushResult,
  type SyncRow,
} from '../../src-shared/sync/protocol';
import type { Db, Queryable } from '../db/db';
import type { UserRow } from '../directory/users';
import { forbidden } from '../http/errors';
import type { Announcement } from './announcer';
import { loadReference, type Reference } from './reference';
import {
  insertAuditEvent,
  insertDisposition,
  insertNote,
  insertTombstone,
  internalReport,
  reportFromRow,
  updateReport,
  upsertResponse,
  upsertSavedView,
  upsertTemplate,
  withVersion,
  type ReportRow,
  type TombstoneRow,
} from './rows';
import { callerScope, isWithin, leavesSomeScope, type CallerScope } from './scope';
import { versionDrawer, type VersionDrawer } from './versions';

export interface PushDeps {
  readonly db: Db;
  readonly now: () => number;
  /** A training server: peserta and pelatih may change data. */
  readonly simulation: boolean;
  /** Told about every committed write, after the commit. */
  readonly announce?: (announcement: Announcement) => Promise<void>;
}

export interface PushCaller {
  readonly user: Pick<UserRow, 'id' | 'role' | 'agency_id'>;
  readonly agencyPath: string;
}

type Processed =
  | { readonly kind: 'result'; readonly result: PushResult; readonly touched?: Announcement }
  | { readonly kind: 'gap'; readonly expected: number };

/** Processes a push; mutations after a gap are left for the client to resend. */
export async function push(
  deps: PushDeps,
  caller: PushCaller,
  clientId: string,
  mutations: readonly MutationEnvelope[],
): Promise<PushResponse> {
  if (mutations.length === 0) {
    return {
      lastMutationId: await lastMutationIdOf(deps.db, clientId, caller.user.id),
      results: [],
    };
  }
  const scope = callerScope(caller.user, caller.agencyPath);
  const reference = await loadReference(deps.db, scope);
  const results: PushResult[] = [];
  const announced: Announcement[] = [];
  let gap: { expected: number } | undefined;
  try {
    for (let from = 0; from < mutations.length && gap === undefined; from += PUSH_CHUNK) {
      const chunk = mutations.slice(from, from + PUSH_CHUNK);
      // One transaction per chunk: each mutation still decides, writes and records its id on
      // its own, in order, but the chunk commits once (a deadlock retry reruns the whole chunk,
      // which rolled back completely).
      const processed = await withRetry(() =>
        deps.db.transaction((tx) => processChunk(tx, deps, caller, scope, reference, chunk)),
      );
      for (const one of processed) {
        if (one.kind === 'gap') {
          gap = { expected: one.expected };
          break;
        }
        results.push(one.result);
        if (one.touched !== undefined) announced.push(one.touched);
      }
    }
  } finally {
    if (announced.length > 0 && deps.announce !== undefined) {
      await deps.announce({
        version: Math.max(...announced.map((a) => a.version)),
        scopePaths: [...new Set(announced.flatMap((a) => a.scopePaths))],
      });
    }
  }
  const lastMutationId = await lastMutationIdOf(deps.db, clientId, caller.user.id);
  return { lastMutationId, results, ...(gap === undefined ? {} : { gap }) };
}

/**
 * Mutations of one push committed together. Larger chunks raise throughput (one commit instead of
 * many) but hold the version lock longer against other writers.
 */
export const PUSH_CHUNK = 50;

/** The last mutation id recorded for the client (0 if new); 403 if it belongs to someone else. */
async function lastMutationIdOf(db: Queryable, clientId: string, userId: string): Promise<number> {
  const { rows } = await db.query<{ user_id: string; last_mutation_id: number }>(
    'SELECT user_id, last_mutation_id FROM client_mutations WHERE client_id = $1',
    [clientId],
  );
  const row = rows[0];
  if (row === undefined) return 0;
  if (row.user_id !== userId) throw clientNotOwned();
  return row.last_mutation_id;
}

const clientNotOwned = () =>
  forbidden('sync/client-not-owned', 'This client id belongs to another user.');

// PostgreSQL may abort one of two transactions that lock the same rows in opposite orders; the
// transaction rolled back completely, so running it again is safe.
const RETRYABLE = new Set(['40P01', '40001']);

async function withRetry<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 3 || typeof code !== 'string' || !RETRYABLE.has(code)) throw error;
    }
  }
}

/**
 * One transaction's mutations, in order. The client's row is locked once; each mutation is
 * decided against the last id processed before it (so a duplicate or gap inside the chunk is
 * seen), and the new last id and the outcomes are written once, before the commit.
 */
async function processChunk(
  tx: Queryable,
  deps: PushDeps,
  caller: PushCaller,
  scope: CallerScope,
  reference: Reference,
  chunk: readonly MutationEnvelope[],
): Promise<Processed[]> {
  const now = deps.now();
  const clientId = chunk[0]?.clientId;
  if (clientId === undefined) return [];
  await tx.query(
    `INSERT INTO client_mutations (client_id, user_id, last_mutation_id, updated_at)
     VALUES ($1, $2, 0, $3) ON CONFLICT (client_id) DO NOTHING`,
    [clientId, caller.user.id, now],
  );
  const { rows } = await tx.query<{ user_id: string; last_mutation_id: number }>(
    'SELECT user_id, last_mutation_id FROM client_mutations WHERE client_id = $1 FOR UPDATE',
    [clientId],
  );
  const client = rows[0];
  if (client === undefined) throw new Error('client row vanished');
  if (client.user_id !== caller.user.id) throw clientNotOwned();
  const versions = versionDrawer(tx);
  let last = client.last_mutation_id;
  const done: Processed[] = [];
  const outcomes: { id: number; result: PushResult }[] = [];
  for (const envelope of chunk) {
    if (envelope.clientId !== clientId) throw new Error('a push mixes client ids');
    if (envelope.id <= last) {
      done.push({ kind: 'result', result: await duplicateOf(tx, envelope) });
      continue;
    }
    if (envelope.id > last + 1) {
      done.push({ kind: 'gap', expected: last + 1 });
      break;
    }
    const decided = await decide(tx, deps, caller, scope, reference, versions, envelope, now);
    last = envelope.id;
    done.push(decided);
    if (decided.kind === 'result') outcomes.push({ id: envelope.id, result: decided.result });
  }
  if (last !== client.last_mutation_id) {
    await tx.query(
      'UPDATE client_mutations SET last_mutation_id = $2, updated_at = $3 WHERE client_id = $1',
      [clientId, last, now],
    );
    await rememberOutcomes(tx, clientId, outcomes, last);
  }
  return done;
}

/** How many of a client's latest outcomes the server remembers for retries. */
export const OUTCOMES_KEPT = 10_000;

interface OutcomeRow {
  status: 'applied' | 'superseded' | 'rejected';
  version: number | null;
  error: PushResult['error'] | null;
}

/** Remembers the outcomes (in the mutations' transaction) and forgets the client's oldest. */
async function rememberOutcomes(
  tx: Queryable,
  clientId: string,
  outcomes: readonly { id: number; result: PushResult }[],
  last: number,
): Promise<void> {
  const kept = outcomes.filter((outcome) => outcome.result.status !== 'duplicate');
  if (kept.length > 0) {
    await tx.query(
      `INSERT INTO mutation_outcomes (client_id, mutation_id, status, version, error)
       SELECT $1, o.id, o.status, o.version, o.error
       FROM jsonb_to_recordset($2::jsonb) AS o(id bigint, status text, version bigint, error jsonb)
       ON CONFLICT DO NOTHING`,
      [
        clientId,
        JSON.stringify(
          kept.map(({ id, result }) => ({
            id,
            status: result.status,
            version: result.version ?? null,
            error: result.error ?? null,
          })),
        ),
      ],
    );
  }
  if (last > OUTCOMES_KEPT) {
    await tx.query('DELETE FROM mutation_outcomes WHERE client_id = $1 AND mutation_id <= $2', [
      clientId,
      last - OUTCOMES_KEPT,
    ]);
  }
}

/** A retry of a processed mutation: `duplicate`, with the original outcome when remembered. */
async function duplicateOf(tx: Queryable, envelope: MutationEnvelope): Promise<PushResult> {
  const { rows } = await tx.query<OutcomeRow>(
    'SELECT status, version, error FROM mutation_outcomes WHERE client_id = $1 AND mutation_id = $2',
    [envelope.clientId, envelope.id],
  );
  const row = rows[0];
  if (row === undefined) return { id: envelope.id, status: 'duplicate' };
  return {
    id: envelope.id,
    status: 'duplicate',
    original: {
      status: row.status,
      ...(row.version === null ? {} : { version: row.version }),
      ...(row.error === null ? {} : { error: row.error }),
    },
  };
}

function rejected(id: number, error: MutationError | { code: string; message: string }): Processed {
  return { kind: 'result', result: { id, status: 'rejected', error: { ...error } } };
}

async function decide(
  tx: Queryable,
  deps: PushDeps,
  caller: PushCaller,
  scope: CallerScope,
  reference: Reference,
  versions: VersionDrawer,
  envelope: MutationEnvelope,
  now: number,
): Promise<Processed> {
  const parsed = parseMutation(envelope);
  if (!parsed.ok) {
    const reasonKey =
      parsed.error.code === 'mutation/unknown-name' ? 'mutation.unknown' : 'mutation.invalid_args';
    return rejected(envelope.id, { ...parsed.error, reasonKey });
  }
  const mutation = parsed.value;
  if (isSimulationRole(caller.user.role) && !deps.simulation) {
    return rejected(
      envelope.id,
      mutationError(
        'mutation/simulation-only',
        'mutation.training_only',
        'Training roles change data only on a simulation server',
      ),
    );
  }

  const loaded = await loadState(tx, scope, mutation);
  const ctx: MutatorContext = {
    actor: userActor({
      id: caller.user.id,
      role: caller.user.role,
      agencyId: caller.user.agency_id,
    }),
    now,
    agencies: reference.agencies,
    calendar: reference.calendar,
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
      const current = currentRow(loaded, scope);
      return {
        kind: 'result',
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
      const written = await write(tx, versions, mutation, reference, loaded, result.value, scope);
      return {
        kind: 'result',
        result: { id: mutation.id, status: 'applied', version: written.version },
        touched: written,
      };
    }
    default:
      return assertNever(outcome, 'push outcome');
  }
}

// ---------------------------------------------------------------------------------------------
// Loading what a mutation reads

interface StoredResponse {
  response: ReportResponse;
  scopePath: string;
  writers: FieldWriters;
}

interface StoredTemplate {
  template: Template;
  scopePath: string;
  ownerUserId: string | null;
  writers: FieldWriters;
}

interface Loaded {
  state: MutatorState;
  /** The report row, only when the caller may see it. */
  report: ReportRow | null;
  response: StoredResponse | null;
  template: StoredTemplate | null;
  /** Whoever owns it (see MutatorState.savedView); never tracked, never sent back as `current`. */
  savedView: SavedView | null;
  records: TrackedRecord[];
  categories: MutatorContext['categories'];
  users: MutatorContext['users'];
}

function templateVisible(stored: StoredTemplate, scope: CallerScope): boolean {
  if (stored.ownerUserId !== null) return stored.ownerUserId === scope.userId;
  return isWithin(stored.scopePath, scope.path) || scope.ancestorPaths.includes(stored.scopePath);
}

async function loadState(tx: Queryable, scope: CallerScope, mutation: Mutation): Promise<Loaded> {
  const target = mutationTarget(mutation);
  const records: TrackedRecord[] = [];

  let report: ReportRow | null = null;
  if (target.reportId !== null) {
    const { rows } = await tx.query<ReportRow>(
      'SELECT id, scope_path, doc, reporter, field_writers, version FROM reports WHERE id = $1 FOR UPDATE',
      [target.reportId],
    );
    const row = rows[0];
    // A report outside the caller's scope is "not found": its existence is not told.
    if (row !== undefined && isWithin(row.scope_path, scope.path)) {
      report = row;
      records.push({
        entity: 'report',
        id: row.id,
        version: row.version,
        writers: row.field_writers,
      });
    }
  }

  let response: StoredResponse | null = null;
  if (target.responseId !== null) {
    const { rows } = await tx.query<{
      doc: Omit<ReportResponse, 'version'>;
      scope_path: string;
      field_writers: FieldWriters;
      version: number;
    }>('SELECT doc, scope_path, field_writers, version FROM responses WHERE id = $1 FOR UPDATE', [
      target.responseId,
    ]);
    const row = rows[0];
    if (row !== undefined) {
      response = {
        response: withVersion<ReportResponse>(row.doc, row.version),
        scopePath: row.scope_path,
        writers: row.field_writers,
      };
      if (isWithin(row.scope_path, scope.path)) {
        records.push({
          entity: 'response',
          id: target.responseId,
          version: row.version,
          writers: row.field_writers,
        });
      }
    }
  }

  let note: Note | null = null;
  if (target.noteId !== null) {
    const { rows } = await tx.query<{ doc: Omit<Note, 'version'>; version: number }>(
      'SELECT doc, version FROM notes WHERE id = $1',
      [target.noteId],
    );
    const row = rows[0];
    if (row !== undefined) note = withVersion<Note>(row.doc, row.version);
  }

  let template: StoredTemplate | null = null;
  if (target.templateId !== null) {
    const { rows } = await tx.query<{
      doc: Omit<Template, 'version'>;
      scope_path: string;
      owner_user_id: string | null;
      field_writers: FieldWriters;
      version: number;
    }>(
      'SELECT doc, scope_path, owner_user_id, field_writers, version FROM templates WHERE id = $1 FOR UPDATE',
      [target.templateId],
    );
    const row = rows[0];
    if (row !== undefined) {
      template = {
        template: withVersion<Template>(row.doc, row.version),
        scopePath: row.scope_path,
        ownerUserId: row.owner_user_id,
        writers: row.field_writers,
      };
      if (templateVisible(template, scope)) {
        records.push({
          entity: 'template',
          id: target.templateId,
          version: row.version,
          writers: row.field_writers,
        });
      }
    }
  }

  let savedView: SavedView | null = null;
  if (target.savedViewId !== null) {
    const { rows } = await tx.query<{ doc: Omit<SavedView, 'version'>; version: number }>(
      'SELECT doc, version FROM saved_views WHERE id = $1 FOR UPDATE',
      [target.savedViewId],
    );
    const row = rows[0];
    if (row !== undefined) savedView = withVersion<SavedView>(row.doc, row.version);
  }

  const categories = new Map<string, { id: string; isActive: boolean }>();
  if (target.categoryId !== null) {
    const { rows } = await tx.query<{ id: string; doc: { isActive?: unknown } }>(
      'SELECT id, doc FROM categories WHERE id = $1',
      [target.categoryId],
    );
    for (const row of rows)
      categories.set(row.id, { id: row.id, isActive: row.doc.isActive === true });
  }

  const users = new Map<string, { id: string; agencyId: string; role: UserRow['role'] }>();
  if (target.userId !== null) {
    const { rows } = await tx.query<{ id: string; agency_id: string; role: UserRow['role'] }>(
      'SELECT id, agency_id, role FROM users WHERE id = $1 AND NOT disabled',
      [target.userId],
    );
    for (const row of rows)
      users.set(row.id, { id: row.id, agencyId: row.agency_id, role: row.role });
  }

  return {
    state: {
      report: report === null ? null : internalReport(report),
      response: response?.response ?? null,
      note,
      template: template?.template ?? null,
      savedView,
    },
    report,
    response,
    template,
    savedView,
    records,
    categories,
    users,
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

// ---------------------------------------------------------------------------------------------
// Writing an applied change

const REPORT_CHILD_TABLES = [
  ['disposition', 'dispositions'],
  ['note', 'notes'],
  ['response', 'responses'],
  ['audit_event', 'audit_events'],
  ['citizen_message', 'citizen_messages'],
] as const;

/**
 * Every child row of a report ($1), locked, in a fixed order (tables, then ids). One statement:
 * the locks are taken in CTEs (FOR UPDATE is not allowed directly under UNION).
 */
const REPORT_CHILDREN_SQL = `WITH ${REPORT_CHILD_TABLES.map(
  ([, table], i) =>
    `c${String(i)} AS (SELECT id FROM ${table} WHERE report_id = $1 ORDER BY id FOR UPDATE)`,
).join(', ')} ${REPORT_CHILD_TABLES.map(
  ([entity, table], i) =>
    `SELECT '${entity}' AS entity, '${table}' AS table_name, id, ${String(i)} AS t FROM c${String(i)}`,
).join(' UNION ALL ')} ORDER BY t, id`;

function pathOf(reference: Reference, agencyId: string): string {
  const path = reference.paths.get(agencyId);
  if (path === undefined) throw new Error(`agency ${agencyId} is not in the caller's reference`);
  return path;
}

/**
 * Writes the change. When the report moves to a scope that some earlier viewers cannot see, its
 * rows leave tombstones at the old path first; when it moves at all, its child rows move with it
 * and get new versions, so that viewers who gain the report also receive its history.
 */
async function write(
  tx: Queryable,
  drawVersions: VersionDrawer,
  mutation: Mutation,
  reference: Reference,
  loaded: Loaded,
  change: Change,
  caller: CallerScope,
): Promise<Announcement> {
  const clientId = mutation.clientId;
  const reportRow = loaded.report;
  const oldPath = reportRow?.scope_path ?? null;
  const newReport = change.report;
  const newPath =
    newReport === null ? oldPath : pathOf(reference, newReport.unitId ?? newReport.agencyId);
  const moved = oldPath !== null && newPath !== null && newPath !== oldPath;

  // Everything that moves with the report, locked before the version lock is taken.
  const children: { entity: string; table: string; id: string }[] = [];
  if (moved && reportRow !== null) {
    const { rows } = await tx.query<{ entity: string; table_name: string; id: string }>(
      REPORT_CHILDREN_SQL,
      [reportRow.id],
    );
    for (const row of rows)
      children.push({ entity: row.entity, table: row.table_name, id: row.id });
  }
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
        entity: child.entity,
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
      scopePath: caller.path,
      ownerUserId: view.ownerId,
    });
  }
  const written = new Set(change.responses.map((r) => r.id));
  const restamped = children.filter((c) => !(c.entity === 'response' && written.has(c.id)));

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
  // The version lock is taken here, as late as possible, and held until commit.
  const versions = await drawVersions(count);
  let next = 0;
  const take = (): number => {
    const version = versions[next++];
    if (version === undefined) throw new Error('fewer versions drawn than rows written');
    return version;
  };

  for (const tombstone of tombstones) await insertTombstone(tx, tombstone, take());
  const childPath = newPath ?? '';
  if (newReport !== null && reportRow !== null) {
    const version = take();
    const fields = change.writes
      .filter((w) => w.entity === 'report' && w.id === newReport.id)
      .flatMap((w) => w.fields);
    const writers = recordWrite(reportRow.field_writers, fields, version, clientId);
    await updateReport(tx, newReport, childPath, writers, version);
  }
  for (const child of restamped) {
    await tx.query(`UPDATE ${child.table} SET scope_path = $2, version = $3 WHERE id = $1`, [
      child.id,
      childPath,
      take(),
    ]);
  }
  for (const disposition of change.dispositions) {
    await insertDisposition(tx, disposition, childPath, take());
  }
  for (const note of change.notes) await insertNote(tx, note, childPath, take());
  for (const response of change.responses) {
    const version = take();
    const fields = change.writes
      .filter((w) => w.entity === 'response' && w.id === response.id)
      .flatMap((w) => w.fields);
    const before = loaded.response?.response.id === response.id ? loaded.response.writers : {};
    await upsertResponse(
      tx,
      response,
      childPath,
      recordWrite(before, fields, version, clientId),
      version,
    );
  }
  for (const event of change.auditEvents) await insertAuditEvent(tx, event, childPath, take());
  const templatePaths: string[] = [];
  for (const template of change.templates) {
    const version = take();
    const before = loaded.template?.template.id === template.id ? loaded.template.writers : {};
    const fields = change.writes.filter((w) => w.entity === 'template').flatMap((w) => w.fields);
    const path = pathOf(reference, template.agencyId);
    templatePaths.push(path);
    await upsertTemplate(
      tx,
      template,
      path,
      recordWrite(before, fields, version, clientId),
      version,
    );
  }
  for (const template of change.deletedTemplates) {
    await tx.query('DELETE FROM templates WHERE id = $1', [template.id]);
  }
  for (const view of change.savedViews) await upsertSavedView(tx, view, take());
  for (const view of change.deletedSavedViews) {
    await tx.query('DELETE FROM saved_views WHERE id = $1 AND owner_user_id = $2', [
      view.id,
      view.ownerId,
    ]);
  }
  // The owner's other devices hear of their views at the owner's agency path.
  const viewPaths = change.savedViews.length > 0 ? [caller.path] : [];

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
