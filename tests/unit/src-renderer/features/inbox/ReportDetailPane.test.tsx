// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { QueueId } from '../../../../../src-shared/inbox/queries';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { ReportDetailPane } from '../../../../../src-renderer/features/inbox/ReportDetailPane';
import {
  DAY,
  NOW,
  attach,
  fakeService,
  makeReport,
  mount,
  run,
  text,
  type Mounted,
} from './inbox-fixtures';

let mounted: Mounted | null = null;
let detach: (() => void) | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  detach?.();
  detach = null;
});

const XSS = 'Tolong <img src=x onerror=alert(1)> dan <script>alert("x")</script> diperbaiki';

async function showReport(service: ReturnType<typeof fakeService>, queue: QueueId = 'unverified') {
  detach = await attach(service);
  mounted = await mount(<ReportDetailPane />);
  await run(() => {
    useInboxStore.getState().setQueue(queue);
  });
  await run(() => {
    useInboxStore.getState().selectIndex(0);
  });
}

describe('report detail pane', () => {
  it('asks to pick a report while nothing is selected', async () => {
    detach = await attach(fakeService({ reports: [makeReport(0)] }));
    mounted = await mount(<ReportDetailPane />);
    expect(document.body.textContent).toContain('Belum ada laporan yang dipilih');
  });

  it('shows citizen text literally, never as HTML', async () => {
    const service = fakeService({
      reports: [makeReport(0, { body: XSS, title: '<b>judul</b>' })],
      messages: [
        {
          id: 'm1',
          reportId: 'r-000000',
          body: '<img src=y onerror=alert(2)>',
          createdAt: NOW,
          version: 1,
        },
      ],
    });
    await showReport(service);
    const body = document.querySelector('.detail__text');
    expect(body?.textContent).toBe(XSS);
    expect(document.querySelector('.detail img, .detail script, .detail b')).toBeNull();
    expect(document.querySelector('#detail-title')?.textContent).toBe('<b>judul</b>');
    expect(document.body.textContent).toContain('<img src=y onerror=alert(2)>');
    expect(document.querySelectorAll('img')).toHaveLength(0);
  });

  it('shows metadata, the reporter, attachments and the deadline', async () => {
    const service = fakeService({
      reports: [
        makeReport(0, {
          categoryId: 'cat-kes',
          tags: ['puskesmas', 'antrean'],
          privacy: { rahasia: true, anonim: false },
          channel: 'sms',
          agencyId: 'dinkes',
          unitId: 'dinkes-yankes',
          assigneeId: 'u-op',
          attachments: [
            { id: 'att-1', fileName: 'foto.jpg', mimeType: 'image/jpeg', sizeBytes: 2048 },
          ],
          dueAt: NOW + 5 * 3_600_000,
        }),
      ],
    });
    await showReport(service);
    const pane = document.body.textContent;
    expect(pane).toContain('Laporan #1900000');
    expect(pane).toContain('Kesehatan');
    expect(pane).toContain('puskesmas');
    expect(pane).toContain('Rahasia');
    expect(pane).toContain('SMS 1708');
    expect(pane).toContain('Dinas Kesehatan / Bidang Pelayanan Kesehatan');
    expect(pane).toContain('Budi Santoso');
    expect(pane).toContain('Warga Teladan');
    expect(pane).toContain('foto.jpg');
    expect(pane).toContain('2.0 KB');
    expect(text(document.querySelector('.detail .sla-badge'))).toBe('Jatuh tempo hari ini');
  });

  it('says "Anonim" for an anonymous report without its reporter', async () => {
    const service = fakeService({
      reports: [makeReport(0, { privacy: { rahasia: false, anonim: true }, reporter: null })],
    });
    await showReport(service);
    const reporterRow = Array.from(document.querySelectorAll('.detail-meta__row')).find(
      (row) => row.querySelector('dt')?.textContent === 'Pelapor',
    );
    expect(text(reporterRow?.querySelector('dd') ?? null)).toBe('Anonim');
  });

  it('merges dispositions, notes, messages and audit events into one timeline by time', async () => {
    const service = fakeService({
      reports: [makeReport(0, { status: 'disposed', agencyId: 'dinkes', disposedAt: NOW - DAY })],
      dispositions: [
        {
          id: 'd1',
          reportId: 'r-000000',
          kind: 'dispose',
          fromAgencyId: 'prov',
          toAgencyId: 'dinkes',
          toUnitId: null,
          byUserId: 'u-admin',
          at: NOW - DAY,
          note: 'Mohon segera',
          version: 1,
        },
      ],
      notes: [
        {
          id: 'n1',
          reportId: 'r-000000',
          authorId: 'u-op',
          agencyId: 'dinkes-yankes',
          body: 'Sudah dicek',
          createdAt: NOW - 1000,
          updatedAt: NOW - 1000,
          version: 1,
        },
      ],
      messages: [
        {
          id: 'm1',
          reportId: 'r-000000',
          body: 'Terima kasih',
          createdAt: NOW - 2 * DAY,
          version: 1,
        },
      ],
      audit: [
        {
          id: 'a1',
          reportId: 'r-000000',
          at: NOW - DAY + 1,
          actor: { kind: 'user', id: 'u-admin', role: 'admin_koordinator', agencyId: 'prov' },
          action: 'verify_dispose',
          from: 'unverified',
          to: 'disposed',
          reason: null,
        },
      ],
    });
    await showReport(service, 'disposed');
    const items = Array.from(document.querySelectorAll('.timeline__item')).map(
      (li) => li.className,
    );
    expect(items).toEqual([
      'timeline__item timeline__item--message',
      'timeline__item timeline__item--disposition',
      'timeline__item timeline__item--audit',
      'timeline__item timeline__item--note',
    ]);
    const timeline = text(document.querySelector('.timeline'));
    expect(timeline).toContain('Didisposisikan ke Dinas Kesehatan oleh Siti Rahmawati');
    expect(timeline).toContain('Mohon segera');
    expect(timeline).toContain('Siti Rahmawati: Verifikasi dan disposisi');
  });

  it('labels a field edit made in a bulk action by what it changed, without a status move', async () => {
    const admin = {
      kind: 'user',
      id: 'u-admin',
      role: 'admin_koordinator',
      agencyId: 'prov',
    } as const;
    const service = fakeService({
      reports: [makeReport(0)],
      audit: [
        {
          id: 'a1',
          reportId: 'r-000000',
          at: NOW - 1000,
          actor: admin,
          action: 'set_category',
          from: 'unverified',
          to: 'unverified',
          reason: 'categoryId=kesehatan',
          batchId: 'batch-1',
        },
      ],
    });
    await showReport(service);
    const timeline = text(document.querySelector('.timeline'));
    expect(timeline).toContain('Siti Rahmawati: Ubah kategori (tindakan massal)');
    expect(timeline).toContain('categoryId=kesehatan');
    expect(timeline).not.toContain('→');
  });

  it('lists pending changes and who else has the report open', async () => {
    const service = fakeService({ reports: [makeReport(0)] });
    await showReport(service);
    expect(document.querySelector('.detail__pending')).toBeNull();
    await run(async () => {
      await useInboxStore
        .getState()
        .mutate('report.setTags', { reportId: 'r-000000', tags: ['x'] });
      service.setPresenceOthers('r-000000', [
        { userId: 'u-op', displayName: 'Siti', editing: true },
        { userId: 'u-2', displayName: 'Agus', editing: false },
      ]);
    });
    const pending = text(document.querySelector('.detail__pending'));
    expect(pending).toContain('Perubahan belum tersinkron');
    expect(pending).toContain('Ubah label');
    expect(pending).toContain('menunggu dikirim');
    expect(text(document.querySelector('.detail__presence'))).toBe(
      'Juga dibuka oleh Siti (sedang mengedit), Agus',
    );
  });
});
