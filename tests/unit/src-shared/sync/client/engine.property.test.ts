// Random interleavings of offline edits on two clients (conflicting ones included), bulk batches
// held back and withdrawn, lost requests, lost answers, duplicate deliveries, restarts and pulls:
// once the network heals and rounds run until quiet, every client shows exactly the server's
// state, nothing the operators did is lost, and nothing they withdrew was ever sent.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMemoryStore,
  type MemoryStore,
} from '../../../../../src-shared/sync/client/memory-store';
import { rebase } from '../../../../../src-shared/sync/client/rebase';
import type { MutationArgs, MutationName } from '../../../../../src-shared/sync/protocol';
import type { Delivery } from '../../../../support/fake-sync-server';
import { effectiveRows, koordinatorA, koordinatorB, world, type Client } from './engine-harness';

type Edit =
  | { op: 'verifyDispose'; report: number; unit: boolean }
  | { op: 'tunda'; report: number }
  | { op: 'resume'; report: number }
  | { op: 'archive'; report: number }
  | { op: 'notAuthority'; report: number }
  | { op: 'redispose'; report: number }
  | { op: 'reopen'; report: number }
  | { op: 'setTags'; report: number; tags: string[] }
  | { op: 'setCategory'; report: number; categoryId: string | null }
  | { op: 'assign'; report: number; assigneeId: string | null }
  | { op: 'note'; report: number }
  | { op: 'templateUpsert'; template: string; name: string }
  | { op: 'templateDelete' };

type Command =
  | { kind: 'edit'; client: number; edit: Edit }
  | { kind: 'sync'; client: number; deliveries: Delivery[] }
  | { kind: 'restart'; client: number }
  | { kind: 'otherWrite'; report: number }
  | { kind: 'resolve'; client: number; choice: 'reapply' | 'discard' }
  /** A bulk action over both reports (one edit each), held back or not. */
  | { kind: 'bulk'; client: number; edits: Edit[]; hold: boolean }
  /** Withdraw one of the client's newest batches (refused when it is no longer held). */
  | { kind: 'withdraw'; client: number; which: number };

const HOLD_MS = 10_000;

const REPORTS = 2;
const report = fc.integer({ min: 1, max: REPORTS });
const client = fc.integer({ min: 0, max: 1 });

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('verifyDispose' as const), report, unit: fc.boolean() }),
  fc.record({ op: fc.constant('tunda' as const), report }),
  fc.record({ op: fc.constant('resume' as const), report }),
  fc.record({ op: fc.constant('archive' as const), report }),
  fc.record({ op: fc.constant('notAuthority' as const), report }),
  fc.record({ op: fc.constant('redispose' as const), report }),
  fc.record({ op: fc.constant('reopen' as const), report }),
  fc.record({
    op: fc.constant('setTags' as const),
    report,
    tags: fc.subarray(['jalan', 'banjir', 'lampu']),
  }),
  fc.record({
    op: fc.constant('setCategory' as const),
    report,
    categoryId: fc.constantFrom('kesehatan', 'jalan', null),
  }),
  fc.record({
    op: fc.constant('assign' as const),
    report,
    assigneeId: fc.constantFrom(koordinatorA.id, koordinatorB.id, null),
  }),
  fc.record({ op: fc.constant('note' as const), report }),
  fc.record({
    op: fc.constant('templateUpsert' as const),
    template: fc.constantFrom('tpl-1', 'tpl-2'),
    name: fc.constantFrom('Salam', 'Tindak lanjut'),
  }),
  fc.record({ op: fc.constant('templateDelete' as const) }),
);

const delivery: fc.Arbitrary<Delivery> = fc.constantFrom(
  'deliver',
  'deliver',
  'drop',
  'lose-answer',
  'twice',
  'server-error',
);

