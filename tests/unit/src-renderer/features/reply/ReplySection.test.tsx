// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../../../src-shared/api/auth';
import type { ReportResponse } from '../../../../../src-shared/domain/response';
import type { Template } from '../../../../../src-shared/domain/template';
import type { User } from '../../../../../src-shared/domain/user';
import { useInboxStore } from '../../../../../src-renderer/features/inbox/inbox-store';
import { ReportDetailPane } from '../../../../../src-renderer/features/inbox/ReportDetailPane';
import {
  LOCAL_SAVE_DELAY_MS,
  SYNC_IDLE_MS,
} from '../../../../../src-renderer/features/reply/ReplyComposer';
import { replyDraftStore } from '../../../../../src-renderer/features/reply/reply-draft-store';
import {
  DAY,
  NOW,
  attach,
  click,
  fakeService,
  flush,
  makeReport,
  mount,
  press,
  run,
  text,
  type,
  users,
  type Mounted,
} from '../inbox/inbox-fixtures';

// ---------------------------------------------------------------------------------------------
// Fixtures

const operator: SessionUser = {
  id: 'u-op',
  username: 'operator',
  displayName: 'Budi Santoso',
  role: 'operator_unit',
  agencyId: 'dinkes-yankes',
};
const liaison: SessionUser = {
  id: 'u-liaison',
  username: 'penghubung',
  displayName: 'Rina Kusuma',
  role: 'pejabat_penghubung',
  agencyId: 'dinkes',
};
const allUsers: User[] = [...users, { ...liaison }];

const report = makeReport(0, {
  status: 'in_progress',
  agencyId: 'dinkes',
  unitId: 'dinkes-yankes',
  disposedAt: NOW - DAY,
  // Empty on purpose: the template's holes.
  categoryId: null,
  location: { text: '' },
});

const TEMPLATE_BODY =
  'Yth. {{pelapor.sapaan}},\n\nLaporan {{laporan.nomor}} tentang {{laporan.kategori}} di ' +
  '{{laporan.lokasi}} sedang ditindaklanjuti oleh {{unit.nama}}.\n\nHormat kami,\n{{petugas.nama}}';

const followUp: Template = {
  id: 'tpl-follow',
  kind: 'tindak_lanjut',
  name: 'Tindak lanjut umum',
  body: TEMPLATE_BODY,
  description: 'Pemberitahuan bahwa laporan sedang ditangani',
  categoryIds: [],
  revision: 1,
  agencyId: 'dinkes',
  version: 1,
  updatedBy: 'u-admin',
  updatedAt: NOW - DAY,
  scope: 'agency',
};
const archiveNote: Template = {
  ...followUp,
  id: 'tpl-archive',
  kind: 'arsip',
  name: 'Pemberitahuan arsip',
  body: 'Laporan {{laporan.nomor}} diarsipkan.',
  description: '',
};

const responseBase = {
  reportId: report.id,
  agencyId: 'dinkes',
  authorId: 'u-op',
  body: 'Yth. Bapak/Ibu Warga Teladan, laporan Anda sedang kami tindak lanjuti.',
  createdAt: NOW - 2 * 3_600_000,
  version: 1,
};
const submitted: ReportResponse = {
  ...responseBase,
  id: 'resp-1',
  state: 'submitted',
  updatedAt: NOW - 3_600_000,
  submittedAt: NOW - 3_600_000,
};
const returned: ReportResponse = {
  ...responseBase,
  id: 'resp-1',
  state: 'returned',
  body: 'Yth. Bapak/Ibu, laporan {{laporan.nomor}} kami tindak lanjuti. {{laporan.kategori}}',
  updatedAt: NOW - 3_600_000,
  submittedAt: NOW - 2 * 3_600_000,
  reviewedById: 'u-liaison',
  reviewedAt: NOW - 3_600_000,
  returnComment: 'Sebutkan kapan jalan diperbaiki.',
};

function service(user: SessionUser, responses: readonly ReportResponse[] = []) {
  return fakeService({
    user,
    users: allUsers,
    reports: [report],
    responses,
    templates: [archiveNote, followUp],
  });
}

let mounted: Mounted | null = null;
let detach: (() => void) | null = null;

