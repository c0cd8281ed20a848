import { describe, expect, it, vi } from 'vitest';
import type { BulkAction } from '../../../../src-shared/bulk/bulk-action';
import {
  planBulk,
  replyResponseId,
  type BulkPlan,
  type BulkPlanInput,
  type PlannedMutation,
  type ReplyRendering,
} from '../../../../src-shared/bulk/bulk-plan';
import type { Actor } from '../../../../src-shared/domain/actor';
import { EntityIdSchema } from '../../../../src-shared/domain/entity-id';
import type { Report } from '../../../../src-shared/domain/report';
import type { ReportResponse } from '../../../../src-shared/domain/response';
import { emptyMutatorState, runMutator } from '../../../../src-shared/sync/mutators';
import { response } from '../sync/sync-fixtures';
import {
  adminDinkes,
  ctxFor,
  idSource,
  operatorYankes,
  planCtx,
  reportIn,
  selection,
  trackingOf,
  user,
} from './bulk-fixtures';

const liaisonDinkes = user('pejabat_penghubung', 'dinkes', 'penghubung-dinkes');

const reply = (publish = false): BulkAction => ({
  kind: 'reply',
  templateId: 'tpl-1',
  templateName: 'Tindak lanjut umum',
  body: 'Yth. {{pelapor.nama}}, laporan {{laporan.nomor}} sedang kami tindak lanjuti.',
  publish,
});

/** A renderer as the worker's would answer: the text with the tracking number filled in. */
const renderOk = (report: Report): ReplyRendering => ({
  ok: true,
  text: `Yth. Bapak/Ibu, laporan ${report.trackingId} sedang kami tindak lanjuti.`,
});

function plan(
  action: BulkAction,
  reports: readonly (Report | { id: string; report: null })[],
  actor: Actor,
  extra: Pick<BulkPlanInput, 'renderReply' | 'responsesOf'>,
): BulkPlan {
  return planBulk(
    { action, batchId: 'batch-1', reports: selection(reports), ...extra },
    planCtx(actor),
    idSource(),
  );
}

/** What the engine would answer for `mutation` on `report` with `found` as its response. */
function refusalOf(
  mutation: PlannedMutation,
  report: Report,
  actor: Actor,
  found: ReportResponse | null = null,
) {
  const result = runMutator(
    { ...emptyMutatorState, report, response: found },
    mutation,
    ctxFor(actor),
  );
  return result.ok ? null : result.error;
}

const reportIds = (p: BulkPlan) => p.batchItems.map((item) => item.reportId);

