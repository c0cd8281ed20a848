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
