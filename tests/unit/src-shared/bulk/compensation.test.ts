import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BatchOutcome, BulkAction } from '../../../../src-shared/bulk/bulk-action';
import { planBulk, reportBefore, type BulkPlan } from '../../../../src-shared/bulk/bulk-plan';
import { COMPENSATION_REASON, planCompensation } from '../../../../src-shared/bulk/compensation';
import type { Report } from '../../../../src-shared/domain/report';
import {
  adminBandung,
  allAnswered,
  applyPlan,
  batchOf,
  byId,
  ctxFor,
  idSource,
  reportIn,
  selection,
  trackingOf,
} from './bulk-fixtures';

const ctx = ctxFor(adminBandung);

function planFor(action: BulkAction, reports: readonly Report[]): BulkPlan {
  return planBulk(
    { action, batchId: 'batch-1', reports: selection(reports) },
    ctx,
    idSource('note'),
  );
}

/**
 * Runs the batch, then its undo, as the engine would: the reports after the undo, the undo plan.
 * `outcomes` are the server's answers (superseded and rejected items did not change the report).
 */
function runAndUndo(
  action: BulkAction,
  reports: readonly Report[],
  outcomes?: (plan: BulkPlan) => Record<string, BatchOutcome>,
) {
  const plan = planFor(action, reports);
  const answers = outcomes?.(plan) ?? allAnswered(plan, 'applied');
  const changed = plan.items.filter((item) => {
    const outcome = answers[item.args.reportId];
    return outcome === undefined || outcome === 'applied';
  });
  const afterBatch = applyPlan(changed, byId(reports));
  const undo = planCompensation(
    batchOf(action, plan, answers),
    afterBatch,
    ctx,
    'batch-undo',
    idSource('undo'),
  );
  const afterUndo = applyPlan(undo.items, afterBatch);
  return { plan, afterBatch, undo, afterUndo };
}

const beforeOf = (reports: ReadonlyMap<string, Report>, id: string) => {
  const report = reports.get(id);
  if (report === undefined) throw new Error(`no report ${id}`);
  return reportBefore(report);
};

describe('planCompensation: reversible actions', () => {
  const cases: { name: string; action: BulkAction; reports: Report[] }[] = [
    {
      name: 'resumes postponed reports',
      action: { kind: 'tunda', messageToReporter: 'Lengkapi alamat' },
      reports: [reportIn('unverified', 1), reportIn('unverified', 2)],
    },
    {
      name: 'reopens reports archived from verification',
      action: { kind: 'archive', reason: 'too_general' },
      reports: [reportIn('unverified', 1)],
    },
    {
      name: 'disposes re-disposed reports back to their agency and unit',
      action: { kind: 'dispose', targetAgencyId: 'disdik', targetUnitId: 'disdik-sd' },
      reports: [reportIn('disposed', 1), reportIn('disposed', 2, { unitId: null })],
    },
    {
      name: 'assigns the previous assignee back',
      action: { kind: 'assign', assigneeId: null },
      reports: [reportIn('disposed', 1, { assigneeId: 'op-yankes' })],
    },
    {
      name: 'sets the previous category back',
      action: { kind: 'set_category', categoryId: 'kesehatan' },
      reports: [reportIn('unverified', 1)],
    },
    {
      name: 'sets the previous tags back',
      action: { kind: 'set_tags', add: ['banjir'], remove: ['jalan'] },
      reports: [reportIn('unverified', 1, { tags: ['jalan', 'sekolah'] })],
    },
    {
      name: 'makes confidential reports public again',
      action: { kind: 'set_privacy', rahasia: true, anonim: false },
      reports: [reportIn('unverified', 1)],
    },
  ];

  for (const { name, action, reports } of cases) {
    it(`${name}, restoring every field the batch changed`, () => {
      const { plan, afterBatch, undo, afterUndo } = runAndUndo(action, reports);
      expect(plan.items).toHaveLength(reports.length);
      expect(undo.irreversible).toEqual([]);
      expect(undo.items).toHaveLength(reports.length);
      for (const item of plan.batchItems) {
        expect(beforeOf(afterBatch, item.reportId)).not.toEqual(item.before);
        expect(beforeOf(afterUndo, item.reportId)).toEqual(item.before);
      }
      for (const mutation of undo.items) expect(mutation.args.batchId).toBe('batch-undo');
      // The undo batch records the reports as the batch left them, so it could be undone too.
      expect(undo.batchItems.map((i) => i.before)).toEqual(
        plan.batchItems.map((i) => beforeOf(afterBatch, i.reportId)),
      );
    });
  }

  it('reopens with the compensation reason', () => {
    const { undo } = runAndUndo({ kind: 'archive', reason: 'too_general' }, [
      reportIn('unverified', 1),
    ]);
    expect(undo.items).toEqual([
      {
        name: 'report.reopen',
        args: { reportId: 'r-1', reason: COMPENSATION_REASON, batchId: 'batch-undo' },
      },
    ]);
  });

  it('undoes items the server has not answered yet, and ignores superseded and rejected ones', () => {
    const reports = [1, 2, 3, 4].map((n) => reportIn('unverified', n));
    const { undo, afterUndo } = runAndUndo(
      { kind: 'tunda', messageToReporter: 'Lengkapi alamat' },
      reports,
      () => ({ 'r-1': 'applied', 'r-3': 'superseded', 'r-4': 'rejected' }),
    );
    expect(undo.items.map((m) => [m.name, m.args.reportId])).toEqual([
      ['report.resume', 'r-1'],
      ['report.resume', 'r-2'],
    ]);
    expect(undo.irreversible).toEqual([]);
    for (const id of ['r-1', 'r-2', 'r-3', 'r-4']) {
      expect(afterUndo.get(id)?.status).toBe('unverified');
    }
  });
});

