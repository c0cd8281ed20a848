// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { BulkAction } from '../../../../../src-shared/bulk/bulk-action';
import type { SessionUser } from '../../../../../src-shared/api/auth';
import type { Template } from '../../../../../src-shared/domain/template';
import { useBulkStore } from '../../../../../src-renderer/features/bulk/bulk-store';
import type { BulkPreview } from '../../../../../src-renderer/sync/inbox-service';
import { agencies, press, type } from '../inbox/inbox-fixtures';
import {
  byTestId,
  click,
  dialogButton,
  makeReports,
  mountBulk,
  NOW,
  openDialog,
  reportId,
  runKeys,
  select,
  trackingId,
  type BulkHarness,
} from './bulk-fixtures';

let harness: BulkHarness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

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
  displayName: 'Drs. Bambang Hermawan',
  role: 'pejabat_penghubung',
  agencyId: 'dinkes',
};

function tpl(overrides: Partial<Template> & Pick<Template, 'id' | 'name' | 'body'>): Template {
  return {
    kind: 'tindak_lanjut',
    description: '',
    categoryIds: [],
    agencyId: 'dinkes',
    version: 1,
    updatedBy: 'u-admin',
    updatedAt: NOW,
    scope: 'agency',
    ...overrides,
  } as Template;
}

const templates: Template[] = [
  tpl({
    id: 'tpl-proses',
    name: 'Tindak lanjut: sedang diproses',
    description: 'Laporan sedang ditangani unit',
    body: '{{> salam_pembuka}}\nLaporan {{laporan.nomor}} sedang diproses.',
  }),
  tpl({
    id: 'tpl-selesai',
    kind: 'jawaban_akhir',
    name: 'Jawaban akhir: selesai',
    body: 'Laporan {{laporan.nomor}} telah selesai ditindaklanjuti.',
  }),
  tpl({
    id: 'tpl-salam',
    kind: 'cuplikan',
    name: 'salam_pembuka',
    body: 'Yth. {{pelapor.sapaan}},',
  }),
  tpl({
    id: 'tpl-mine',
    scope: 'personal',
    ownerId: 'u-op',
    name: 'Balasan pribadi saya',
    body: 'Terima kasih, {{pelapor.sapaan}}.',
  }),
  tpl({
    id: 'tpl-theirs',
    scope: 'personal',
    ownerId: 'u-other',
    name: 'Balasan orang lain',
    body: 'Rahasia.',
  }),
];

const ids = [reportId(0), reportId(1)];
const field = (selector: string): Element | null => openDialog()?.querySelector(selector) ?? null;
const source = (): string | undefined =>
  openDialog()?.querySelector<HTMLTextAreaElement>('textarea')?.value;
const options = () =>
  [...(openDialog()?.querySelectorAll('select option') ?? [])].map((o) => o.textContent);

/** The action the form built: what the preview was asked. */
function checked(h: BulkHarness): BulkAction | undefined {
  return h.previewBulk.mock.calls.at(-1)?.[0].action;
}

async function openReply(user: SessionUser, reportIds = ids): Promise<BulkHarness> {
  const h = await mountBulk({ user, templates, reports: makeReports(3) });
  await select(reportIds);
  await runKeys('r');
  return h;
}