/** Edits a bulk action makes: one kind of change over several reports. */
const bulkEdit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constant('verifyDispose' as const), report, unit: fc.boolean() }),
  fc.record({ op: fc.constant('archive' as const), report }),
  fc.record({
    op: fc.constant('setTags' as const),
    report,
    tags: fc.subarray(['jalan', 'banjir', 'lampu']),
  }),
  fc.record({
    op: fc.constant('assign' as const),
    report,
    assigneeId: fc.constantFrom(koordinatorA.id, koordinatorB.id, null),
  }),
  fc.record({ op: fc.constant('note' as const), report }),
);

function commands(weights: Readonly<Record<Command['kind'], number>>): fc.Arbitrary<Command> {
  return fc.oneof(
    {
      weight: weights.edit,
      arbitrary: fc.record({ kind: fc.constant('edit' as const), client, edit }),
    },
    {
      weight: weights.sync,
      arbitrary: fc.record({
        kind: fc.constant('sync' as const),
        client,
        deliveries: fc.array(delivery, { maxLength: 4 }),
      }),
    },
    {
      weight: weights.restart,
      arbitrary: fc.record({ kind: fc.constant('restart' as const), client }),
    },
    {
      weight: weights.otherWrite,
      arbitrary: fc.record({ kind: fc.constant('otherWrite' as const), report }),
    },
    {
      weight: weights.resolve,
      arbitrary: fc.record({
        kind: fc.constant('resolve' as const),
        client,
        choice: fc.constantFrom('reapply' as const, 'discard' as const),
      }),
    },
    {
      weight: weights.bulk,
      arbitrary: fc.record({
        kind: fc.constant('bulk' as const),
        client,
        // One edit per report, all of one kind.
        edits: fc
          .tuple(bulkEdit, fc.integer({ min: 1, max: REPORTS }))
          .map(([e, count]) => Array.from({ length: count }, (_, i) => ({ ...e, report: i + 1 }))),
        hold: fc.boolean(),
      }),
    },
    {
      weight: weights.withdraw,
      arbitrary: fc.record({ kind: fc.constant('withdraw' as const), client, which: fc.nat(2) }),
    },
  );
}

const command = commands({
  edit: 6,
  sync: 3,
  restart: 1,
  otherWrite: 1,
  resolve: 1,
  bulk: 1,
  withdraw: 1,
});
/** Mostly bulk actions and withdrawals, so holds and renumbering meet every network mishap. */
const batchCommand = commands({
  edit: 2,
  sync: 2,
  restart: 1,
  otherWrite: 1,
  resolve: 1,
  bulk: 4,
  withdraw: 4,
});

function mutationOf(e: Edit, noteId: () => string): { name: MutationName; args: MutationArgs } {
  const reportId = 'report' in e ? `r-${String(e.report)}` : '';
  switch (e.op) {
    case 'verifyDispose':
      return {
        name: 'report.verifyDispose',
        args: e.unit
          ? { reportId, targetAgencyId: 'dinkes', targetUnitId: 'dinkes-yankes' }
          : { reportId, targetAgencyId: 'disdik' },
      };
    case 'tunda':
      return { name: 'report.tunda', args: { reportId, messageToReporter: 'Lengkapi lokasi' } };
    case 'resume':
      return { name: 'report.resume', args: { reportId } };
    case 'archive':
      return { name: 'report.archive', args: { reportId, reason: 'too_general' } };
    case 'notAuthority':
      return { name: 'report.notAuthority', args: { reportId, reason: 'Bukan wewenang kami' } };
    case 'redispose':
      return { name: 'report.redispose', args: { reportId, targetAgencyId: 'dinkes' } };
    case 'reopen':
      return { name: 'report.reopen', args: { reportId, reason: 'Belum selesai' } };
    case 'setTags':
      return { name: 'report.setTags', args: { reportId, tags: e.tags } };
    case 'setCategory':
      return { name: 'report.setCategory', args: { reportId, categoryId: e.categoryId } };
    case 'assign':
      return { name: 'report.assign', args: { reportId, assigneeId: e.assigneeId } };
    case 'note':
      return { name: 'note.add', args: { reportId, noteId: noteId(), body: 'Cek lapangan' } };
    case 'templateUpsert':
      return {
        name: 'template.upsert',
        args: {
          templateId: e.template,
          scope: 'agency',
          kind: 'tindak_lanjut',
          name: e.name,
          body: 'Yth. {{nama}}',
        },
      };
    case 'templateDelete':
      return { name: 'template.delete', args: { templateId: 'tpl-1' } };
  }
}