beforeEach(() => {
  localStorage.clear();
});
afterEach(() => {
  mounted?.unmount();
  mounted = null;
  detach?.();
  detach = null;
  vi.useRealTimers();
  localStorage.clear();
});

async function openReport(fake: ReturnType<typeof service>, user: SessionUser) {
  detach = await attach(fake, user);
  mounted = await mount(<ReportDetailPane />);
  await run(() => {
    useInboxStore.getState().setQueue('in_progress');
  });
  await run(() => {
    useInboxStore.getState().selectIndex(0);
  });
}

/** Unmounts and mounts the pane again (a reload of the window, as far as the UI knows). */
async function reopenPane() {
  mounted?.unmount();
  mounted = await mount(<ReportDetailPane />);
}

const section = () => document.querySelector('[data-reply-section]');
const writeButton = () => document.querySelector('[data-reply-write]');
const sendButton = () => document.querySelector('[data-reply-send]');
const holes = () => [...document.querySelectorAll<HTMLInputElement>('[data-reply-hole]')];
const hole = (variable: string) =>
  document.querySelector<HTMLInputElement>(`[data-reply-hole="${variable}"]`);
const option = (templateId: string) =>
  document.querySelector(`[role="option"][data-template-id="${templateId}"]`);
const preview = () => document.querySelector('.reply-preview');

async function chooseFollowUp() {
  await click(writeButton());
  await click(option('tpl-follow'));
}

async function fillAll() {
  await type(hole('laporan.kategori'), 'jalan rusak');
  await type(hole('laporan.lokasi'), 'Jl. Melati');
}

const FINAL_TEXT =
  'Yth. Bapak/Ibu Warga Teladan,\n\nLaporan 1900000 tentang jalan rusak di Jl. Melati sedang ' +
  'ditindaklanjuti oleh Bidang Pelayanan Kesehatan.\n\nHormat kami,\nBudi Santoso';

async function advance(ms: number) {
  await act(async () => {
    vi.advanceTimersByTime(ms);
    await Promise.resolve();
  });
  await flush();
}

// ---------------------------------------------------------------------------------------------