describe('bulk reply form', () => {
  it('opens from r with a selection and offers the agency and own templates, never snippets', async () => {
    harness = await openReply(operator);
    expect(useBulkStore.getState().dialog).toMatchObject({ kind: 'reply', reportIds: ids });
    expect(openDialog()?.getAttribute('aria-label')).toBe('Balas: 2 laporan dipilih');
    expect(options()).toEqual([
      'Balasan pribadi saya',
      'Jawaban akhir: selesai',
      'Tindak lanjut: sedang diproses',
    ]);
    // Nothing to check yet: the source is empty.
    expect(dialogButton('Periksa')?.disabled).toBe(true);
  });

  it('narrows the list as the operator searches and takes the first match on Enter', async () => {
    harness = await openReply(operator);
    const search = field('input[type="search"]');
    await type(search, 'ditangani');
    expect(options()).toEqual(['Tindak lanjut: sedang diproses']);
    await press(search ?? window, 'Enter');
    expect(source()).toBe('{{> salam_pembuka}}\nLaporan {{laporan.nomor}} sedang diproses.');
    // Enter chose; it did not check.
    expect(harness.previewBulk).not.toHaveBeenCalled();
    await type(search, 'tidak ada yang begini');
    expect(openDialog()?.textContent).toContain('Tidak ada templat yang cocok.');
  });

  it('sends the edited source of the chosen template, submitted for approval', async () => {
    harness = await openReply(operator);
    await type(field('select'), 'tpl-selesai');
    const edited = 'Laporan {{laporan.nomor}} telah selesai. Terima kasih.';
    await type(field('textarea'), edited);
    expect(openDialog()?.textContent).toContain('Diubah dari templat “Jawaban akhir: selesai”.');
    // An operator cannot publish: no choice is offered.
    expect(field('input[type="radio"]')).toBeNull();
    expect(openDialog()?.textContent).toContain('Pejabat Penghubung menyetujui');
    await click(dialogButton('Periksa'));
    expect(checked(harness)).toEqual({
      kind: 'reply',
      templateId: 'tpl-selesai',
      templateName: 'Jawaban akhir: selesai',
      body: edited,
      publish: false,
    });
    expect(harness.previewBulk.mock.calls.at(-1)?.[0].reportIds).toEqual(ids);
  });

  it('shows a syntax error with its line and column, and unknown variables, and waits', async () => {
    harness = await openReply(operator);
    await type(field('textarea'), 'Salam,\nLaporan {{laporan.nomor');
    const alert = field('[role="alert"]');
    expect(alert?.textContent).toContain('baris 2, kolom 9');
    expect(field('textarea')?.getAttribute('aria-invalid')).toBe('true');
    expect(dialogButton('Periksa')?.disabled).toBe(true);

    await type(field('textarea'), 'Yth. {{pelapor.alamat}}');
    expect(field('[role="alert"]')?.textContent).toBe('Variabel tidak dikenal: pelapor.alamat');
    expect(dialogButton('Periksa')?.disabled).toBe(true);

    await type(field('textarea'), 'Yth. {{pelapor.nama}}, terima kasih.');
    expect(field('[role="alert"]')).toBeNull();
    expect(openDialog()?.textContent).toContain('Memakai pelapor.nama');
    expect(dialogButton('Periksa')?.disabled).toBe(false);
  });

  it('lets a liaison officer publish directly', async () => {
    harness = await openReply(liaison);
    await type(field('textarea'), 'Laporan {{laporan.nomor}} telah kami tindak lanjuti.');
    const radios = [...(openDialog()?.querySelectorAll('input[type="radio"]') ?? [])];
    expect(radios.map((r) => r.parentElement?.textContent)).toEqual([
      expect.stringContaining('Ajukan untuk persetujuan') as unknown,
      expect.stringContaining('Terbitkan langsung') as unknown,
    ]);
    expect((radios[0] as HTMLInputElement | undefined)?.checked).toBe(true);
    await click(radios[1] ?? null);
    await click(dialogButton('Periksa'));
    expect(checked(harness)).toMatchObject({ kind: 'reply', templateId: null, publish: true });
  });

  it('offers an admin "Terbitkan langsung" only where the agency lets admins publish', async () => {
    const admin: SessionUser = {
      ...operator,
      id: 'u-adm',
      role: 'admin_instansi',
      agencyId: 'dinkes',
    };
    harness = await openReply(admin);
    expect(field('input[type="radio"]')).toBeNull();
    harness.close();
    harness = await mountBulk({
      user: admin,
      templates,
      agencies: agencies.map((a) =>
        a.id === 'dinkes' ? { ...a, settings: { ...a.settings, adminsMayPublish: true } } : a,
      ),
    });
    await select(ids);
    await runKeys('r');
    expect(openDialog()?.querySelectorAll('input[type="radio"]')).toHaveLength(2);
  });
});

