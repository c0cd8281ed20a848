import { describe, expect, it } from 'vitest';
import type { BulkAction } from '../../../../src-shared/bulk/bulk-action';
import {
  editTags,
  mergeNoteBody,
  planBulk,
  type BulkPlan,
  type PlannedMutation,
} from '../../../../src-shared/bulk/bulk-plan';
import type { Report } from '../../../../src-shared/domain/report';
import { emptyMutatorState, runMutator } from '../../../../src-shared/sync/mutators';
import {
  adminBandung,
  adminDinkes,
  applyPlan,
  byId,
  ctxFor,
  idSource,
  planCtx,
  reportIn,
  selection,
  trackingOf,
} from './bulk-fixtures';

function plan(
  action: BulkAction,
  reports: readonly (Report | { id: string; report: null })[],
  actor = adminBandung,
  newId = idSource(),
): BulkPlan {
  return planBulk(
    { action, batchId: 'batch-1', reports: selection(reports) },
    planCtx(actor),
    newId,
  );
}

/** What the engine would answer for `mutation` on `report`: the refusal, or null. */
function refusalOf(mutation: PlannedMutation, report: Report, actor = adminBandung) {
  const result = runMutator({ ...emptyMutatorState, report }, mutation, ctxFor(actor));
  return result.ok ? null : result.error;
}

const reportIds = (p: BulkPlan) => p.batchItems.map((item) => item.reportId);
const skippedIds = (p: BulkPlan) => p.skipped.map((skip) => skip.reportId);

describe('planBulk: dispose', () => {
  const action: BulkAction = {
    kind: 'dispose',
    targetAgencyId: 'disdik',
    targetUnitId: 'disdik-sd',
    note: 'Mohon segera',
  };

  it('verifies and disposes unverified reports and re-disposes disposed ones, with the batch id', () => {
    const fresh = reportIn('unverified', 1);
    const disposed = reportIn('disposed', 2);
    const p = plan(action, [fresh, disposed]);
    const target = { targetAgencyId: 'disdik', targetUnitId: 'disdik-sd', note: 'Mohon segera' };
    expect(p.items).toEqual([
      { name: 'report.verifyDispose', args: { reportId: 'r-1', ...target, batchId: 'batch-1' } },
      { name: 'report.redispose', args: { reportId: 'r-2', ...target, batchId: 'batch-1' } },
    ]);
    expect(p.batchItems).toEqual([
      {
        reportId: 'r-1',
        trackingId: trackingOf(1),
        name: 'report.verifyDispose',
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
      },
      expect.objectContaining({
        reportId: 'r-2',
        name: 'report.redispose',
        before: expect.objectContaining({
          status: 'disposed',
          agencyId: 'dinkes',
          unitId: 'dinkes-yankes',
        }) as unknown,
      }),
    ]);
    expect(p.skipped).toEqual([]);
  });

  it('skips a report in progress with exactly the refusal of verifyDispose', () => {
    const working = reportIn('in_progress', 3);
    const p = plan(action, [working]);
    expect(p.items).toEqual([]);
    const expected = refusalOf(
      {
        name: 'report.verifyDispose',
        args: { reportId: 'r-3', targetAgencyId: 'disdik', targetUnitId: 'disdik-sd' },
      },
      working,
    );
    expect(expected?.reasonKey).toBe('workflow.wrong_status');
    expect(p.skipped).toEqual([
      {
        reportId: 'r-3',
        trackingId: trackingOf(3),
        code: expected?.code,
        reasonKey: expected?.reasonKey,
        message: expected?.message,
      },
    ]);
  });

  it('skips a report already disposed to the target, and one outside the actor’s subtree', () => {
    const there = reportIn('disposed', 4, { agencyId: 'disdik', unitId: 'disdik-sd' });
    const papua = reportIn('unverified', 5, { agencyId: 'kota-jayapura', timeZone: 'WIT' });
    const p = plan(action, [there, papua]);
    expect(p.items).toEqual([]);
    expect(p.skipped.map((s) => [s.reportId, s.reasonKey])).toEqual([
      ['r-4', 'workflow.target_unchanged'],
      ['r-5', 'workflow.report_outside_subtree'],
    ]);
  });
});

