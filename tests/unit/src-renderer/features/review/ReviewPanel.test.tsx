// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { ReviewPanel } from '../../../../../src-renderer/features/review/ReviewPanel';
import { reviewDiff } from '../../../../../src-renderer/features/review/review-diff';
import type { Report } from '../../../../../src-shared/domain/report';
import type { ReviewItem } from '../../../../../src-shared/sync/client/ports';
import {
  NOW,
  attach,
  click,
  fakeService,
  makeReport,
  mount,
  run,
  text,
  type Mounted,
} from '../inbox/inbox-fixtures';

let mounted: Mounted | null = null;
let detach: (() => void) | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  detach?.();
  detach = null;
});

const row = (data: Report) => ({ entity: 'report' as const, id: data.id, version: 5, data });

function superseded(): ReviewItem {
  const base = makeReport(0);
  return {
    id: 'fake-client-0001:7',
    kind: 'superseded',
    mutation: {
      clientId: 'fake-client-0001',
      id: 7,
      name: 'report.setTags',
      args: { reportId: base.id, tags: ['jalan', 'banjir'] },
      baseVersion: 1,
      at: NOW,
    },
    error: {
      code: 'mutation/changed-meanwhile',
      message: 'tags',
      reasonKey: 'mutation.changed_meanwhile',
    },
    intended: row({ ...base, tags: ['jalan', 'banjir'] }),
    current: row({ ...base, tags: ['lampu'], assigneeId: 'u-op' }),
    at: NOW,
  };
}

function rejected(): ReviewItem {
  const base = makeReport(1);
  return {
    id: 'fake-client-0001:8',
    kind: 'rejected',
    mutation: {
      clientId: 'fake-client-0001',
      id: 8,
      name: 'report.setPrivacy',
      args: { reportId: base.id, rahasia: false, anonim: false },
      baseVersion: 1,
      at: NOW,
    },
    error: {
      code: 'mutation/invalid',
      message: 'An anonymous report stays anonymous',
      reasonKey: 'mutation.anonymity_irreversible',
    },
    intended: null,
    current: null,
    at: NOW,
  };
}

describe('review diff', () => {
  it('lists only the differing fields the change sets, in a fixed order', () => {
    // Someone else also assigned the report: not what this tags change is about.
    expect(reviewDiff(superseded()).map((d) => d.field)).toEqual(['tags']);
    expect(reviewDiff(rejected())).toEqual([]);
  });

  it('leaves out the operator’s other pending changes carried by the intended record', () => {
    const base = makeReport(2);
    const intended = { ...base, status: 'disposed' as const, agencyId: 'dishub', tags: ['sampah'] };
    const current = { ...base, status: 'disposed' as const, agencyId: 'dlh', tags: ['bersih'] };
    const item = (mutation: ReviewItem['mutation']) =>
      reviewDiff({ mutation, intended: row(intended), current: row(current) }).map((d) => d.field);
    const envelope = { clientId: 'fake-client-0001', id: 9, baseVersion: 1, at: NOW };
    expect(
      item({
        ...envelope,
        name: 'report.verifyDispose',
        args: { reportId: base.id, targetAgencyId: 'dishub' },
      }),
    ).toEqual(['agency']);
    expect(
      item({ ...envelope, name: 'report.setTags', args: { reportId: base.id, tags: ['sampah'] } }),
    ).toEqual(['tags']);
    // A change the table does not know is compared on every field.
    expect(
      item({
        ...envelope,
        name: 'note.add',
        args: { reportId: base.id, noteId: 'n-1', body: 'catatan' },
      }),
    ).toEqual(['agency', 'tags']);
  });
});

describe('needs-review panel', () => {
  it('explains each item and shows your change beside the server state', async () => {
    const service = fakeService({
      reports: [makeReport(0), makeReport(1)],
      review: [superseded(), rejected()],
    });
    detach = await attach(service);
    mounted = await mount(<ReviewPanel />);
    expect(document.querySelector('dialog[open]')).toBeNull();
    await run(() => {
      useInboxStore.getState().setReviewOpen(true);
    });
    const items = Array.from(document.querySelectorAll('.review-item'));
    expect(items).toHaveLength(2);
    expect(text(items[0] ?? null)).toContain('Diubah orang lain sebelum perubahan Anda terkirim');
    expect(text(items[0] ?? null)).toContain('Laporan #1900000');
    const headers = Array.from(items[0]?.querySelectorAll('thead th') ?? []).map(
      (th) => th.textContent,
    );
    expect(headers).toEqual(['Isian', 'Perubahan Anda', 'Kondisi di server']);
    const tags = items[0]?.querySelector('tr[data-field="tags"]');
    expect(Array.from(tags?.querySelectorAll('td') ?? []).map((td) => td.textContent)).toEqual([
      'jalan, banjir',
      'lampu',
    ]);
    // The assignee someone else set is not part of this change.
    expect(items[0]?.querySelector('tr[data-field="assignee"]')).toBeNull();
    expect(text(items[1] ?? null)).toContain(
      'Ditolak server: Laporan anonim tidak dapat dibuat tidak anonim.',
    );
    // A refusal for good cannot be applied again.
    expect(text(items[1] ?? null)).not.toContain('Terapkan lagi pada kondisi baru');
  });

  it('applies a superseded change again on the new state, and discards another', async () => {
    const service = fakeService({
      reports: [makeReport(0), makeReport(1)],
      review: [superseded(), rejected()],
    });
    detach = await attach(service);
    mounted = await mount(<ReviewPanel />);
    await run(() => {
      useInboxStore.getState().setReviewOpen(true);
    });
    const reapply = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Terapkan lagi pada kondisi baru',
    );
    await click(reapply ?? null);
    expect(service.mutations.map((m) => [m.name, m.args])).toEqual([
      ['report.setTags', { reportId: 'r-000000', tags: ['jalan', 'banjir'] }],
    ]);
    expect(document.querySelectorAll('.review-item')).toHaveLength(1);

    const discard = Array.from(document.querySelectorAll('button')).find(
      (b) => b.textContent === 'Buang',
    );
    await click(discard ?? null);
    expect(service.mutations).toHaveLength(1);
    expect(useInboxStore.getState().review).toEqual([]);
    expect(document.body.textContent).toContain('Tidak ada perubahan yang perlu ditinjau.');
  });
});