describe('bulk reply confirmation', () => {
  const rendered = (i: number) =>
    `Yth. Bapak/Ibu Warga Teladan,\nLaporan ${trackingId(i)} sedang diproses.`;
  const preview: BulkPreview = {
    applicable: Array.from({ length: 18 }, (_, i) => `r-a${String(i)}`),
    sample: [0, 1, 2].map((i) => ({
      id: reportId(i),
      trackingId: trackingId(i),
      title: `Jalan rusak nomor ${String(i)}`,
      rendered: rendered(i),
    })),
    skipped: [
      {
        reportId: 'r-h1',
        trackingId: '1900123',
        code: 'bulk/missing-values',
        reasonKey: 'bulk.missing_values',
        message: 'held',
        variables: ['pelapor.nama', 'laporan.kategori'],
      },
      {
        reportId: 'r-h2',
        trackingId: '1900124',
        code: 'bulk/missing-values',
        reasonKey: 'bulk.missing_values',
        message: 'held',
        variables: ['unit.nama'],
      },
      {
        reportId: 'r-c',
        trackingId: '1900125',
        code: 'mutation/wrong-state',
        reasonKey: 'mutation.report_not_in_progress',
        message: 'closed',
      },
    ],
  };

  async function confirmation(): Promise<BulkHarness> {
    const h = await openReply(operator);
    h.previewBulk.mockResolvedValueOnce(preview);
    await type(field('textarea'), 'Laporan {{laporan.nomor}} sedang diproses.');
    await click(dialogButton('Periksa'));
    return h;
  }

  it('says how many get the reply and how many are held back', async () => {
    harness = await confirmation();
    expect(byTestId('bulk-sentence')?.textContent).toBe(
      'Kirim tanggapan ke 18 laporan untuk disetujui · 2 ditahan',
    );
    // The held-back reports are listed apart; the one other skip is counted as skipped.
    expect(byTestId('bulk-skipped-count')?.textContent).toBe('1');
  });

  it('shows the first three texts exactly as their reporters would read them', async () => {
    harness = await confirmation();
    const texts = [...document.querySelectorAll('[data-testid="bulk-reply-text"]')];
    expect(texts.map((p) => p.textContent)).toEqual([rendered(0), rendered(1), rendered(2)]);
    expect(texts.every((p) => p.classList.contains('reply-text'))).toBe(true);
    expect(openDialog()?.textContent).toContain(`Tanggapan untuk laporan #${trackingId(0)}`);
    expect(openDialog()?.textContent).toContain('… dan 15 laporan lain');
  });

  it('lists the reports held back with the values left empty', async () => {
    harness = await confirmation();
    const held = byTestId('bulk-reply-held');
    expect(held?.querySelector('h3')?.textContent).toBe('Ditahan (2)');
    expect([...(held?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      '#1900123 — isian kosong: pelapor.nama, laporan.kategori',
      '#1900124 — isian kosong: unit.nama',
    ]);
  });

  it('runs the checked reply as one batch', async () => {
    harness = await confirmation();
    await click(byTestId('bulk-confirm'));
    expect(harness.runBulk).toHaveBeenCalledTimes(1);
    expect(harness.runBulk.mock.calls[0]?.[0]).toEqual({
      action: {
        kind: 'reply',
        templateId: null,
        templateName: '',
        body: 'Laporan {{laporan.nomor}} sedang diproses.',
        publish: false,
      },
      reportIds: ids,
    });
  });
});

describe('bulk approval', () => {
  it('asks nothing, then states how many responses are approved and published', async () => {
    harness = await mountBulk({ user: liaison, reports: makeReports(3) });
    await select(ids);
    await runKeys('shift+a');
    expect(openDialog()?.textContent).toContain('disetujui dan langsung terbit');
    harness.previewBulk.mockResolvedValueOnce({
      applicable: [reportId(0)],
      sample: [{ id: reportId(0), trackingId: trackingId(0), title: 'Jalan rusak nomor 0' }],
      skipped: [
        {
          reportId: reportId(1),
          trackingId: trackingId(1),
          code: 'bulk/no-submitted-response',
          reasonKey: 'bulk.no_submitted_response',
          message: 'none',
        },
      ],
    });
    await click(dialogButton('Periksa'));
    expect(harness.previewBulk.mock.calls.at(-1)?.[0]).toEqual({
      action: { kind: 'approve_responses' },
      reportIds: ids,
    });
    expect(byTestId('bulk-sentence')?.textContent).toBe('Setujui & terbitkan 1 tanggapan');
    await click(field('button[aria-expanded]'));
    expect(openDialog()?.querySelector('.bulk-skips li')?.textContent).toBe(
      `#${trackingId(1)} Tidak ada tanggapan yang menunggu persetujuan.`,
    );
  });
});