describe('planBulk: the other workflow actions', () => {
  it('postpones unverified reports with the message and skips disposed ones', () => {
    const p = plan({ kind: 'tunda', messageToReporter: 'Mohon lampirkan foto' }, [
      reportIn('unverified', 1),
      reportIn('disposed', 2),
    ]);
    expect(p.items).toEqual([
      {
        name: 'report.tunda',
        args: { reportId: 'r-1', messageToReporter: 'Mohon lampirkan foto', batchId: 'batch-1' },
      },
    ]);
    expect(p.skipped.map((s) => [s.reportId, s.reasonKey])).toEqual([
      ['r-2', 'workflow.wrong_status'],
    ]);
  });

  it('skips every report when the action itself is incomplete (a blank tunda message)', () => {
    const p = plan({ kind: 'tunda', messageToReporter: '  ' }, [
      reportIn('unverified', 1),
      reportIn('unverified', 2),
    ]);
    expect(p.items).toEqual([]);
    expect(p.skipped.map((s) => s.reasonKey)).toEqual([
      'workflow.message_required',
      'workflow.message_required',
    ]);
  });

  it('returns reports as not within authority with the reason', () => {
    const p = plan({ kind: 'not_authority', reason: 'Urusan Dinas PU' }, [
      reportIn('unverified', 1),
      reportIn('completed', 2),
    ]);
    expect(p.items).toEqual([
      {
        name: 'report.notAuthority',
        args: { reportId: 'r-1', reason: 'Urusan Dinas PU', batchId: 'batch-1' },
      },
    ]);
    expect(skippedIds(p)).toEqual(['r-2']);
  });

  it('archives unverified and postponed reports with the reason and note, and skips disposed ones', () => {
    const p = plan({ kind: 'archive', reason: 'too_general', note: 'Tidak jelas lokasinya' }, [
      reportIn('unverified', 1),
      reportIn('pending_info', 2),
      reportIn('disposed', 3),
    ]);
    expect(p.items.map((m) => [m.name, m.args])).toEqual([
      [
        'report.archive',
        {
          reportId: 'r-1',
          reason: 'too_general',
          note: 'Tidak jelas lokasinya',
          batchId: 'batch-1',
        },
      ],
      [
        'report.archive',
        {
          reportId: 'r-2',
          reason: 'too_general',
          note: 'Tidak jelas lokasinya',
          batchId: 'batch-1',
        },
      ],
    ]);
    expect(skippedIds(p)).toEqual(['r-3']);
  });
});