describe('planCompensation: what cannot be undone', () => {
  it('lists verifications, returns upward and notes as irreversible, with why', () => {
    const cases: [BulkAction, Report, RegExp][] = [
      [
        { kind: 'dispose', targetAgencyId: 'dinkes', targetUnitId: 'dinkes-yankes' },
        reportIn('unverified', 1),
        /back to verification/,
      ],
      [{ kind: 'not_authority', reason: 'Urusan PU' }, reportIn('unverified', 2), /level above/],
      [{ kind: 'add_note', body: 'Sudah dicek' }, reportIn('unverified', 3), /Notes are permanent/],
    ];
    for (const [action, report, why] of cases) {
      const { plan, undo } = runAndUndo(action, [report]);
      expect(plan.items).toHaveLength(1);
      expect(undo.items).toEqual([]);
      expect(undo.irreversible).toEqual([
        {
          reportId: report.id,
          trackingId: report.trackingId,
          code: 'bulk/not-reversible',
          reasonKey: 'bulk.not_reversible',
          message: expect.stringMatching(why) as unknown,
        },
      ]);
    }
  });

  it('lists sent replies and approved responses as irreversible: the citizen may have read them', () => {
    const reports = [reportIn('responded', 1), reportIn('in_progress', 2)];
    const cases: [BulkAction, 'response.send' | 'response.approve'][] = [
      [
        {
          kind: 'reply',
          templateId: 'tpl-1',
          templateName: 'Jawaban umum',
          body: 'Laporan Anda sudah kami tindak lanjuti.',
          publish: true,
        },
        'response.send',
      ],
      [{ kind: 'approve_responses' }, 'response.approve'],
    ];
    for (const [action, name] of cases) {
      const record = {
        ...batchOf(action, { items: [], batchItems: [], skipped: [] }),
        items: reports.map((report) => ({
          reportId: report.id,
          trackingId: report.trackingId,
          name,
          before: reportBefore(report),
        })),
        // r-2's reply is still in the outbox: it will reach the server before any undo.
        outcomes: { 'r-1': 'applied' as const },
      };
      const undo = planCompensation(record, byId(reports), ctx, 'batch-undo', idSource('undo'));
      expect(undo.items).toEqual([]);
      expect(undo.irreversible).toEqual(
        reports.map((report) => ({
          reportId: report.id,
          trackingId: report.trackingId,
          code: 'bulk/not-reversible',
          reasonKey: 'bulk.not_reversible',
          message: `The response to ${report.trackingId} went out; it may already have been read`,
        })),
      );
    }
  });

  it('does not reopen a report archived while postponed, since reopening would not make it postponed', () => {
    const { undo } = runAndUndo({ kind: 'archive', reason: 'too_general' }, [
      reportIn('pending_info', 1),
      reportIn('unverified', 2),
    ]);
    expect(undo.items.map((m) => m.args.reportId)).toEqual(['r-2']);
    expect(undo.irreversible).toEqual([
      expect.objectContaining({
        reportId: 'r-1',
        reasonKey: 'bulk.not_reversible',
        message: expect.stringContaining('pending_info') as unknown,
      }),
    ]);
  });

  it('does not dispose back a report that was returned as not within authority', () => {
    const declined = reportIn('not_authority', 1);
    const { plan, undo } = runAndUndo(
      { kind: 'dispose', targetAgencyId: 'disdik', targetUnitId: 'disdik-sd' },
      [declined],
    );
    expect(plan.items.map((m) => m.name)).toEqual(['report.redispose']);
    expect(undo.items).toEqual([]);
    expect(undo.irreversible[0]?.reasonKey).toBe('bulk.not_reversible');
  });

  it('keeps anonymity it turned on, with the mutator’s reason', () => {
    const { undo } = runAndUndo({ kind: 'set_privacy', rahasia: false, anonim: true }, [
      reportIn('unverified', 1),
    ]);
    expect(undo.items).toEqual([]);
    expect(undo.irreversible).toEqual([
      {
        reportId: 'r-1',
        trackingId: trackingOf(1),
        code: 'mutation/invalid',
        reasonKey: 'mutation.anonymity_irreversible',
        message: 'An anonymous report stays anonymous',
      },
    ]);
  });

  it('undoes a merge by reopening the duplicates and lists the kept report’s note', () => {
    const reports = [
      reportIn('unverified', 1),
      reportIn('unverified', 2),
      reportIn('unverified', 3),
    ];
    const { undo, afterUndo } = runAndUndo({ kind: 'merge', keepReportId: 'r-1' }, reports);
    expect(undo.items.map((m) => [m.name, m.args.reportId])).toEqual([
      ['report.reopen', 'r-2'],
      ['report.reopen', 'r-3'],
    ]);
    expect(undo.irreversible.map((s) => [s.reportId, s.reasonKey])).toEqual([
      ['r-1', 'bulk.not_reversible'],
    ]);
    expect(afterUndo.get('r-2')).toMatchObject({
      status: 'unverified',
      archiveReason: null,
      duplicateOf: null,
    });
  });

  it('gives the workflow’s refusal when the report moved on since the batch', () => {
    const plan = planFor({ kind: 'tunda', messageToReporter: 'Lengkapi alamat' }, [
      reportIn('unverified', 1),
    ]);
    // The reporter completed the data meanwhile: the report is unverified again.
    const resumed = new Map([['r-1', reportIn('unverified', 1)]]);
    const undo = planCompensation(
      batchOf({ kind: 'tunda', messageToReporter: 'Lengkapi alamat' }, plan, { 'r-1': 'applied' }),
      resumed,
      ctx,
      'batch-undo',
      idSource('undo'),
    );
    expect(undo.items).toEqual([]);
    expect(undo.irreversible.map((s) => [s.code, s.reasonKey])).toEqual([
      ['workflow/wrong-status', 'workflow.wrong_status'],
    ]);
  });

  it('does not overwrite a field someone changed after the batch', () => {
    const action: BulkAction = { kind: 'set_category', categoryId: 'kesehatan' };
    const plan = planFor(action, [reportIn('unverified', 1)]);
    const changedAgain = new Map([['r-1', reportIn('unverified', 1, { categoryId: null })]]);
    const undo = planCompensation(
      batchOf(action, plan, { 'r-1': 'applied' }),
      changedAgain,
      ctx,
      'batch-undo',
      idSource('undo'),
    );
    expect(undo.items).toEqual([]);
    expect(undo.irreversible).toEqual([
      {
        reportId: 'r-1',
        trackingId: trackingOf(1),
        code: 'bulk/changed-since',
        reasonKey: 'bulk.changed_since',
        message: `The category of report ${trackingOf(1)} was changed again after the batch`,
      },
    ]);
  });

  it('lists a report that is no longer in the local copy', () => {
    const action: BulkAction = { kind: 'set_category', categoryId: 'kesehatan' };
    const plan = planFor(action, [reportIn('unverified', 1)]);
    const undo = planCompensation(
      batchOf(action, plan, { 'r-1': 'applied' }),
      new Map([['r-1', null]]),
      ctx,
      'batch-undo',
      idSource('undo'),
    );
    expect(undo.irreversible.map((s) => [s.reportId, s.reasonKey])).toEqual([
      ['r-1', 'bulk.not_found'],
    ]);
  });

  it('does not undo an undo’s workflow moves, which would need what they replaced', () => {
    const { undo, afterUndo } = runAndUndo({ kind: 'tunda', messageToReporter: 'Lengkapi' }, [
      reportIn('unverified', 1),
    ]);
    const undoRecord = {
      ...batchOf({ kind: 'tunda', messageToReporter: 'Lengkapi' }, { ...undo, skipped: [] }),
      id: 'batch-undo',
      compensates: 'batch-1',
    };
    const again = planCompensation(undoRecord, afterUndo, ctx, 'batch-redo', idSource('redo'));
    expect(again.items).toEqual([]);
    expect(again.irreversible.map((s) => s.message)).toEqual([
      `report.resume on ${trackingOf(1)} has no inverse`,
    ]);
  });
});

