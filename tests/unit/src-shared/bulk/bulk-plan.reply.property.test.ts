import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BulkAction } from '../../../../src-shared/bulk/bulk-action';
import { planBulk, reportBefore, type ReplyRendering } from '../../../../src-shared/bulk/bulk-plan';
import type { Actor } from '../../../../src-shared/domain/actor';
import { EntityIdSchema } from '../../../../src-shared/domain/entity-id';
import type { Report } from '../../../../src-shared/domain/report';
import type { ReportResponse } from '../../../../src-shared/domain/response';
import { unfilledPlaceholders } from '../../../../src-shared/domain/templating/unfilled';
import { emptyMutatorState, runMutator } from '../../../../src-shared/sync/mutators';
import { response } from '../sync/sync-fixtures';
import {
  adminBandung,
  adminDinkes,
  ctxFor,
  idSource,
  operatorYankes,
  reportIn,
  user,
} from './bulk-fixtures';

/** How a report's rendering goes (the worker's renderer, reduced to its outcomes). */
type Outcome = 'ok' | 'braces' | 'blank' | 'missing' | 'error';

interface Stored {
  readonly report: Report;
  readonly outcome: Outcome;
  readonly responses: readonly ReportResponse[];
}

/** Report `r-<n>`, mostly in progress, with how its reply renders and its responses. */
const storedArb = (n: number): fc.Arbitrary<Stored> =>
  fc
    .record({
      status: fc.oneof(
        { arbitrary: fc.constant('in_progress' as const), weight: 4 },
        { arbitrary: fc.constantFrom('unverified' as const, 'responded' as const), weight: 1 },
      ),
      // Some reports of another province, where these actors answer nothing.
      far: fc.boolean().map((b) => b && n % 3 === 0),
      outcome: fc.constantFrom<Outcome>('ok', 'ok', 'ok', 'braces', 'blank', 'missing', 'error'),
      responseStates: fc.subarray(['draft', 'submitted', 'published'] as const),
    })
    .map(({ status, far, outcome, responseStates }) => {
      const id = `r-${String(n)}`;
      return {
        report: reportIn(status, n, {
          ...(far ? { agencyId: 'dinkes-jayapura', unitId: null, timeZone: 'WIT' as const } : {}),
        }),
        outcome,
        responses: responseStates.map((state) =>
          response(state, { id: `resp-${String(n)}-${state}`, reportId: id }),
        ),
      };
    });

/** The rendering of one report: filled text, a citizen's braces left in, or a failure. */
function renderingOf(stored: Stored): ReplyRendering {
  const { report, outcome } = stored;
  switch (outcome) {
    case 'ok':
      return { ok: true, text: `Laporan ${report.trackingId} sedang kami tindak lanjuti.` };
    case 'braces':
      return { ok: true, text: `Perihal "{{pelapor.nama}}" di laporan ${report.trackingId}.` };
    case 'blank':
      return { ok: true, text: '  \n' };
    case 'missing':
      return { ok: false, missing: ['pelapor.nama', 'laporan.kategori', 'pelapor.nama'] };
    case 'error':
      return { ok: false, error: 'Line 1, column 1: There is no snippet named "x"' };
  }
}

const actionArb: fc.Arbitrary<BulkAction> = fc.oneof(
  fc.boolean().map((publish): BulkAction => ({
    kind: 'reply',
    templateId: 'tpl-1',
    templateName: 'Tindak lanjut',
    body: 'Laporan {{laporan.nomor}} sedang kami tindak lanjuti.',
    publish,
  })),
  fc.constant<BulkAction>({ kind: 'approve_responses' }),
);

const liaisonDinkes = user('pejabat_penghubung', 'dinkes', 'penghubung-dinkes');
const actorArb: fc.Arbitrary<Actor> = fc.constantFrom(
  operatorYankes,
  adminDinkes,
  adminBandung,
  liaisonDinkes,
  liaisonDinkes,
  user('pimpinan', 'dinkes', 'kepala'),
);