describe('planBulk: field edits and notes', () => {
  it('assigns an operator where they can see the report and skips where they cannot', () => {
    const p = plan(
      { kind: 'assign', assigneeId: 'op-yankes' },
      [
        reportIn('disposed', 1),
        reportIn('disposed', 2, { agencyId: 'disdik', unitId: 'disdik-sd' }),
      ],
      adminDinkes,
    );
    expect(p.items).toEqual([
      {
        name: 'report.assign',
        args: { reportId: 'r-1', assigneeId: 'op-yankes', batchId: 'batch-1' },
      },
    ]);
    // disdik is outside the admin's subtree: the mutator says so before it looks at the assignee.
    expect(p.skipped.map((s) => [s.reportId, s.reasonKey])).toEqual([
      ['r-2', 'mutation.report_outside_subtree'],
    ]);
  });

  it('sets the category, skipping reports that already have it and closed ones', () => {
    const p = plan({ kind: 'set_category', categoryId: 'kesehatan' }, [
      reportIn('unverified', 1),
      reportIn('unverified', 2, { categoryId: 'kesehatan' }),
      reportIn('archived', 3),
    ]);
    expect(p.items).toEqual([
      {
        name: 'report.setCategory',
        args: { reportId: 'r-1', categoryId: 'kesehatan', batchId: 'batch-1' },
      },
    ]);
    expect(p.skipped.map((s) => [s.reportId, s.reasonKey, s.code])).toEqual([
      ['r-2', 'bulk.no_change', 'bulk/no-change'],
      ['r-3', 'mutation.report_closed', 'mutation/wrong-state'],
    ]);
  });

  it('adds and removes tags on each report’s own tags, skipping reports where nothing changes', () => {
    const p = plan({ kind: 'set_tags', add: ['banjir', ' Jalan '], remove: ['lama'] }, [
      reportIn('unverified', 1, { tags: ['lama', 'sekolah'] }),
      reportIn('unverified', 2, { tags: ['jalan', 'banjir'] }),
      reportIn('unverified', 3, { tags: [] }),
    ]);
    expect(p.items).toEqual([
      {
        name: 'report.setTags',
        args: { reportId: 'r-1', tags: ['sekolah', 'banjir', 'Jalan'], batchId: 'batch-1' },
      },
      {
        name: 'report.setTags',
        args: { reportId: 'r-3', tags: ['banjir', 'Jalan'], batchId: 'batch-1' },
      },
    ]);
    expect(p.skipped).toEqual([
      {
        reportId: 'r-2',
        trackingId: trackingOf(2),
        code: 'bulk/no-change',
        reasonKey: 'bulk.no_change',
        message: `Report ${trackingOf(2)} already has these tags`,
      },
    ]);
  });

  it('skips a report whose tags would grow past what a report holds', () => {
    const full = Array.from({ length: 50 }, (_, i) => `tag-${String(i)}`);
    const p = plan({ kind: 'set_tags', add: ['satu-lagi'], remove: [] }, [
      reportIn('unverified', 1, { tags: full }),
    ]);
    expect(p.items).toEqual([]);
    expect(p.skipped[0]).toMatchObject({ reportId: 'r-1', reasonKey: 'mutation.invalid_args' });
  });

  it('removes a tag that is both added and removed, case-insensitively', () => {
    expect(editTags(['Banjir', 'jalan'], ['sekolah', 'JALAN'], ['banjir', 'Sekolah'])).toEqual([
      'jalan',
    ]);
  });

  it('sets privacy, skipping anonymous reports it would make identifiable', () => {
    const anonymous = reportIn('unverified', 2, {
      privacy: { rahasia: false, anonim: true },
      reporter: null,
    });
    const p = plan({ kind: 'set_privacy', rahasia: true, anonim: false }, [
      reportIn('unverified', 1),
      anonymous,
    ]);
    expect(p.items).toEqual([
      {
        name: 'report.setPrivacy',
        args: { reportId: 'r-1', rahasia: true, anonim: false, batchId: 'batch-1' },
      },
    ]);
    expect(p.skipped).toEqual([
      {
        reportId: 'r-2',
        trackingId: trackingOf(2),
        code: 'mutation/invalid',
        reasonKey: 'mutation.anonymity_irreversible',
        message: 'An anonymous report stays anonymous',
      },
    ]);
  });

  it('adds a note with a new id to every report, closed ones included', () => {
    const p = plan({ kind: 'add_note', body: 'Sudah dikonfirmasi via telepon' }, [
      reportIn('unverified', 1),
      reportIn('completed', 2),
    ]);
    expect(p.items).toEqual([
      {
        name: 'note.add',
        args: {
          reportId: 'r-1',
          noteId: 'n-1',
          body: 'Sudah dikonfirmasi via telepon',
          batchId: 'batch-1',
        },
      },
      {
        name: 'note.add',
        args: {
          reportId: 'r-2',
          noteId: 'n-2',
          body: 'Sudah dikonfirmasi via telepon',
          batchId: 'batch-1',
        },
      },
    ]);
  });
});