describe('the reply composer', () => {
  it('is offered on a report in progress, by button and by the r key', async () => {
    await openReport(service(operator), operator);
    expect(text(writeButton())).toContain('Tulis tanggapan');
    await press(window, 'r');
    expect(document.activeElement?.getAttribute('role')).toBe('combobox');
    // Suggestions for a reply first, then the rest; "from scratch" always.
    const names = [...document.querySelectorAll('[role="option"]')].map((o) =>
      o.getAttribute('data-template-id'),
    );
    expect(names).toEqual(['', 'tpl-follow', 'tpl-archive']);
  });

  it('is not offered before the report is in progress', async () => {
    const fake = fakeService({
      user: operator,
      users: allUsers,
      reports: [{ ...report, status: 'disposed' }],
      templates: [followUp],
    });
    detach = await attach(fake, operator);
    mounted = await mount(<ReportDetailPane />);
    await run(() => {
      useInboxStore.getState().setQueue('disposed');
    });
    await run(() => {
      useInboxStore.getState().selectIndex(0);
    });
    expect(document.querySelector('#detail-title')).not.toBeNull();
    expect(section()).toBeNull();
    await press(window, 'r');
    expect(document.querySelector('[role="combobox"]')).toBeNull();
  });

  it('picks a template with the keyboard after searching', async () => {
    await openReport(service(operator), operator);
    await click(writeButton());
    const search = document.querySelector('[role="combobox"]');
    await type(search, 'arsip');
    expect(document.querySelectorAll('[role="option"]')).toHaveLength(2);
    await press(search ?? window, 'ArrowDown');
    await press(document.activeElement ?? window, 'Enter');
    expect(text(preview())).toBe('Laporan 1900000 diarsipkan.');
  });

  it('shows each empty variable as a labelled input in place and blocks sending until filled', async () => {
    await openReport(service(operator), operator);
    await chooseFollowUp();

    expect(holes().map((h) => h.getAttribute('data-reply-hole'))).toEqual([
      'laporan.kategori',
      'laporan.lokasi',
    ]);
    const category = hole('laporan.kategori');
    expect(category?.getAttribute('aria-invalid')).toBe('true');
    expect(category?.getAttribute('aria-label')).toContain('Kategori laporan');
    // The rest of the preview is the citizen's text, as text.
    expect(text(preview())).toContain('Yth. Bapak/Ibu Warga Teladan,');
    expect(text(preview())).toContain('oleh Bidang Pelayanan Kesehatan.');
    expect(text(section())).toContain('2 isian belum diisi: laporan.kategori, laporan.lokasi');
    expect(sendButton()?.getAttribute('aria-disabled')).toBe('true');
    expect(text(sendButton())).toBe('Ajukan untuk persetujuan');

    await type(hole('laporan.kategori'), 'jalan rusak');
    expect(hole('laporan.kategori')?.getAttribute('aria-invalid')).toBe('false');
    expect(text(section())).toContain('1 isian belum diisi: laporan.lokasi');
    expect(sendButton()?.getAttribute('aria-disabled')).toBe('true');

    await type(hole('laporan.lokasi'), 'Jl. Melati');
    expect(sendButton()?.getAttribute('aria-disabled')).toBe('false');
    expect(text(section())).toContain('Semua isian sudah lengkap.');
  });

  it('moves the focus to the first empty hole when send is pressed too early', async () => {
    const fake = service(operator);
    const mutate = vi.spyOn(fake, 'mutate');
    await openReport(fake, operator);
    await chooseFollowUp();
    await type(hole('laporan.kategori'), 'jalan rusak');
    (sendButton() as HTMLElement).focus();
    await click(sendButton());
    expect(document.activeElement).toBe(hole('laporan.lokasi'));
    expect(mutate.mock.calls.filter(([name]) => name === 'response.send')).toEqual([]);
  });

  it('sends the rendered text for approval when a unit operator sends it', async () => {
    const fake = service(operator);
    const mutate = vi.spyOn(fake, 'mutate');
    await openReport(fake, operator);
    await chooseFollowUp();
    await fillAll();
    await click(sendButton());

    const sends = mutate.mock.calls.filter(([name]) => name === 'response.send');
    expect(sends).toEqual([
      [
        'response.send',
        {
          reportId: report.id,
          responseId: expect.any(String) as string,
          body: FINAL_TEXT,
          publish: false,
        },
      ],
    ]);
    expect(text(section())).toContain('Tanggapan diajukan untuk persetujuan Pejabat Penghubung.');
    // Sent, so nothing is left to keep: no draft on the device, none synced over it.
    expect(replyDraftStore().load('u-op', report.id)).toBeNull();
    expect(mutate.mock.calls.filter(([name]) => name === 'response.saveDraft')).toEqual([]);
    expect(fake.mutations.map((m) => m.name)).toEqual(['response.send']);
    // The response now waits for the liaison officer; nothing more to write.
    expect(document.querySelector('[data-reply-waiting]')).not.toBeNull();
    expect(writeButton()).toBeNull();
  });

  it('lets a liaison officer publish after a one-line confirmation', async () => {
    const fake = service(liaison);
    const mutate = vi.spyOn(fake, 'mutate');
    await openReport(fake, liaison);
    await chooseFollowUp();
    await fillAll();
    expect(text(sendButton())).toBe('Terbitkan');
    await click(sendButton());
    expect(mutate.mock.calls.filter(([name]) => name === 'response.send')).toEqual([]);
    expect(text(document.querySelector('.reply-confirm'))).toContain(
      'akan langsung dikirim kepada pelapor laporan 1900000',
    );
    await click(document.querySelector('[data-reply-confirm]'));
    expect(mutate.mock.calls.filter(([name]) => name === 'response.send')).toEqual([
      [
        'response.send',
        {
          reportId: report.id,
          responseId: expect.any(String) as string,
          body: FINAL_TEXT.replace('Budi Santoso', 'Rina Kusuma'),
          publish: true,
        },
      ],
    ]);
    expect(text(section())).toContain('Tanggapan diterbitkan kepada pelapor.');
  });

  it('shows a refusal and keeps everything typed', async () => {
    const fake = service(operator);
    await openReport(fake, operator);
    await chooseFollowUp();
    await fillAll();
    fake.failNextMutation({
      code: 'mutation/invalid',
      message: 'unfilled',
      reasonKey: 'mutation.response_unfilled',
    });
    await click(sendButton());
    expect(document.querySelector('.reply-composer [role="alert"]')).not.toBeNull();
    expect(hole('laporan.lokasi')?.value).toBe('Jl. Melati');
    expect(sendButton()).not.toBeNull();
  });

  it('shows a syntax error with its line and column and does not send', async () => {
    const fake = service(operator);
    const mutate = vi.spyOn(fake, 'mutate');
    await openReport(fake, operator);
    await click(writeButton());
    await click(option(''));
    const editor = document.querySelector('.reply-composer textarea');
    expect(document.activeElement).toBe(editor);
    await type(editor, 'Yth. Bapak/Ibu,\n{{laporan.nomor');
    expect(text(section())).toContain('baris 2, kolom 1');
    expect(editor?.getAttribute('aria-invalid')).toBe('true');
    expect(sendButton()?.getAttribute('aria-disabled')).toBe('true');
    (editor as HTMLTextAreaElement).setSelectionRange(0, 0);
    await click(sendButton());
    expect(mutate.mock.calls.filter(([name]) => name === 'response.send')).toEqual([]);
    // Pressing it anyway puts the caret where the error is.
    expect(document.activeElement).toBe(editor);
    expect((editor as HTMLTextAreaElement).selectionStart).toBe('Yth. Bapak/Ibu,\n'.length);
  });
});

