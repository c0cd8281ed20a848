// An in-memory sync server with the real server's semantics (src-server/sync/push.ts, pull.ts):
// versions from one counter, lastMutationId per client, duplicates answered without running
// again, gaps refused, the shared mutator re-run and classified (classifyOutcome, recordWrite),
// pulls in version order. Every caller sees everything (one agency subtree), which is enough
// for the client engine's tests. Plus a Transport over it that can lose requests and answers.

import type { UserActor } from '../../src-shared/domain/actor';
import type { Agency } from '../../src-shared/domain/agency';
import type { Category } from '../../src-shared/domain/category';
import type { User } from '../../src-shared/domain/user';
import { indonesianHolidays } from '../../src-shared/domain/holidays-id';
import { createSlaCalendar } from '../../src-shared/domain/sla-calendar';
import {
  classifyOutcome,
  recordWrite,
  type FieldWriters,
  type TrackedRecord,
} from '../../src-shared/sync/conflicts';
import {
  recordKey,
  type MutationErrorBody,
  type RecordKey,
  type Transport,
  type TransportFailure,
  type TransportResult,
} from '../../src-shared/sync/client/ports';
import {
  mutationIdPrefix,
  mutationTarget,
  runMutator,
  type Change,
  type MutatorContext,
} from '../../src-shared/sync/mutators';
import {
  parseMutation,
  type HeadsResponse,
  type Mutation,
  type MutationEnvelope,
  type PulledChange,
  type PullResponse,
  type PushRequest,
  type PushResponse,
  type PushResult,
  type SyncEntity,
  type SyncRow,
} from '../../src-shared/sync/protocol';

interface Stored {
  /** The row, or null for a tombstone. */
  readonly row: SyncRow | null;
  readonly entity: SyncEntity;
  readonly id: string;
  readonly version: number;
  readonly writers: FieldWriters;
}

export interface ProcessedMutation {
  readonly clientId: string;
  readonly id: number;
  readonly status: 'applied' | 'superseded' | 'rejected';
  readonly version?: number;
  readonly error?: MutationErrorBody;
  readonly envelope: MutationEnvelope;
}

export interface FakeSyncServer {
  /** The newest version drawn. */
  version(): number;
  /** Every live row, by key (tombstoned records left out). */
  rows(): Map<RecordKey, SyncRow>;
  /** Every mutation run (not duplicates), in order. */
  processed(): readonly ProcessedMutation[];
  /** The cursors pulls were asked from, in order. */
  pullCursors(): readonly number[];
  push(actor: UserActor, request: PushRequest): PushResponse;
  pull(args: { cursor: number; limit: number; withTotal?: boolean }): PullResponse;
  heads(): HeadsResponse;
  /** A write by someone else (another operator, the citizen side): a new version of the row. */
  write(row: SyncRow): number;
}