describe('planBulk: reply', () => {
  it('sends each report its own rendered text as a new response, with the batch id', () => {
    const reports = [reportIn('in_progress', 1), reportIn('in_progress', 2)];
    const p = plan(reply(), reports, operatorYankes, { renderReply: renderOk });

    expect(p.skipped).toEqual([]);
    expect(p.items).toEqual([
      {
        name: 'response.send',
        args: {
          reportId: 'r-1',
          responseId: replyResponseId('batch-1', 0),
          body: `Yth. Bapak/Ibu, laporan ${trackingOf(1)} sedang kami tindak lanjuti.`,
          publish: false,
          batchId: 'batch-1',
        },
      },
      {
        name: 'response.send',
        args: {
          reportId: 'r-2',
          responseId: replyResponseId('batch-1', 1),
          body: `Yth. Bapak/Ibu, laporan ${trackingOf(2)} sedang kami tindak lanjuti.`,
          publish: false,
          batchId: 'batch-1',
        },
      },
    ]);
    expect(p.batchItems.map((item) => item.name)).toEqual(['response.send', 'response.send']);
    // Every planned reply is one the engine takes: a submitted response on each report.
    p.items.forEach((item, i) => {
      const report = reports[i];
      if (report === undefined) throw new Error('no report');
      expect(refusalOf(item, report, operatorYankes)).toBeNull();
    });
  });

  it('makes response ids that are valid entity ids, distinct per report and per batch', () => {
    const reports = [1, 2, 3].map((n) => reportIn('in_progress', n));
    const first = plan(reply(), reports, operatorYankes, { renderReply: renderOk });
    const again = planBulk(
      { action: reply(), batchId: 'batch-2', reports: selection(reports), renderReply: renderOk },
      planCtx(operatorYankes),
      idSource(),
    );
    const idsOf = (p: BulkPlan) =>
      p.items.map((item) => (item.name === 'response.send' ? item.args.responseId : ''));
    const ids = [...idsOf(first), ...idsOf(again)];
    expect(new Set(ids).size).toBe(6);
    for (const id of ids) expect(EntityIdSchema.safeParse(id).success).toBe(true);
    // Planned twice (preview, then run) with one batch id: the same ids.
    expect(idsOf(plan(reply(), reports, operatorYankes, { renderReply: renderOk }))).toEqual(
      idsOf(first),
    );
  });

  it('holds back a report whose rendering leaves variables empty, naming each variable once', () => {
    const reports = [reportIn('in_progress', 1), reportIn('in_progress', 2)];
    const renderReply = (report: Report): ReplyRendering =>
      report.id === 'r-2'
        ? { ok: false, missing: ['pelapor.nama', 'laporan.kategori', 'pelapor.nama'] }
        : renderOk(report);
    const p = plan(reply(), reports, operatorYankes, { renderReply });

    expect(reportIds(p)).toEqual(['r-1']);
    expect(p.skipped).toEqual([
      {
        reportId: 'r-2',
        trackingId: trackingOf(2),
        code: 'bulk/missing-values',
        reasonKey: 'bulk.missing_values',
        message: expect.stringContaining('pelapor.nama') as unknown,
        variables: ['pelapor.nama', 'laporan.kategori'],
      },
    ]);
  });

  it('skips every report with the template error when the template cannot be rendered', () => {
    const reports = [reportIn('in_progress', 1), reportIn('in_progress', 2)];
    const renderReply = (): ReplyRendering => ({
      ok: false,
      error: 'Line 1, column 5: There is no snippet named "salam"',
    });
    const p = plan(reply(), reports, operatorYankes, { renderReply });

    expect(p.items).toEqual([]);
    expect(p.skipped.map((skip) => [skip.reportId, skip.reasonKey, skip.message])).toEqual([
      ['r-1', 'bulk.template_error', 'Line 1, column 5: There is no snippet named "salam"'],
      ['r-2', 'bulk.template_error', 'Line 1, column 5: There is no snippet named "salam"'],
    ]);
  });

  it('skips a report that takes no reply with the refusal, without rendering it or holding it back', () => {
    const closed = reportIn('completed', 1);
    const fresh = reportIn('unverified', 2);
    const working = reportIn('in_progress', 3);
    const renderReply = vi.fn((_report: Report): ReplyRendering => ({
      ok: false,
      missing: ['pelapor.nama'],
    }));
    const p = plan(reply(), [closed, fresh, working], operatorYankes, { renderReply });

    const probe: PlannedMutation = {
      name: 'response.send',
      args: { reportId: 'r-1', responseId: 'x', body: 'Terima kasih.', publish: false },
    };
    expect(p.skipped.map((skip) => [skip.reportId, skip.reasonKey])).toEqual([
      ['r-1', refusalOf(probe, closed, operatorYankes)?.reasonKey],
      [
        'r-2',
        refusalOf({ ...probe, args: { ...probe.args, reportId: 'r-2' } }, fresh, operatorYankes)
          ?.reasonKey,
      ],
      ['r-3', 'bulk.missing_values'],
    ]);
    expect(p.skipped[0]?.reasonKey).not.toBe('bulk.missing_values');
    expect(p.skipped[1]?.reasonKey).not.toBe('bulk.missing_values');
    // Only the report a reply could go to was rendered.
    expect(renderReply.mock.calls.map(([report]) => report.id)).toEqual(['r-3']);
  });

  it("refuses a text that still holds a placeholder (a citizen's own braces) as the engine would", () => {
    const report = reportIn('in_progress', 1, { title: 'Tolong {{pelapor.nama}}' });
    const renderReply = (r: Report): ReplyRendering => ({
      ok: true,
      text: `Perihal "${r.title}" sedang kami tindak lanjuti.`,
    });
    const p = plan(reply(), [report], operatorYankes, { renderReply });

    expect(p.items).toEqual([]);
    expect(p.skipped).toEqual([
      expect.objectContaining({ reportId: 'r-1', reasonKey: 'mutation.response_unfilled' }),
    ]);
  });

  it('publishes directly only for someone who may publish', () => {
    const reports = [reportIn('in_progress', 1)];
    const byOperator = plan(reply(true), reports, operatorYankes, { renderReply: renderOk });
    expect(byOperator.items).toEqual([]);
    expect(byOperator.skipped).toEqual([
      expect.objectContaining({ reportId: 'r-1', reasonKey: 'workflow.role_not_allowed' }),
    ]);

    const byLiaison = plan(reply(true), reports, liaisonDinkes, { renderReply: renderOk });
    expect(byLiaison.skipped).toEqual([]);
    expect(byLiaison.items).toEqual([
      expect.objectContaining({
        name: 'response.send',
        args: expect.objectContaining({ reportId: 'r-1', publish: true }) as unknown,
      }),
    ]);
    const item = byLiaison.items[0];
    const report = reports[0];
    if (item === undefined || report === undefined) throw new Error('nothing planned');
    const result = runMutator({ ...emptyMutatorState, report }, item, ctxFor(liaisonDinkes));
    expect(result.ok && result.value.report?.status).toBe('responded');
  });

  it('lists a report missing from the local copy as not found', () => {
    const p = plan(reply(), [{ id: 'r-9', report: null }], operatorYankes, {
      renderReply: renderOk,
    });
    expect(p.skipped).toEqual([
      expect.objectContaining({ reportId: 'r-9', reasonKey: 'bulk.not_found' }),
    ]);
  });
});

