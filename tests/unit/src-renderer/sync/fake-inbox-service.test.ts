// The UI tests' fake InboxService answers queries, applies mutations through the real mutators
// and emits the events the real service emits.
import { describe, expect, it } from 'vitest';
import { defaultInboxQuery } from '../../../../src-shared/inbox/queries';
import type { InboxEvent } from '../../../../src-renderer/sync/inbox-service';
import { createFakeInboxService } from '../../../support/fake-inbox-service';
import { agencyList, at, makeReport } from '../../src-shared/domain/domain-fixtures';

const now = at('2025-02-04T10:00');
const admin = { id: 'admin-1', role: 'admin_instansi' as const, agencyId: 'kota-bandung' };

function fake() {
  return createFakeInboxService({
    user: admin,
    now: () => now,
    agencies: agencyList,
    reports: [
      makeReport({ id: 'r-1', trackingId: '100', title: 'Jalan rusak', dueAt: now + 3_600_000 }),
      makeReport({ id: 'r-2', trackingId: '200', title: 'Lampu mati', dueAt: now - 3_600_000 }),
      makeReport({
        id: 'r-3',
        trackingId: '300',
        title: 'Sampah',
        status: 'completed',
        dueAt: null,
        closedAt: now,
      }),
    ],
  });
}

describe('fake inbox service', () => {
  it('answers queue pages in breach order with totals and searches text', async () => {
    const service = fake();
    const page = await service.query(defaultInboxQuery('unverified'), 0, 10);
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.id)).toEqual(['r-2', 'r-1']);
    const counts = await service.counts();
    expect(counts.unverified).toBe(2);
    expect(counts.completed).toBe(1);
    expect(counts.overdue).toBe(1);
    expect(counts.due_today).toBe(1);
    const search = await service.matchingIds({
      ...defaultInboxQuery('unverified'),
      search: 'lampu',
    });
    expect(search).toEqual(['r-2']);
  });

  it('applies a mutation locally as pending and emits data with new counts', async () => {
    const service = fake();
    const events: InboxEvent[] = [];
    service.subscribe((e) => events.push(e));
    const result = await service.mutate('report.setTags', { reportId: 'r-1', tags: ['jalan'] });
    expect(result.ok).toBe(true);
    const detail = await service.report('r-1');
    expect(detail?.report.tags).toEqual(['jalan']);
    expect(detail?.pending.map((p) => p.name)).toEqual(['report.setTags']);
    const page = await service.query(defaultInboxQuery('unverified'), 0, 10);
    expect(page.rows.find((r) => r.id === 'r-1')?.pending).toBe(true);
    expect(events.some((e) => e.type === 'data' && e.reportIds?.includes('r-1') === true)).toBe(
      true,
    );
    expect(events.some((e) => e.type === 'status' && e.status.pendingCount === 1)).toBe(true);
    service.confirmAll();
    expect(
      (await service.query(defaultInboxQuery('unverified'), 0, 10)).rows.some((r) => r.pending),
    ).toBe(false);
  });

  it('refuses a mutation the mutator refuses, writing nothing', async () => {
    const service = fake();
    const result = await service.mutate('report.startProcessing', { reportId: 'r-1' });
    expect(result.ok).toBe(false);
    expect(service.mutations).toHaveLength(0);
  });
});