/** Six stored reports; ids r-7 and r-8 are selectable but missing from the local copy. */
const storeArb = fc.tuple(...[1, 2, 3, 4, 5, 6].map(storedArb));
const selectionArb = fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 12 });

describe('planBulk: replies and approvals (property)', () => {
  it('plans or skips every selected report, never both, and never plans a reply with a hole', () => {
    const kindsPlanned = new Set<string>();
    fc.assert(
      fc.property(storeArb, selectionArb, actionArb, actorArb, (stored, picks, action, actor) => {
        const byId = new Map(stored.map((s) => [s.report.id, s]));
        const selection = picks.map((n) => {
          const id = `r-${String(n)}`;
          return { id, report: byId.get(id)?.report ?? null };
        });
        const plan = planBulk(
          {
            action,
            batchId: 'batch-1',
            reports: selection,
            renderReply: (report) => {
              const found = byId.get(report.id);
              if (found === undefined) throw new Error(`rendered ${report.id}, not stored`);
              return renderingOf(found);
            },
            responsesOf: (id) => byId.get(id)?.responses ?? [],
          },
          ctxFor(actor),
          idSource(),
        );

        // Exactly one of planned and skipped for each distinct selected report, in order.
        const distinct = [...new Set(selection.map((s) => s.id))];
        const planned = plan.batchItems.map((item) => item.reportId);
        const skipped = plan.skipped.map((skip) => skip.reportId);
        expect([...planned, ...skipped].sort()).toEqual([...distinct].sort());
        expect(new Set([...planned, ...skipped]).size).toBe(distinct.length);
        const order = (ids: string[]) => ids.map((id) => distinct.indexOf(id));
        expect(order(planned)).toEqual([...order(planned)].sort((a, b) => a - b));
        expect(order(skipped)).toEqual([...order(skipped)].sort((a, b) => a - b));

        expect(plan.items).toHaveLength(plan.batchItems.length);
        if (plan.items.length > 0) kindsPlanned.add(action.kind);
        const responseIds: string[] = [];
        plan.items.forEach((item, i) => {
          const entry = byId.get(item.args.reportId);
          expect(entry).toBeDefined();
          if (entry === undefined) return;
          expect(item.args.reportId).toBe(plan.batchItems[i]?.reportId);
          expect(item.args.batchId).toBe('batch-1');
          expect(plan.batchItems[i]?.before).toEqual(reportBefore(entry.report));
          let found: ReportResponse | null = null;
          switch (item.name) {
            case 'response.send':
              expect(action.kind).toBe('reply');
              // Nothing with a hole in it is ever sent, and the text is the rendering's own.
              expect(unfilledPlaceholders(item.args.body)).toEqual([]);
              expect(entry.outcome).toBe('ok');
              expect(EntityIdSchema.safeParse(item.args.responseId).success).toBe(true);
              responseIds.push(item.args.responseId);
              break;
            case 'response.approve':
              expect(action.kind).toBe('approve_responses');
              expect(item.args.publish).toBe(true);
              found = entry.responses.find((r) => r.id === item.args.responseId) ?? null;
              expect(found?.state).toBe('submitted');
              break;
            default:
              throw new Error(`unexpected ${item.name}`);
          }
          const result = runMutator(
            { ...emptyMutatorState, report: entry.report, response: found },
            item,
            ctxFor(actor, { idPrefix: `check:${String(i)}` }),
          );
          expect(result.ok).toBe(true);
        });
        expect(new Set(responseIds).size).toBe(responseIds.length);

        for (const skip of plan.skipped) {
          expect(skip.message).not.toBe('');
          expect(skip.trackingId).toBe(byId.get(skip.reportId)?.report.trackingId ?? '');
          // Held back only with the variables to fill, once each.
          if (skip.reasonKey === 'bulk.missing_values') {
            expect(skip.variables).toEqual(['pelapor.nama', 'laporan.kategori']);
          } else {
            expect(skip.variables).toBeUndefined();
          }
        }
      }),
      { numRuns: 400 },
    );
    expect([...kindsPlanned].sort()).toEqual(['approve_responses', 'reply']);
  });
});
