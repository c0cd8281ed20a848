// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { Report } from '../../../../../src-shared/domain/report';
import type { QueueId } from '../../../../../src-shared/inbox/queries';
import { ReportDetailPane } from '../../../../../src-renderer/features/inbox/ReportDetailPane';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { useLocaleStore } from '../../../../../src-renderer/i18n/i18n';
import {
  attach,
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

/** A local time in WIB on a June 2025 day; the fixtures' NOW is Wednesday 11 June, 10:00. */
const june = (day: number, hour = 10) => Date.UTC(2025, 5, day, hour - 7);

async function showReport(report: Report, queue: QueueId): Promise<void> {
  detach = await attach(fakeService({ reports: [report] }));
  mounted = await mount(<ReportDetailPane />);
  await run(() => {
    useInboxStore.getState().setQueue(queue);
  });
  await run(() => {
    useInboxStore.getState().selectIndex(0);
  });
}

const countdown = () => document.querySelector('[data-testid="follow-up-countdown"]');

describe('follow-up countdown in the report detail', () => {
  it('counts down to automatic completion for a responded report', async () => {
    await showReport(
      makeReport(0, {
        status: 'responded',
        disposedAt: june(2),
        firstResponseAt: june(9),
        respondedAt: june(9),
      }),
      'responded',
    );
    expect(text(countdown())).toBe(
      'Selesai otomatis dalam 8 hari kerja (23 Juni 2025) bila pelapor tidak menanggapi',
    );
    expect(countdown()?.getAttribute('data-kind')).toBe('auto_complete');
  });

  it('skips Idul Adha and its cuti bersama in the reply window', async () => {
    await showReport(
      makeReport(0, {
        status: 'responded',
        disposedAt: june(2),
        firstResponseAt: june(2),
        respondedAt: june(2),
      }),
      'responded',
    );
    // Ten working days after Monday 2 June without Friday 6 (Idul Adha) and Monday 9 (cuti
    // bersama): Wednesday 18 June, 5 working days after Wednesday 11.
    expect(text(countdown())).toContain('Selesai otomatis dalam 5 hari kerja (18 Juni 2025)');
  });

  it('counts down to the first follow-up while no response went out', async () => {
    await showReport(makeReport(0, { status: 'disposed', disposedAt: june(10) }), 'disposed');
    expect(text(countdown())).toBe(
      'Tindak lanjut pertama jatuh tempo dalam 4 hari kerja (17 Juni 2025)',
    );
  });

  it('says when the first follow-up is due today', async () => {
    await showReport(makeReport(0, { status: 'in_progress', disposedAt: june(2) }), 'in_progress');
    expect(text(countdown())).toBe('Tindak lanjut pertama jatuh tempo hari ini (11 Juni 2025)');
    expect(countdown()?.className).toContain('follow-up-countdown--due_today');
  });

  it('says when the first follow-up is late', async () => {
    // Disposed on Friday 30 May (a cuti bersama): due Tuesday 10 June.
    const may30 = Date.UTC(2025, 4, 30, 3);
    await showReport(makeReport(0, { status: 'in_progress', disposedAt: may30 }), 'in_progress');
    expect(text(countdown())).toBe(
      'Tindak lanjut pertama terlambat 1 hari kerja (jatuh tempo 10 Juni 2025)',
    );
    expect(countdown()?.className).toContain('follow-up-countdown--overdue');
  });

  it('counts the resolution with the agency’s limit and the 1 Muharam holiday', async () => {
    await showReport(
      makeReport(0, { status: 'in_progress', disposedAt: june(10), firstResponseAt: june(11, 9) }),
      'in_progress',
    );
    expect(text(countdown())).toBe('Penyelesaian jatuh tempo dalam 13 hari kerja (1 Juli 2025)');
  });

  it('shows nothing before disposition', async () => {
    await showReport(makeReport(0), 'unverified');
    expect(document.querySelector('.detail')).not.toBeNull();
    expect(countdown()).toBeNull();
  });

  it('speaks English with the same date', async () => {
    await showReport(
      makeReport(0, {
        status: 'responded',
        disposedAt: june(2),
        firstResponseAt: june(9),
        respondedAt: june(9),
      }),
      'responded',
    );
    await run(() => {
      useLocaleStore.setState({ locale: 'en' });
    });
    expect(text(countdown())).toBe(
      'Completes automatically in 8 working days (23 June 2025) unless the reporter replies',
    );
  });
});