describe('fake inbox service: bulk actions', () => {
  const dispose = { kind: 'dispose', targetAgencyId: 'dinkes' } as const;

  function bulkFake(clock: { now: number }) {
    return createFakeInboxService({
      user: admin,
      now: () => clock.now,
      agencies: agencyList,
      reports: [
        makeReport({ id: 'r-1', trackingId: '100', dueAt: now + 3_600_000 }),
        makeReport({ id: 'r-2', trackingId: '200', dueAt: now + 7_200_000 }),
        makeReport({
          id: 'r-3',
          trackingId: '300',
          status: 'completed',
          dueAt: null,
          closedAt: now,
        }),
      ],
    });
  }

  it('previews with the shared planner: applicable ids, a sample and skips with reasons', async () => {
    const service = bulkFake({ now });
    const preview = await service.previewBulk({
      action: dispose,
      reportIds: ['r-1', 'r-3', 'r-2', 'r-1', 'gone'],
    });
    expect(preview.applicable).toEqual(['r-1', 'r-2']);
    expect(preview.sample.map((s) => s.trackingId)).toEqual(['100', '200']);
    expect(preview.skipped.map((s) => [s.reportId, s.trackingId, s.reasonKey])).toEqual([
      ['r-3', '300', 'workflow.wrong_status'],
      ['gone', '', 'bulk.not_found'],
    ]);
    expect(service.mutations).toHaveLength(0);
  });

  it('runs a batch held for the undo window and withdraws it while held, sending nothing', async () => {
    const clock = { now };
    const service = bulkFake(clock);
    const events: InboxEvent[] = [];
    service.subscribe((e) => events.push(e));
    const run = await service.runBulk(
      { action: dispose, reportIds: ['r-1', 'r-2', 'r-3'] },
      10_000,
    );
    expect(run.ok && run.value).toMatchObject({ count: 2, holdUntil: now + 10_000 });
    expect(run.ok && run.value.skipped.map((s) => s.reportId)).toEqual(['r-3']);
    expect((await service.report('r-1'))?.report.status).toBe('disposed');
    expect(events.some((e) => e.type === 'batches')).toBe(true);
    // The server hears nothing of a held batch.
    service.confirmAll();
    expect(service.outbox).toHaveLength(2);

    clock.now += 9_000;
    const undo = await service.undoBatch(run.ok ? run.value.batchId : '');
    expect(undo).toEqual({ ok: true, value: { kind: 'withdrawn', at: now + 9_000, count: 2 } });
    expect(service.outbox).toHaveLength(0);
    expect((await service.report('r-1'))?.report.status).toBe('unverified');
    expect((await service.report('r-1'))?.dispositions).toHaveLength(0);
    const [summary] = await service.batches();
    expect(summary?.undo?.kind).toBe('withdrawn');
  });

  it('compensates after the hold and names what it could not reverse', async () => {
    const clock = { now };
    const service = bulkFake(clock);
    const tunda = await service.runBulk(
      { action: { kind: 'tunda', messageToReporter: 'Lengkapi lokasi' }, reportIds: ['r-1'] },
      0,
    );
    const verify = await service.runBulk({ action: dispose, reportIds: ['r-2'] }, 5_000);
    service.confirmAll();
    clock.now += 6_000;
    service.confirmAll();
    const tundaUndo = await service.undoBatch(tunda.ok ? tunda.value.batchId : '');
    expect(tundaUndo.ok && tundaUndo.value).toMatchObject({ kind: 'compensated', count: 1 });
    expect((await service.report('r-1'))?.report.status).toBe('unverified');
    const verifyUndo = await service.undoBatch(verify.ok ? verify.value.batchId : '');
    expect(
      verifyUndo.ok && verifyUndo.value.kind === 'compensated' && verifyUndo.value,
    ).toMatchObject({
      count: 0,
      irreversible: [{ reportId: 'r-2', reasonKey: 'bulk.not_reversible' }],
    });
    const again = await service.undoBatch(verify.ok ? verify.value.batchId : '');
    expect(again.ok ? null : again.error.code).toBe('bulk/already-undone');
    const list = await service.batches();
    expect(list.filter((b) => b.compensates !== null)).toHaveLength(2);
    expect(list.find((b) => b.id === (verify.ok ? verify.value.batchId : ''))?.applied).toEqual([
      'r-2',
    ]);
  });

  it('records the server answers per report and refuses an empty or failing run', async () => {
    const service = bulkFake({ now });
    const run = await service.runBulk({ action: dispose, reportIds: ['r-1', 'r-2'] }, 0);
    const batchId = run.ok ? run.value.batchId : '';
    service.answerBatch(batchId, { 'r-1': 'applied', 'r-2': 'superseded' });
    const [summary] = await service.batches();
    expect(summary).toMatchObject({ applied: ['r-1'], superseded: ['r-2'], pending: [] });
    expect(service.outbox).toHaveLength(0);

    const empty = await service.runBulk({ action: dispose, reportIds: ['r-3'] }, 0);
    expect(empty.ok ? null : empty.error.code).toBe('bulk/empty');
    service.failNextBulkRun({ code: 'bulk/refused', message: 'changed', reportId: 'r-1' });
    const refused = await service.runBulk(
      { action: { kind: 'add_note', body: 'x' }, reportIds: ['r-1'] },
      0,
    );
    expect(refused.ok ? null : refused.error.code).toBe('bulk/refused');
    expect(await service.batches()).toHaveLength(1);
  });

  it('suggests routing only once there is a history of dispositions', async () => {
    const service = bulkFake({ now });
    expect(await service.suggestRouting('r-1')).toEqual({ status: 'no-history' });
    await service.mutate('report.verifyDispose', { reportId: 'r-2', targetAgencyId: 'dinkes' });
    const answer = await service.suggestRouting('r-1');
    expect(answer.status === 'ready' && answer.trainedOn).toBe(1);
    expect(answer.status === 'ready' && answer.suggestions[0]?.agencyId).toBe('dinkes');
  });
});
