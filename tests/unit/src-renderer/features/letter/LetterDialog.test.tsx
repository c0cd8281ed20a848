// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../../../../src-shared/domain/report';
import type { ReportResponse } from '../../../../../src-shared/domain/response';
import { err, ok, type Result } from '../../../../../src-shared/result';
import {
  resetInboxStore,
  useInboxStore,
} from '../../../../../src-renderer/features/inbox/inbox-store';
import { LetterButton } from '../../../../../src-renderer/features/letter/LetterButton';
import {
  initialLetterState,
  useLetterStore,
} from '../../../../../src-renderer/features/letter/letter-store';
import type {
  LetterSaveOutcome,
  SaveLetter,
} from '../../../../../src-renderer/features/letter/save-letter';
import { useLocaleStore } from '../../../../../src-renderer/i18n/i18n';
import type { ReportDetail } from '../../../../../src-renderer/sync/inbox-service';
import {
  agencies,
  draft,
  liaison,
  published,
  report,
} from '../../../src-shared/letter/letter-fixtures';
import {
  click,
  flush,
  mount,
  press,
  resetKeyboardState,
  type,
  type Mounted,
} from '../inbox/inbox-fixtures';

let mounted: Mounted | null = null;

beforeEach(() => {
  resetInboxStore();
  resetKeyboardState();
  useLetterStore.setState(initialLetterState());
  useLocaleStore.setState({ locale: 'id' });
  useInboxStore.setState({
    reference: {
      agencies: [...agencies.values()],
      users: [liaison],
      categories: [],
      templates: [],
      savedViews: [],
    },
  });
});

afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function detailOf(
  responses: ReportResponse[],
  reportOverrides: Partial<Report> = {},
): ReportDetail {
  return {
    report: report(reportOverrides),
    version: 3,
    pending: [],
    dispositions: [],
    notes: [],
    responses,
    messages: [],
    audit: [],
  };
}

type SaveMock = ReturnType<typeof vi.fn<SaveLetter>>;

function answering(result: Result<LetterSaveOutcome>): SaveMock {
  return vi.fn<SaveLetter>(() => Promise.resolve(result));
}

async function show(detail: ReportDetail, save: SaveLetter = answering(ok({ kind: 'cancelled' }))) {
  mounted = await mount(<LetterButton detail={detail} save={save} />);
}

const button = () => document.querySelector<HTMLButtonElement>('[data-action="letter"]');
const dialog = () => document.querySelector<HTMLDialogElement>('dialog[open]');
const input = (field: string) => document.querySelector<HTMLInputElement>(`#letter-${field}`);
const preview = () => document.querySelector<HTMLIFrameElement>('iframe.letter-preview');
const saveButton = () =>
  [...document.querySelectorAll<HTMLButtonElement>('dialog button')].find(
    (b) => b.textContent === 'Simpan PDF',
  ) ?? null;

async function openDialog(): Promise<void> {
  await click(button());
  expect(dialog()).not.toBeNull();
}

describe('the letter button', () => {
  it('is offered for a published response', async () => {
    await show(detailOf([published()]));
    expect(button()?.textContent).toContain('Unduh surat (PDF)');
  });

  it('is not offered while the report has only a draft', async () => {
    await show(detailOf([draft()]));
    expect(button()).toBeNull();
  });

  it('opens the dialog from the keyboard (Shift+S)', async () => {
    await show(detailOf([published()]));
    expect(dialog()).toBeNull();

    await press(window, 'S', { shiftKey: true });

    expect(dialog()?.getAttribute('aria-label')).toBe('Surat tindak lanjut laporan #1916449');
  });
});

