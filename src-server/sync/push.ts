// Push (docs/server-design.md, "Sync semantics"): each mutation in order, up to PUSH_CHUNK of them
// per transaction — the client's row locked, duplicates answered without running again, gaps
// refused, the rest decided and written set-based (push-chunk.ts), and the client's last mutation
// id and the outcomes recorded.
import { assertNever } from '../../src-shared/domain/assert-never';
import type { MutationEnvelope, PushResponse, PushResult } from '../../src-shared/sync/protocol';
import type { Db, Queryable } from '../db/db';
import type { UserRow } from '../directory/users';
import { forbidden } from '../http/errors';
import type { Announcement } from './announcer';
import { decideChunk } from './push-chunk';
import { loadReference, type Reference } from './reference';
import { callerScope, type CallerScope } from './scope';

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
      // One transaction per chunk: each mutation is still decided on its own, in order, against
      // what the ones before it left, but the chunk reads, writes and commits together (a
      // deadlock retry reruns the whole chunk, which rolled back completely).
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

/** What each mutation of a chunk comes to, known from the ids alone before anything runs. */
type Step =
  | { readonly kind: 'duplicate'; readonly id: number }
  | { readonly kind: 'run'; readonly envelope: MutationEnvelope }
  | { readonly kind: 'gap'; readonly expected: number };

/**
 * One transaction's mutations, in order. The client's row is locked once; each mutation is
 * placed against the last id processed before it (so a duplicate or gap inside the chunk is seen:
 * every mutation run advances the last id, whatever its outcome); the ones to run are decided and
 * written together; the new last id and the outcomes are written once, before the commit.
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

  const steps: Step[] = [];
  let last = client.last_mutation_id;
  for (const envelope of chunk) {
    if (envelope.clientId !== clientId) throw new Error('a push mixes client ids');
    if (envelope.id <= last) {
      steps.push({ kind: 'duplicate', id: envelope.id });
      continue;
    }
    if (envelope.id > last + 1) {
      steps.push({ kind: 'gap', expected: last + 1 });
      break;
    }
    steps.push({ kind: 'run', envelope });
    last = envelope.id;
  }

  // Outcomes of this chunk are stored only at its end, so a duplicate of a mutation run earlier in
  // the chunk finds none, as it would have mutation by mutation.
  const originals = await originalOutcomes(
    tx,
    clientId,
    steps.flatMap((step) => (step.kind === 'duplicate' ? [step.id] : [])),
  );
  const decided = await decideChunk(
    tx,
    { user: caller.user, scope, reference, simulation: deps.simulation, now },
    steps.flatMap((step) => (step.kind === 'run' ? [step.envelope] : [])),
  );
  const done: Processed[] = [];
  const outcomes: { id: number; result: PushResult }[] = [];
  let next = 0;
  for (const step of steps) {
    switch (step.kind) {
      case 'duplicate':
        done.push({ kind: 'result', result: duplicateOf(step.id, originals.get(step.id)) });
        break;
      case 'gap':
        done.push({ kind: 'gap', expected: step.expected });
        break;
      case 'run': {
        const one = decided[next++];
        if (one === undefined) throw new Error('a mutation was left undecided');
        done.push({
          kind: 'result',
          result: one.result,
          ...(one.touched === undefined ? {} : { touched: one.touched }),
        });
        outcomes.push({ id: step.envelope.id, result: one.result });
        break;
      }
      default:
        assertNever(step, 'push step');
    }
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

/** The remembered outcomes of the given mutations of a client, by mutation id. */
async function originalOutcomes(
  tx: Queryable,
  clientId: string,
  ids: readonly number[],
): Promise<Map<number, OutcomeRow>> {
  const originals = new Map<number, OutcomeRow>();
  if (ids.length === 0) return originals;
  const { rows } = await tx.query<OutcomeRow & { mutation_id: number }>(
    `SELECT mutation_id, status, version, error FROM mutation_outcomes
      WHERE client_id = $1 AND mutation_id = ANY($2::bigint[])`,
    [clientId, ids],
  );
  for (const row of rows) originals.set(row.mutation_id, row);
  return originals;
}

/** A retry of a processed mutation: `duplicate`, with the original outcome when remembered. */
function duplicateOf(id: number, row: OutcomeRow | undefined): PushResult {
  if (row === undefined) return { id, status: 'duplicate' };
  return {
    id,
    status: 'duplicate',
    original: {
      status: row.status,
      ...(row.version === null ? {} : { version: row.version }),
      ...(row.error === null ? {} : { error: row.error }),
    },
  };
}