describe('reply drafts', () => {
  it('saves the draft on the device as the operator types and restores it on reopening', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    await openReport(service(operator), operator);
    await chooseFollowUp();
    await type(hole('laporan.kategori'), 'jalan rusak');
    expect(replyDraftStore().load('u-op', report.id)).toBeNull();
    await advance(LOCAL_SAVE_DELAY_MS);
    expect(replyDraftStore().load('u-op', report.id)).toMatchObject({
      templateId: 'tpl-follow',
      source: TEMPLATE_BODY,
      fills: { 'laporan.kategori': 'jalan rusak' },
    });

    await reopenPane();
    expect(text(writeButton())).toContain('Lanjutkan draf tanggapan');
    await click(writeButton());
    expect(hole('laporan.kategori')?.value).toBe('jalan rusak');
    expect(document.activeElement).toBe(hole('laporan.lokasi'));
    expect(text(section())).toContain('Templat: Tindak lanjut umum');
  });

  it('ignores a draft the device cannot read', async () => {
    replyDraftStore().save('u-op', report.id, {
      responseId: 'resp-x',
      templateId: null,
      source: 'x',
      fills: {},
      updatedAt: 1,
    });
    const key = Object.keys(localStorage).find((k) => localStorage.getItem(k)?.includes('resp-x'));
    localStorage.setItem(key ?? '', '{"responseId": "resp-x", "sou');
    await openReport(service(operator), operator);
    expect(text(writeButton())).toContain('Tulis tanggapan');
    await click(writeButton());
    expect(document.querySelector('[role="combobox"]')).not.toBeNull();
    expect(localStorage.getItem(key ?? '')).toBeNull();
  });

  it('syncs the draft after a pause, once, with its holes kept as placeholders', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const fake = service(operator);
    const mutate = vi.spyOn(fake, 'mutate');
    await openReport(fake, operator);
    await chooseFollowUp();
    await type(hole('laporan.lokasi'), 'Jl. Mel');
    await type(hole('laporan.lokasi'), 'Jl. Melati');
    const saves = () => mutate.mock.calls.filter(([name]) => name === 'response.saveDraft');
    await advance(SYNC_IDLE_MS - 1);
    expect(saves()).toEqual([]);
    await advance(1);
    expect(saves()).toEqual([
      [
        'response.saveDraft',
        {
          reportId: report.id,
          responseId: expect.any(String) as string,
          body:
            'Yth. Bapak/Ibu Warga Teladan,\n\nLaporan 1900000 tentang {{laporan.kategori}} di ' +
            'Jl. Melati sedang ditindaklanjuti oleh Bidang Pelayanan Kesehatan.\n\nHormat kami,\n' +
            'Budi Santoso',
        },
      ],
    ]);
    // The local draft and the synced one are the same response.
    const [, args] = saves()[0] ?? [];
    expect(replyDraftStore().load('u-op', report.id)?.responseId).toBe(
      (args as { responseId: string }).responseId,
    );
  });

  it('syncs what is new when the composer closes', async () => {
    const fake = service(operator);
    const mutate = vi.spyOn(fake, 'mutate');
    await openReport(fake, operator);
    await chooseFollowUp();
    await type(hole('laporan.kategori'), 'jalan rusak');
    await click(
      [...document.querySelectorAll('.reply-composer button')].find((b) =>
        text(b).startsWith('Tutup'),
      ) ?? null,
    );
    const saves = mutate.mock.calls.filter(([name]) => name === 'response.saveDraft');
    expect(saves).toHaveLength(1);
    expect((saves[0]?.[1] as { body: string }).body).toContain('{{laporan.lokasi}}');
    expect(replyDraftStore().load('u-op', report.id)?.fills).toEqual({
      'laporan.kategori': 'jalan rusak',
    });
    expect(document.activeElement).toBe(writeButton());
  });

  it('continues a returned response with the reviewer’s comment shown to its author', async () => {
    await openReport(service(operator, [returned]), operator);
    const banner = document.querySelector('[data-reply-returned]');
    expect(text(banner)).toContain('Dikembalikan oleh Rina Kusuma');
    expect(text(banner)).toContain('Sebutkan kapan jalan diperbaiki.');
    await click(writeButton());
    // The returned body is the source; its placeholders are holes again.
    expect(holes().map((h) => h.getAttribute('data-reply-hole'))).toEqual(['laporan.kategori']);
    expect(text(document.querySelector('[data-reply-returned]'))).toContain(
      'Sebutkan kapan jalan diperbaiki.',
    );
  });
});