describe('the letter dialog', () => {
  it('prefills number, date, subject and the publishing liaison as signer', async () => {
    await show(detailOf([published()]));
    await openDialog();

    expect(input('number')?.value).toBe('B/1916449/DINKES/XII/2026');
    expect(input('date')?.value).toBe('2026-12-01');
    expect(input('date')?.type).toBe('date');
    expect(input('subject')?.value).toBe('Tindak Lanjut Laporan Nomor 1916449');
    expect(input('signerName')?.value).toBe(liaison.displayName);
    expect(input('signerTitle')?.value).toBe('Pejabat Penghubung Kota Sukamaju');
    expect(input('signerNip')?.value).toBe('');
    // Every field has a visible label.
    expect(document.querySelector('label[for="letter-signerName"]')?.textContent).toContain(
      'Nama penanda tangan',
    );
  });

  it('previews the letter in a frame that may not run scripts', async () => {
    await show(detailOf([published()]));
    await openDialog();

    const frame = preview();
    expect(frame?.getAttribute('sandbox')).toBe('allow-same-origin');
    expect(frame?.getAttribute('title')).toBe('Pratinjau surat');
    const html = frame?.getAttribute('srcdoc') ?? '';
    expect(html).toContain('Yth. Bapak/Ibu Warga Teladan');
    expect(html).toContain('Sukamaju, 1 Desember 2026');
    expect(html).toContain('Petugas telah menambah loket pendaftaran.');
  });

  it('renumbers the letter for a new date until the operator writes a number', async () => {
    await show(detailOf([published()]));
    await openDialog();

    await type(input('date'), '2027-03-05');
    expect(input('number')?.value).toBe('B/1916449/DINKES/III/2027');
    expect(preview()?.getAttribute('srcdoc')).toContain('Sukamaju, 5 Maret 2027');

    await type(input('number'), '800/123/DINKES/2027');
    await type(input('date'), '2027-04-01');
    expect(input('number')?.value).toBe('800/123/DINKES/2027');
    expect(preview()?.getAttribute('srcdoc')).toContain('800/123/DINKES/2027');
  });

  it('marks a blank required field, blocks saving and explains the empty preview', async () => {
    const save = answering(ok({ kind: 'cancelled' }));
    await show(detailOf([published()]), save);
    await openDialog();

    await type(input('signerName'), '  ');

    expect(input('signerName')?.getAttribute('aria-invalid')).toBe('true');
    const errorId = input('signerName')?.getAttribute('aria-describedby') ?? '';
    expect(document.getElementById(errorId)?.textContent).toBe('Wajib diisi.');
    expect(saveButton()?.disabled).toBe(true);
    expect(preview()).toBeNull();
    expect(dialog()?.textContent).toContain('Lengkapi isian surat untuk melihat pratinjau.');
    await click(saveButton());
    expect(save).not.toHaveBeenCalled();
  });

  it('saves the previewed letter as a PDF named after the report and says where', async () => {
    const save = answering(
      ok({ kind: 'saved', path: '/home/ani/Surat-Tindak-Lanjut-1916449.pdf' }),
    );
    await show(detailOf([published()]), save);
    await openDialog();
    await type(input('signerNip'), '19700101 199003 1 001');

    await click(saveButton());

    expect(save).toHaveBeenCalledOnce();
    const [html, fileName] = save.mock.calls[0] ?? [];
    expect(fileName).toBe('Surat-Tindak-Lanjut-1916449.pdf');
    expect(html).toBe(preview()?.getAttribute('srcdoc'));
    expect(html).toContain('NIP. 19700101 199003 1 001');
    expect(document.querySelector('[role="status"]')?.textContent).toBe(
      'Surat disimpan di /home/ani/Surat-Tindak-Lanjut-1916449.pdf.',
    );
  });

  it.each([
    [
      ok({ kind: 'print-dialog' as const }),
      '[role="status"]',
      'Dialog cetak peramban telah dibuka. Pilih "Simpan sebagai PDF" sebagai tujuan untuk menyimpan surat.',
    ],
    [
      ok({ kind: 'cancelled' as const }),
      '[role="status"]',
      'Penyimpanan dibatalkan; surat belum disimpan.',
    ],
    [
      err({ code: 'letter/too-large', message: 'too large' }),
      '[role="alert"]',
      'Surat terlalu besar untuk dicetak. Gunakan logo kop surat yang lebih kecil.',
    ],
    [
      err({ code: 'letter/write-failed', message: 'The letter could not be saved: EACCES' }),
      '[role="alert"]',
      'Surat tidak dapat disimpan: The letter could not be saved: EACCES',
    ],
  ])('tells the operator what became of the letter (%#)', async (result, role, message) => {
    await show(detailOf([published()]), answering(result));
    await openDialog();

    await click(saveButton());

    expect(document.querySelector(`dialog ${role}`)?.textContent).toBe(message);
  });

  it('addresses an anonymous reporter neutrally and says so', async () => {
    const save = answering(ok({ kind: 'cancelled' }));
    await show(
      detailOf([published()], {
        privacy: { rahasia: false, anonim: true },
        reporter: { name: 'Nama Tersembunyi' },
      }),
      save,
    );
    await openDialog();

    expect(dialog()?.textContent).toContain('Pelapor anonim');
    await click(saveButton());
    const [html] = save.mock.calls[0] ?? [];
    expect(html).toContain('Yth. Bapak/Ibu Pelapor');
    expect(html).not.toContain('Nama Tersembunyi');
    expect(dialog()?.textContent).not.toContain('Nama Tersembunyi');
  });

  it('warns when the issuing agency has no letterhead address', async () => {
    useInboxStore.setState({
      reference: {
        agencies: [...agencies.values()].map((a) =>
          a.id === 'sukamaju-dinkes'
            ? {
                ...a,
                settings: { resolutionDays: 14, adminsMayPublish: false, pendingInfoWaitDays: 10 },
              }
            : a,
        ),
        users: [liaison],
        categories: [],
        templates: [],
        savedViews: [],
      },
    });
    await show(detailOf([published()]));
    await openDialog();

    expect(dialog()?.textContent).toContain(
      'Kop surat Dinas Kesehatan Kota Sukamaju belum diatur di pengaturan instansi',
    );
    expect(input('number')?.value).toBe('B/1916449/SUKAMAJU-DINKES/XII/2026');
  });

  it('lets the operator pick among several letter-ready responses', async () => {
    const older = published({
      id: 'resp-old',
      body: 'Jawaban pertama.',
      publishedAt: Date.UTC(2026, 9, 1, 3),
    });
    await show(detailOf([older, published()]));
    await openDialog();
    expect(preview()?.getAttribute('srcdoc')).toContain('Petugas telah menambah loket');

    const select = document.querySelector('dialog select');
    await type(select, 'resp-old');

    expect(preview()?.getAttribute('srcdoc')).toContain('Jawaban pertama.');
    expect(input('date')?.value).toBe('2026-10-01');
    expect(input('number')?.value).toBe('B/1916449/DINKES/X/2026');
  });

  it('closes with the close button and with Escape', async () => {
    await show(detailOf([published()]));
    await openDialog();
    const close = [...document.querySelectorAll<HTMLButtonElement>('dialog button')].find(
      (b) => b.textContent === 'Tutup',
    );
    await click(close ?? null);
    expect(dialog()).toBeNull();
    expect(useLetterStore.getState().reportId).toBeNull();

    await openDialog();
    await flush();
    dialog()?.dispatchEvent(new Event('close'));
    await flush();
    expect(useLetterStore.getState().reportId).toBeNull();
  });
});
