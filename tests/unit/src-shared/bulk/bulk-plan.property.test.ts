import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkActionKinds, type BulkAction } from '../../../../src-shared/bulk/bulk-action';
import { planBulk, reportBefore } from '../../../../src-shared/bulk/bulk-plan';
import type { Actor } from '../../../../src-shared/domain/actor';
import { archiveReasons } from '../../../../src-shared/domain/archive-reason';
import type { Report } from '../../../../src-shared/domain/report';
import { reportStatuses } from '../../../../src-shared/domain/report-status';
import { emptyMutatorState, runMutator } from '../../../../src-shared/sync/mutators';
import {
  adminBandung,
  adminDinkes,
  ctxFor,
  idSource,
  operatorYankes,
  reportIn,
  user,
} from './bulk-fixtures';

const tagPool = ['jalan', 'banjir', 'Sekolah', 'JALAN '];

/** Report `r-<n>` in any status, near (Bandung) or far (Jayapura) from the actors. */
const reportArb = (n: number): fc.Arbitrary<Report> =>
  fc
    .record({
      // Most bulk actions start from unverified: weighted so each kind gets planned in a run.
      status: fc.oneof(
        { arbitrary: fc.constant('unverified' as const), weight: 2 },
        { arbitrary: fc.constantFrom(...reportStatuses), weight: 3 },
      ),
      far: fc.boolean(),
      tags: fc.subarray(['jalan', 'banjir', 'sekolah']),
      categoryId: fc.constantFrom(null, 'kesehatan'),
      rahasia: fc.boolean(),
      anonim: fc.boolean(),
      assigneeId: fc.constantFrom(null, 'op-yankes'),
    })
    .map(({ status, far, anonim, rahasia, ...fields }) =>
      reportIn(status, n, {
        ...fields,
        privacy: { rahasia, anonim },
        ...(anonim ? { reporter: null } : {}),
        ...(far ? { agencyId: 'dinkes-jayapura', unitId: null, timeZone: 'WIT' as const } : {}),
      }),
    );

const actionArb: fc.Arbitrary<BulkAction> = fc.oneof(
  fc.constantFrom<BulkAction>(
    { kind: 'dispose', targetAgencyId: 'disdik', targetUnitId: 'disdik-sd' },
    { kind: 'dispose', targetAgencyId: 'dinkes', note: 'Segera' },
    { kind: 'not_authority', reason: 'Urusan Dinas PU' },
    { kind: 'not_authority', reason: ' ' },
  ),
  fc
    .constantFrom(null, 'op-yankes', 'admin-dinkes', 'nobody')
    .map((assigneeId): BulkAction => ({ kind: 'assign', assigneeId })),
  fc
    .constantFrom('', 'Mohon lengkapi alamat')
    .map((messageToReporter): BulkAction => ({ kind: 'tunda', messageToReporter })),
  fc
    .constantFrom(...archiveReasons)
    .map((reason): BulkAction => ({ kind: 'archive', reason, duplicateOf: '1916001' })),
  fc
    .integer({ min: 1, max: 8 })
    .map((n): BulkAction => ({ kind: 'merge', keepReportId: `r-${String(n)}` })),
  // Merges that can go through: the kept report among the six stored ones.
  fc
    .integer({ min: 1, max: 6 })
    .map((n): BulkAction => ({ kind: 'merge', keepReportId: `r-${String(n)}` })),
  fc
    .constantFrom(null, 'kesehatan', 'lama')
    .map((categoryId): BulkAction => ({ kind: 'set_category', categoryId })),
  fc
    .record({ add: fc.subarray(tagPool), remove: fc.subarray(tagPool) })
    .map(({ add, remove }): BulkAction => ({ kind: 'set_tags', add, remove })),
  fc
    .record({ rahasia: fc.boolean(), anonim: fc.boolean() })
    .map(({ rahasia, anonim }): BulkAction => ({ kind: 'set_privacy', rahasia, anonim })),
  fc.constantFrom(' ', 'Sudah dicek').map((body): BulkAction => ({ kind: 'add_note', body })),
);

const actorArb: fc.Arbitrary<Actor> = fc.constantFrom(
  adminBandung,
  adminDinkes,
  operatorYankes,
  user('admin_koordinator', 'prov-jabar', 'koor-jabar'),
  user('pimpinan', 'dinkes', 'kepala'),
);

/** Six stored reports; ids r-7 and r-8 are selectable but missing from the local copy. */
const storeArb = fc.tuple(...[1, 2, 3, 4, 5, 6].map(reportArb));
const selectionArb = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 16 });

describe('planBulk (property)', () => {
  it('puts every selected report in exactly one of items and skipped, and every item passes its mutator', () => {
    const kindsPlanned = new Set<string>();
    fc.assert(
      fc.property(storeArb, selectionArb, actionArb, actorArb, (stored, picks, action, actor) => {
        const byId = new Map(stored.map((r) => [r.id, r]));
        const selection = picks.map((n) => {
          const id = `r-${String(n)}`;
          return { id, report: byId.get(id) ?? null };
        });
        const plan = planBulk(
          { action, batchId: 'batch-1', reports: selection },
          ctxFor(actor),
          idSource(),
        );

        const distinct = [...new Set(selection.map((s) => s.id))];
        const planned = plan.batchItems.map((item) => item.reportId);
        const skipped = plan.skipped.map((skip) => skip.reportId);
        expect([...planned, ...skipped].sort()).toEqual([...distinct].sort());
        // Selection order within each list.
        const order = (ids: string[]) => ids.map((id) => distinct.indexOf(id));
        expect(order(planned)).toEqual([...order(planned)].sort((a, b) => a - b));
        expect(order(skipped)).toEqual([...order(skipped)].sort((a, b) => a - b));

        expect(plan.items).toHaveLength(plan.batchItems.length);
        if (plan.items.length > 0) kindsPlanned.add(action.kind);
        plan.items.forEach((item, i) => {
          const batchItem = plan.batchItems[i];
          const report = byId.get(item.args.reportId) ?? null;
          expect(item.args.reportId).toBe(batchItem?.reportId);
          expect(item.name).toBe(batchItem?.name);
          expect(item.args.batchId).toBe('batch-1');
          expect(report).not.toBeNull();
          if (report === null) return;
          expect(batchItem?.before).toEqual(reportBefore(report));
          const result = runMutator(
            { ...emptyMutatorState, report },
            item,
            ctxFor(actor, { idPrefix: `check:${String(i)}` }),
          );
          expect(result.ok).toBe(true);
        });
        for (const skip of plan.skipped) {
          expect(skip.message).not.toBe('');
          expect(skip.trackingId).toBe(byId.get(skip.reportId)?.trackingId ?? '');
        }
        const noteIds = plan.items.flatMap((m) => (m.name === 'note.add' ? [m.args.noteId] : []));
        expect(new Set(noteIds).size).toBe(noteIds.length);
      }),
      { numRuns: 500 },
    );
    // The runs are not all skips: every kind of action got planned somewhere. Replies and
    // approvals read more than the report; bulk-plan.reply.property.test.ts covers them.
    const readingMore: readonly string[] = ['reply', 'approve_responses'];
    expect([...kindsPlanned].sort()).toEqual(
      bulkActionKinds.filter((kind) => !readingMore.includes(kind)).sort(),
    );
  });
});