describe('approving a response', () => {
  it('approves and publishes a submitted response in one step', async () => {
    const fake = service(liaison, [submitted]);
    const mutate = vi.spyOn(fake, 'mutate');
    await openReport(fake, liaison);
    expect(text(document.querySelector('[data-reply-review-text]'))).toBe(submitted.body);
    expect(writeButton()).toBeNull();
    await click(document.querySelector('[data-reply-review="publish"]'));
    expect(mutate).toHaveBeenCalledWith('response.approve', {
      reportId: report.id,
      responseId: 'resp-1',
      publish: true,
    });
    expect(text(section())).toContain('Tanggapan disetujui dan diterbitkan kepada pelapor.');
  });

  it('returns a response only with a comment for its author', async () => {
    const fake = service(liaison, [submitted]);
    const mutate = vi.spyOn(fake, 'mutate');
    await openReport(fake, liaison);
    await click(document.querySelector('[data-reply-review="return"]'));
    const comment = document.querySelector('.reply-review textarea');
    expect(document.activeElement).toBe(comment);

    await type(comment, '   ');
    await click(document.querySelector('[data-reply-review="return-confirm"]'));
    expect(mutate.mock.calls.filter(([name]) => name === 'response.return')).toEqual([]);
    expect(text(section())).toContain('Tulis catatan untuk penulis');

    await type(comment, 'Sebutkan jadwal perbaikan jalan.');
    await click(document.querySelector('[data-reply-review="return-confirm"]'));
    expect(mutate).toHaveBeenCalledWith('response.return', {
      reportId: report.id,
      responseId: 'resp-1',
      comment: 'Sebutkan jadwal perbaikan jalan.',
    });
    expect(text(section())).toContain('Tanggapan dikembalikan kepada penulis dengan catatan.');
  });

  it('shows a unit operator the response waiting for approval, without review buttons', async () => {
    await openReport(service(operator, [submitted]), operator);
    expect(text(document.querySelector('[data-reply-waiting]'))).toContain(
      'menunggu persetujuan Pejabat Penghubung',
    );
    expect(document.querySelector('[data-reply-review]')).toBeNull();
    expect(writeButton()).toBeNull();
  });
});