/**
 * The invariant behind rebase: a client's local layers are exactly its server layer with its
 * outbox replayed in id order (recomputed here on a fresh store).
 */
async function expectRebased(c: Client): Promise<void> {
  const fresh = createMemoryStore(c.store.meta().clientId);
  const records = [...c.store.records()];
  const serverRows = records.flatMap(([, record]) =>
    record.server === null ? [] : [record.server],
  );
  await fresh.transact(async (tx) => {
    await tx.applyServerChanges(serverRows);
    await tx.putOutbox(c.store.outbox());
    await rebase(tx, { actor: c.actor, reference: c.engine.reference() });
  });
  const localOf = (store: MemoryStore) =>
    new Map(
      [...store.records()].flatMap(([key, record]) =>
        record.local === undefined ? [] : [[key, record.local] as const],
      ),
    );
  expect(localOf(c.store)).toEqual(localOf(fresh));
}

async function run(commands: readonly Command[]): Promise<void> {
  const w = world();
  const clients: Client[] = [
    w.client(koordinatorA, { pushBatchSize: 3, pageSize: 2 }),
    w.client(koordinatorB, { pushBatchSize: 3, pageSize: 2 }),
  ];
  for (const c of clients) await c.engine.syncOnce();
  /** Review items the operator resolved, by client. */
  const resolved = clients.map(() => new Set<string>());
  let notes = 0;
  const noteId = () => `n-${String(++notes)}`;
  let batches = 0;
  const withdrawn = new Set<string>();

  for (const cmd of commands) {
    w.clock.advance(1_000);
    switch (cmd.kind) {
      case 'edit': {
        const { name, args } = mutationOf(cmd.edit, noteId);
        const c = clients[cmd.client]!;
        await c.engine.mutateMany([{ name, args }]);
        break;
      }
      case 'sync': {
        const c = clients[cmd.client]!;
        c.transport.plan.push(...cmd.deliveries);
        await c.engine.syncOnce();
        c.transport.plan.length = 0;
        break;
      }
      case 'restart':
        await clients[cmd.client]!.restart().init();
        break;
      case 'otherWrite': {
        // Someone else (another operator elsewhere) edits the report's title.
        const row = w.server.rows().get(`report:r-${String(cmd.report)}`);
        if (row?.entity === 'report') {
          w.server.write({ ...row, data: { ...row.data, title: `${row.data.title}*` } });
        }
        break;
      }
      case 'resolve': {
        const c = clients[cmd.client]!;
        const [item] = await c.engine.reviewItems();
        if (item !== undefined) {
          const result = await c.engine.resolveReview(item.id, cmd.choice);
          if (result.ok) resolved[cmd.client]!.add(item.id);
        }
        break;
      }
      case 'bulk': {
        const c = clients[cmd.client]!;
        const batchId = `b-${String(++batches)}`;
        const items = cmd.edits.map((e) => {
          const { name, args } = mutationOf(e, noteId);
          const withBatch: MutationArgs = { ...args, batchId };
          return { name, args: withBatch };
        });
        await c.engine.mutateMany(items, {
          holdMs: cmd.hold ? HOLD_MS : 0,
          batch: {
            id: batchId,
            action: { kind: 'add_note', body: 'property' },
            items: items.map((item) => ({
              reportId: 'reportId' in item.args ? item.args.reportId : '',
              trackingId: '',
              name: item.name,
              before: {
                status: 'unverified',
                agencyId: 'kota-bandung',
                unitId: null,
                assigneeId: null,
                categoryId: null,
                tags: [],
                rahasia: false,
                anonim: false,
              },
            })),
            skipped: [],
            compensates: null,
          },
        });
        break;
      }
      case 'withdraw': {
        const c = clients[cmd.client]!;
        const recent = await c.engine.listBatches(3);
        const chosen = recent[cmd.which % Math.max(1, recent.length)];
        if (chosen !== undefined) {
          const result = await c.engine.withdrawBatch(chosen.id);
          if (result.ok) withdrawn.add(chosen.id);
        }
        break;
      }
    }
    for (const c of clients) await expectRebased(c);
  }

  // The network heals and every hold ends: rounds until nothing changes any more.
  w.clock.advance(HOLD_MS);
  for (let pass = 0; pass < 10; pass++) {
    const before = w.server.version();
    for (const c of clients) await c.engine.syncOnce();
    if (w.server.version() === before && clients.every((c) => c.store.outbox().length === 0)) {
      break;
    }
  }
  for (const c of clients) await c.engine.syncOnce();

  const serverRows = w.server.rows();
  const processed = w.server.processed();
  // Nothing of a withdrawn batch ever reached the server.
  for (const p of processed) {
    const args = p.envelope.args;
    const batchId =
      typeof args === 'object' && args !== null && 'batchId' in args ? args.batchId : null;
    expect(typeof batchId === 'string' && withdrawn.has(batchId)).toBe(false);
  }
  const seen = new Set<string>();
  for (const p of processed) {
    const key = `${p.clientId}:${String(p.id)}`;
    expect(seen.has(key), `${key} processed twice`).toBe(false);
    seen.add(key);
  }
  for (const [i, c] of clients.entries()) {
    expect(c.engine.status().lastError).toBeNull();
    expect(c.store.outbox()).toEqual([]);
    expect(effectiveRows(c.store)).toEqual(serverRows);
    for (const record of c.store.records().values()) expect(record.local).toBeUndefined();

    const clientId = c.store.meta().clientId;
    const review = new Set((await c.engine.reviewItems()).map((item) => item.id));
    const outcomes = new Map(
      processed.filter((p) => p.clientId === clientId).map((p) => [p.id, p]),
    );
    for (let id = 1; id <= c.store.meta().lastMutationId; id++) {
      const key = `${clientId}:${String(id)}`;
      const outcome = outcomes.get(id);
      // Every mutation made reached the server exactly once.
      expect(outcome, `${key} never reached the server`).toBeDefined();
      if (outcome === undefined || outcome.status === 'applied') {
        expect(review.has(key)).toBe(false);
        continue;
      }
      // Not applied: kept for the operator, even when its answer was lost (a retry is told the
      // original outcome).
      expect(review.has(key) || resolved[i]!.has(key), `${key} (${outcome.status}) lost`).toBe(
        true,
      );
    }
  }
}