describe('planCompensation (property)', () => {
  const reversible: fc.Arbitrary<BulkAction> = fc.constantFrom<BulkAction>(
    { kind: 'tunda', messageToReporter: 'Lengkapi alamat' },
    { kind: 'archive', reason: 'unintelligible' },
    { kind: 'dispose', targetAgencyId: 'disdik', targetUnitId: 'disdik-sd' },
    { kind: 'assign', assigneeId: null },
    { kind: 'set_category', categoryId: 'kesehatan' },
    { kind: 'set_tags', add: ['banjir'], remove: ['jalan'] },
    { kind: 'set_privacy', rahasia: true, anonim: false },
    { kind: 'set_privacy', rahasia: false, anonim: true },
    { kind: 'add_note', body: 'Catatan' },
    { kind: 'not_authority', reason: 'Urusan PU' },
  );
  const statuses = fc.constantFrom(
    'unverified' as const,
    'pending_info' as const,
    'disposed' as const,
    'in_progress' as const,
    'not_authority' as const,
  );
  const outcome = fc.constantFrom<BatchOutcome | undefined>(
    'applied',
    'applied',
    undefined,
    'superseded',
    'rejected',
  );

  it('restores every report it undoes and accounts for every applied or pending item once', () => {
    let undoneTotal = 0;
    let irreversibleTotal = 0;
    fc.assert(
      fc.property(
        reversible,
        fc.array(fc.tuple(statuses, fc.boolean(), outcome), { minLength: 1, maxLength: 8 }),
        (action, specs) => {
          const reports = specs.map(([status, tagged], i) =>
            reportIn(status, i + 1, {
              tags: tagged ? ['jalan'] : [],
              assigneeId: status === 'disposed' ? 'op-yankes' : null,
            }),
          );
          const { plan, undo, afterUndo } = runAndUndo(action, reports, (p) =>
            Object.fromEntries(
              p.batchItems.flatMap((item) => {
                const answer = specs[Number(item.reportId.slice(2)) - 1]?.[2];
                return answer === undefined ? [] : [[item.reportId, answer]];
              }),
            ),
          );
          const answered = (id: string) => specs[Number(id.slice(2)) - 1]?.[2];
          const toUndo = plan.batchItems
            .filter((item) => {
              const answer = answered(item.reportId);
              return answer === undefined || answer === 'applied';
            })
            .map((item) => item.reportId);
          const undone = undo.batchItems.map((item) => item.reportId);
          const irreversible = undo.irreversible.map((skip) => skip.reportId);
          expect([...undone, ...irreversible].sort()).toEqual([...toUndo].sort());
          for (const item of plan.batchItems) {
            if (!undone.includes(item.reportId)) continue;
            expect(beforeOf(afterUndo, item.reportId)).toEqual(item.before);
          }
          for (const skip of undo.irreversible) expect(skip.message).not.toBe('');
          undoneTotal += undone.length;
          irreversibleTotal += irreversible.length;
        },
      ),
      { numRuns: 300 },
    );
    // Both branches are exercised, not just one.
    expect(undoneTotal).toBeGreaterThan(100);
    expect(irreversibleTotal).toBeGreaterThan(100);
  });
});