export function createFakeSyncServer(options: {
  now: () => number;
  seed: readonly SyncRow[];
  /** Whether a retry is told the original outcome (the real server forgets old ones). */
  rememberOutcomes?: boolean;
}): FakeSyncServer {
  const records = new Map<RecordKey, Stored>();
  const lastMutationIds = new Map<string, { userId: string; last: number }>();
  const processed: ProcessedMutation[] = [];
  const pullCursors: number[] = [];
  const calendar = createSlaCalendar(indonesianHolidays);
  let version = 0;

  function put(row: SyncRow, writers: FieldWriters): number {
    version += 1;
    const stamped = stamp(row, version);
    records.set(recordKey(row.entity, row.id), {
      row: stamped,
      entity: row.entity,
      id: row.id,
      version,
      writers,
    });
    return version;
  }

  function tombstone(entity: SyncEntity, id: string): number {
    version += 1;
    records.set(recordKey(entity, id), { row: null, entity, id, version, writers: {} });
    return version;
  }

  for (const row of options.seed) put(row, recordWrite({}, [], version + 1, 'seed'));

  const live = (key: RecordKey): Stored | null => {
    const stored = records.get(key);
    return stored?.row == null ? null : stored;
  };
  const dataOf = <E extends SyncEntity>(entity: E, id: string | null) => {
    if (id === null) return null;
    const row = live(recordKey(entity, id))?.row;
    return row?.entity === entity ? (row.data as Extract<SyncRow, { entity: E }>['data']) : null;
  };
  function reference() {
    const agencies = new Map<string, Agency>();
    const users = new Map<string, User>();
    const categories = new Map<string, Category>();
    for (const stored of records.values()) {
      const row = stored.row;
      if (row?.entity === 'agency') agencies.set(row.id, row.data);
      if (row?.entity === 'user') users.set(row.id, row.data);
      if (row?.entity === 'category') categories.set(row.id, row.data);
    }
    return { agencies, users, categories };
  }

  function decide(actor: UserActor, envelope: MutationEnvelope): PushResult {
    const parsed = parseMutation(envelope);
    if (!parsed.ok) {
      return { id: envelope.id, status: 'rejected', error: { ...parsed.error } };
    }
    const mutation = parsed.value;
    const target = mutationTarget(mutation);
    const tracked: TrackedRecord[] = [];
    const track = (entity: TrackedRecord['entity'], id: string | null) => {
      if (id === null) return;
      const stored = live(recordKey(entity, id));
      if (stored !== null)
        tracked.push({ entity, id, version: stored.version, writers: stored.writers });
    };
    track('report', target.reportId);
    track('response', target.responseId);
    track('template', target.templateId);
    const ctx: MutatorContext = {
      actor,
      now: options.now(),
      ...reference(),
      calendar,
      idPrefix: mutationIdPrefix(mutation),
    };
    const state = {
      report: dataOf('report', target.reportId),
      response: dataOf('response', target.responseId),
      note: dataOf('note', target.noteId),
      template: dataOf('template', target.templateId),
      savedView: dataOf('saved_view', target.savedViewId),
    };
    const result = runMutator(state, mutation, ctx);
    const outcome = classifyOutcome({
      clientId: mutation.clientId,
      baseVersion: mutation.baseVersion,
      result,
      records: tracked,
    });
    switch (outcome.status) {
      case 'rejected':
        return { id: mutation.id, status: 'rejected', error: { ...outcome.error } };
      case 'superseded': {
        const current =
          (target.reportId === null ? null : live(recordKey('report', target.reportId))?.row) ??
          (target.templateId === null
            ? null
            : live(recordKey('template', target.templateId))?.row) ??
          null;
        return {
          id: mutation.id,
          status: 'superseded',
          error: { ...outcome.error },
          ...(current === null ? {} : { current }),
        };
      }
      case 'applied': {
        if (!result.ok) throw new Error('applied without a change');
        return { id: mutation.id, status: 'applied', version: write(mutation, result.value) };
      }
    }
  }

  /** Writes an applied change with fresh versions, like push.ts `write`; the last version. */
  function write(mutation: Mutation, change: Change): number {
    const writer = mutation.clientId;
    const fieldsOf = (entity: string, id: string) =>
      change.writes.filter((w) => w.entity === entity && w.id === id).flatMap((w) => w.fields);
    const writersOf = (key: RecordKey) => live(key)?.writers ?? {};
    let last = version;
    const report = change.report;
    if (report !== null) {
      const key = recordKey('report', report.id);
      last = put(
        { entity: 'report', id: report.id, version: 0, data: report },
        recordWrite(writersOf(key), fieldsOf('report', report.id), version + 1, writer),
      );
    }
    for (const data of change.dispositions) {
      last = put({ entity: 'disposition', id: data.id, version: 0, data }, {});
    }
    for (const data of change.notes)
      last = put({ entity: 'note', id: data.id, version: 0, data }, {});
    for (const data of change.responses) {
      const key = recordKey('response', data.id);
      last = put(
        { entity: 'response', id: data.id, version: 0, data },
        recordWrite(writersOf(key), fieldsOf('response', data.id), version + 1, writer),
      );
    }
    for (const data of change.auditEvents) {
      last = put({ entity: 'audit_event', id: data.id, version: 0, data }, {});
    }
    for (const data of change.templates) {
      const key = recordKey('template', data.id);
      last = put(
        { entity: 'template', id: data.id, version: 0, data },
        recordWrite(writersOf(key), fieldsOf('template', data.id), version + 1, writer),
      );
    }
    for (const data of change.deletedTemplates) last = tombstone('template', data.id);
    for (const data of change.savedViews) {
      last = put({ entity: 'saved_view', id: data.id, version: 0, data }, {});
    }
    for (const data of change.deletedSavedViews) last = tombstone('saved_view', data.id);
    return last;
  }

  return {
    version: () => version,
    rows() {
      const rows = new Map<RecordKey, SyncRow>();
      for (const [key, stored] of records) if (stored.row !== null) rows.set(key, stored.row);
      return rows;
    },
    processed: () => processed,
    pullCursors: () => pullCursors,
    push(actor, request) {
      const results: PushResult[] = [];
      let gap: { expected: number } | undefined;
      const client = lastMutationIds.get(request.clientId) ?? { userId: actor.id, last: 0 };
      if (client.userId !== actor.id) throw new Error('client id of another user');
      lastMutationIds.set(request.clientId, client);
      for (const envelope of request.mutations) {
        if (envelope.id <= client.last) {
          // Like the real server: a retry is told the original outcome.
          const first =
            options.rememberOutcomes === false
              ? undefined
              : processed.find((p) => p.clientId === request.clientId && p.id === envelope.id);
          results.push({
            id: envelope.id,
            status: 'duplicate',
            ...(first === undefined
              ? {}
              : {
                  original: {
                    status: first.status,
                    ...(first.version === undefined ? {} : { version: first.version }),
                    ...(first.error === undefined ? {} : { error: first.error }),
                  },
                }),
          });
          continue;
        }
        if (envelope.id > client.last + 1) {
          gap = { expected: client.last + 1 };
          break;
        }
        const result = decide(actor, envelope);
        client.last = envelope.id;
        processed.push({
          clientId: request.clientId,
          id: envelope.id,
          status: result.status as ProcessedMutation['status'],
          envelope,
          ...(result.version === undefined ? {} : { version: result.version }),
          ...(result.error === undefined ? {} : { error: result.error }),
        });
        results.push(result);
      }
      return { lastMutationId: client.last, results, ...(gap === undefined ? {} : { gap }) };
    },
    pull({ cursor, limit, withTotal }) {
      pullCursors.push(cursor);
      const after = [...records.values()]
        .filter((stored) => stored.version > cursor)
        .sort((a, b) => a.version - b.version);
      const page = after.slice(0, limit);
      const rows: PulledChange[] = page.map(
        (stored) =>
          stored.row ?? {
            entity: stored.entity,
            id: stored.id,
            version: stored.version,
            deleted: true,
          },
      );
      return {
        rows,
        cursor: page.at(-1)?.version ?? cursor,
        hasMore: after.length > limit,
        ...(withTotal === true ? { remaining: after.length } : {}),
      };
    },
    heads() {
      const rows: SyncRow[] = [];
      const counts: Record<string, number> = {};
      for (const stored of records.values()) {
        const row = stored.row;
        if (row === null) continue;
        if (row.entity === 'report') {
          counts[row.data.status] = (counts[row.data.status] ?? 0) + 1;
          rows.push(row);
        } else if (['agency', 'user', 'category', 'template', 'saved_view'].includes(row.entity)) {
          rows.push(row);
        }
      }
      return { rows, counts, version };
    },
    write(row) {
      const key = recordKey(row.entity, row.id);
      return put(row, recordWrite(live(key)?.writers ?? {}, [], version + 1, 'someone-else'));
    },
  };
}