describe('planBulk: approve_responses', () => {
  const approve: BulkAction = { kind: 'approve_responses' };

  it("approves and publishes each report's submitted response", () => {
    const reports = [reportIn('in_progress', 1), reportIn('in_progress', 2)];
    const responses = new Map<string, ReportResponse[]>([
      ['r-1', [response('submitted', { id: 'resp-1', reportId: 'r-1' })]],
      ['r-2', [response('submitted', { id: 'resp-2', reportId: 'r-2' })]],
    ]);
    const p = plan(approve, reports, liaisonDinkes, {
      responsesOf: (id) => responses.get(id) ?? [],
    });

    expect(p.skipped).toEqual([]);
    expect(p.items).toEqual([
      {
        name: 'response.approve',
        args: { reportId: 'r-1', responseId: 'resp-1', publish: true, batchId: 'batch-1' },
      },
      {
        name: 'response.approve',
        args: { reportId: 'r-2', responseId: 'resp-2', publish: true, batchId: 'batch-1' },
      },
    ]);
    p.items.forEach((item, i) => {
      const report = reports[i];
      const found = responses.get(report?.id ?? '')?.[0] ?? null;
      if (report === undefined) throw new Error('no report');
      expect(refusalOf(item, report, liaisonDinkes, found)).toBeNull();
    });
  });

  it('picks the response submitted last when a report has several', () => {
    const older = response('submitted', { id: 'resp-old' });
    const newer = {
      ...response('submitted', { id: 'resp-new' }),
      submittedAt: older.state === 'submitted' ? older.submittedAt + 60_000 : 0,
    } as ReportResponse;
    const p = plan(approve, [reportIn('in_progress', 1)], liaisonDinkes, {
      responsesOf: () => [older, newer, response('draft', { id: 'resp-draft' })],
    });
    expect(p.items).toEqual([
      expect.objectContaining({
        args: expect.objectContaining({ responseId: 'resp-new' }) as unknown,
      }),
    ]);
  });

  it('skips a report with no response waiting for approval', () => {
    const p = plan(
      approve,
      [reportIn('in_progress', 1), reportIn('in_progress', 2)],
      liaisonDinkes,
      {
        responsesOf: (id) =>
          id === 'r-1'
            ? [response('draft', { id: 'resp-1' }), response('published', { id: 'resp-0' })]
            : [],
      },
    );
    expect(p.items).toEqual([]);
    expect(p.skipped.map((skip) => [skip.reportId, skip.reasonKey])).toEqual([
      ['r-1', 'bulk.no_submitted_response'],
      ['r-2', 'bulk.no_submitted_response'],
    ]);
  });

  it('skips every report for someone who may not approve, with the refusal', () => {
    const p = plan(approve, [reportIn('in_progress', 1)], adminDinkes, {
      responsesOf: () => [response('submitted', { id: 'resp-1' })],
    });
    expect(p.items).toEqual([]);
    expect(p.skipped).toEqual([
      expect.objectContaining({ reportId: 'r-1', reasonKey: 'mutation.role_not_allowed' }),
    ]);
  });
});