describe('sync engine: convergence', () => {
  it('converges to the server state and loses nothing, whatever the network does', async () => {
    await fc.assert(fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 40 }), run), {
      numRuns: 100,
    });
  });

  it('converges with bulk batches held, withdrawn and renumbered, and sends nothing withdrawn', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(batchCommand, { minLength: 1, maxLength: 40, size: 'medium' }),
        run,
      ),
      { numRuns: 60 },
    );
  });

  it('converges in a scripted conflict with lost answers and a restart', async () => {
    await run([
      { kind: 'edit', client: 0, edit: { op: 'verifyDispose', report: 1, unit: true } },
      { kind: 'edit', client: 1, edit: { op: 'archive', report: 1 } },
      { kind: 'edit', client: 0, edit: { op: 'note', report: 1 } },
      { kind: 'sync', client: 1, deliveries: ['lose-answer'] },
      { kind: 'restart', client: 1 },
      { kind: 'sync', client: 0, deliveries: ['twice', 'drop'] },
      { kind: 'edit', client: 1, edit: { op: 'setTags', report: 2, tags: ['banjir'] } },
      { kind: 'edit', client: 0, edit: { op: 'setTags', report: 2, tags: ['jalan'] } },
      { kind: 'sync', client: 0, deliveries: [] },
      { kind: 'resolve', client: 1, choice: 'reapply' },
    ]);
  });
});