/** The row as stored at `version` (the data's own version too, where it has one). */
function stamp(row: SyncRow, version: number): SyncRow {
  const data = row.data as { version?: unknown };
  if (row.entity === 'audit_event' || row.entity === 'user' || row.entity === 'category') {
    return { ...row, version };
  }
  return { ...row, version, data: { ...data, version } } as SyncRow;
}

// ---------------------------------------------------------------------------------------------
// Transport

/**
 * What happens to one request: `deliver` normally; `drop`: lost on the way (the server never sees
 * it); `lose-answer`: processed, the answer lost; `twice`: delivered twice (a retry by a proxy),
 * the second answer returned; `server-error`: a 5xx; `unauthorized`: the session ended.
 */
export type Delivery =
  'deliver' | 'drop' | 'lose-answer' | 'twice' | 'server-error' | 'unauthorized';

export interface FakeTransport extends Transport {
  /** How the next requests go (consumed one per request; then `deliver`). */
  readonly plan: Delivery[];
  /** While true every request fails as offline. */
  offline: boolean;
  readonly log: { kind: 'push' | 'pull' | 'heads'; delivery: Delivery }[];
  /** Mutation ids the server ran whose answer never reached the client (lost or superseded by a duplicate). */
  readonly unanswered: Set<number>;
  /** Delivers a version announcement to the subscriber, if any. */
  announce(version: number): void;
  setLive(connected: boolean): void;
}