describe('planBulk: merge', () => {
  it('archives every other report as a duplicate of the kept one, which gets a note naming them', () => {
    const reports = [
      reportIn('unverified', 1),
      reportIn('unverified', 2),
      reportIn('pending_info', 3),
      reportIn('disposed', 4),
    ];
    const p = plan({ kind: 'merge', keepReportId: 'r-2' }, reports);
    expect(p.items).toEqual([
      {
        name: 'report.archive',
        args: {
          reportId: 'r-1',
          reason: 'duplicate',
          duplicateOf: trackingOf(2),
          batchId: 'batch-1',
        },
      },
      {
        name: 'note.add',
        args: {
          reportId: 'r-2',
          noteId: 'n-1',
          body: mergeNoteBody([trackingOf(1), trackingOf(3)]),
          batchId: 'batch-1',
        },
      },
      {
        name: 'report.archive',
        args: {
          reportId: 'r-3',
          reason: 'duplicate',
          duplicateOf: trackingOf(2),
          batchId: 'batch-1',
        },
      },
    ]);
    expect(mergeNoteBody([trackingOf(1), trackingOf(3)])).toContain(
      `#${trackingOf(1)}, #${trackingOf(3)}`,
    );
    // A disposed report cannot be archived: it stays, and the note does not name it.
    expect(p.skipped.map((s) => [s.reportId, s.reasonKey])).toEqual([
      ['r-4', 'workflow.wrong_status'],
    ]);
    const after = applyPlan(p.items, byId(reports));
    expect(after.get('r-1')).toMatchObject({
      status: 'archived',
      archiveReason: 'duplicate',
      duplicateOf: trackingOf(2),
    });
    expect(after.get('r-2')?.status).toBe('unverified');
  });

  it('skips every report when the report to keep is not in the selection', () => {
    const p = plan({ kind: 'merge', keepReportId: 'r-9' }, [
      reportIn('unverified', 1),
      { id: 'r-5', report: null },
    ]);
    expect(p.items).toEqual([]);
    expect(p.skipped.map((s) => [s.reportId, s.reasonKey])).toEqual([
      ['r-1', 'bulk.keep_missing'],
      ['r-5', 'bulk.not_found'],
    ]);
  });

  it('skips the kept report when nothing can be merged into it', () => {
    const p = plan({ kind: 'merge', keepReportId: 'r-1' }, [
      reportIn('unverified', 1),
      reportIn('in_progress', 2),
    ]);
    expect(p.items).toEqual([]);
    expect(p.skipped.map((s) => [s.reportId, s.reasonKey])).toEqual([
      ['r-1', 'bulk.no_change'],
      ['r-2', 'workflow.wrong_status'],
    ]);
  });

  it('keeps the merge note within a note’s length however many reports are merged', () => {
    const ids = Array.from({ length: 5000 }, (_, i) => String(10_000_000 + i));
    const body = mergeNoteBody(ids);
    expect(body.length).toBeLessThanOrEqual(10_000);
    expect(body).toMatch(/^Digabung dengan laporan #10000000, #10000001, /);
    expect(body).toMatch(/ dan \d+ laporan lainnya, yang diarsipkan sebagai duplikat/);
  });
});

describe('planBulk: the selection', () => {
  it('skips a report that is not in the local copy', () => {
    const p = plan({ kind: 'add_note', body: 'x' }, [{ id: 'r-404', report: null }]);
    expect(p.skipped).toEqual([
      {
        reportId: 'r-404',
        trackingId: '',
        code: 'bulk/not-found',
        reasonKey: 'bulk.not_found',
        message: 'Report r-404 is not in the local copy',
      },
    ]);
  });

  it('plans each report once, in the order of the selection', () => {
    const [a, b, c] = [
      reportIn('unverified', 1),
      reportIn('unverified', 2),
      reportIn('disposed', 3),
    ];
    const p = plan({ kind: 'tunda', messageToReporter: 'Lengkapi data' }, [b, a, b, c, a, c]);
    expect(reportIds(p)).toEqual(['r-2', 'r-1']);
    expect(p.items.map((m) => m.args.reportId)).toEqual(['r-2', 'r-1']);
    expect(skippedIds(p)).toEqual(['r-3']);
  });

  it('plans 1,000 reports in well under a frame', () => {
    const reports = Array.from({ length: 1000 }, (_, i) =>
      reportIn(i % 10 === 0 ? 'in_progress' : 'unverified', i + 1),
    );
    const action: BulkAction = {
      kind: 'dispose',
      targetAgencyId: 'dinkes',
      targetUnitId: 'dinkes-yankes',
    };
    plan(action, reports.slice(0, 50)); // warm up
    const started = performance.now();
    const p = plan(action, reports);
    const elapsed = performance.now() - started;
    expect(p.items).toHaveLength(900);
    expect(p.skipped).toHaveLength(100);
    // A few ms on a developer machine; the bound leaves room for a loaded CI runner.
    expect(elapsed).toBeLessThan(150);
  });
});