export function fakeTransport(
  server: FakeSyncServer,
  actor: UserActor,
  options: { heads?: boolean } = {},
): FakeTransport {
  const plan: Delivery[] = [];
  const log: FakeTransport['log'] = [];
  let subscriber: {
    onAnnouncement: (a: { version: number }) => void;
    onState: (c: boolean) => void;
  } | null = null;

  const failure = (kind: TransportFailure['kind'], status?: number): TransportFailure => ({
    kind,
    message: `fake ${kind}`,
    ...(status === undefined ? {} : { status }),
  });

  // Answers are deep-copied, as they would be by JSON over the wire.
  const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

  function call<T>(kind: 'push' | 'pull' | 'heads', run: () => T): Promise<TransportResult<T>> {
    const delivery: Delivery = transport.offline ? 'drop' : (plan.shift() ?? 'deliver');
    log.push({ kind, delivery });
    const answer = (): TransportResult<T> => {
      switch (delivery) {
        case 'deliver':
          return { ok: true, value: copy(run()) };
        case 'drop':
          return { ok: false, error: failure('offline') };
        case 'lose-answer':
          noteUnanswered(run());
          return { ok: false, error: failure('offline') };
        case 'twice':
          noteUnanswered(run());
          return { ok: true, value: copy(run()) };
        case 'server-error':
          return { ok: false, error: failure('server', 503) };
        case 'unauthorized':
          return { ok: false, error: failure('unauthorized', 401) };
      }
    };
    return Promise.resolve(answer());
  }

  const unanswered = new Set<number>();
  function noteUnanswered(answer: unknown): void {
    const results = (answer as Partial<PushResponse>).results ?? [];
    for (const result of results) if (result.status !== 'duplicate') unanswered.add(result.id);
  }

  const transport: FakeTransport = {
    plan,
    offline: false,
    log,
    unanswered,
    pull: (args) =>
      call('pull', () =>
        server.pull({
          cursor: args.cursor,
          limit: args.limit,
          ...(args.withTotal === undefined ? {} : { withTotal: args.withTotal }),
        }),
      ),
    push: (request) => call('push', () => server.push(actor, copy(request))),
    ...(options.heads === true ? { heads: () => call('heads', () => server.heads()) } : {}),
    subscribe(onAnnouncement, onState) {
      subscriber = { onAnnouncement, onState };
      return () => {
        subscriber = null;
      };
    },
    announce(version) {
      subscriber?.onAnnouncement({ version });
    },
    setLive(connected) {
      subscriber?.onState(connected);
    },
  };
  return transport;
}
