// The official letter end to end (issue 7): a report answered and published on the real server,
// opened by the liaison officer in the browser host, "Unduh surat (PDF)" → the letter dialog →
// "Simpan PDF", which hands the letter to the browser's print dialog from a hidden frame. The
// HTML that frame printed is captured, printed to an A4 PDF with page.pdf() and read back with
// pdf.js: the letterhead, number, date, salutation, body and signer are in it, and an anonymous
// reporter's name is not.
import { expect, test, type Page } from '@playwright/test';
import {
  API,
  SCREENS,
  apiToken,
  detail,
  queue,
  row,
  signIn,
  waitSynced,
  type Filed,
} from './e2e-support';

test.use({ viewport: { width: 1400, height: 900 } });

const AGENCY = 'Dinas Kesehatan Kota Sukamaju';
const ADDRESS = 'Jalan Merdeka No. 12, Kelurahan Cempaka, Sukamaju 43113';
const LIAISON = 'Drs. Bambang Hermawan, M.Si.';
const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const BODY_LINES = [
  'Terima kasih atas laporan yang Bapak/Ibu sampaikan melalui SP4N-LAPOR!.',
  'Puskesmas Sukamaju Utara telah menambah dua loket pendaftaran mulai pekan ini.',
];

// ---------------------------------------------------------------------------------------------
// The server: a report filed, disposed, answered and published through the sync API

let citizens = 0;

async function fileAsCitizen(title: string, reporterName: string, anonim: boolean): Promise<Filed> {
  citizens += 1;
  const response = await fetch(`${API}/reports`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-forwarded-for': `10.77.${String(process.pid % 250)}.${String(citizens)}`,
    },
    body: JSON.stringify({
      title,
      body: `Antrean pendaftaran di puskesmas mengular sejak pagi. ${title}.`,
      location: { text: 'Kelurahan Cempaka, Kota Sukamaju' },
      type: 'pengaduan',
      channel: 'web',
      privacy: { rahasia: false, anonim },
      reporter: { name: reporterName, phone: '081298765432' },
      targetAgencyId: 'kota-sukamaju',
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const filed = (await response.json()) as { reportId: string; trackingId: string };
  return { ...filed, title };
}

/** The server's newest version the user can see: the base of the next mutation. */
async function currentVersion(token: string): Promise<number> {
  for (let cursor = 0; ;) {
    const response = await fetch(`${API}/sync/pull`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ cursor, limit: 5000 }),
    });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { cursor: number; hasMore: boolean };
    cursor = page.cursor;
    if (!page.hasMore) return cursor;
  }
}

/** Pushes one user's mutations as a fresh client; every one must apply. */
async function act(
  username: string,
  mutations: readonly { name: string; args: Record<string, unknown> }[],
): Promise<void> {
  const token = await apiToken(username);
  const clientId = `e2e-letter-${username.replace(/[^A-Za-z0-9]/g, '')}-${String(Date.now())}`;
  const baseVersion = await currentVersion(token);
  const response = await fetch(`${API}/sync/push`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      clientId,
      mutations: mutations.map((m, i) => ({
        clientId,
        id: i + 1,
        baseVersion,
        at: Date.now(),
        name: m.name,
        args: m.args,
      })),
    }),
  });
  const text = await response.text();
  expect(response.status, text).toBe(200);
  const results = (JSON.parse(text) as { results: { status: string }[] }).results;
  expect(
    results.map((r) => r.status),
    text,
  ).toEqual(mutations.map(() => 'applied'));
}

/** The report disposed to the health office, answered by its operator, published by the liaison. */
async function publishAnswer(report: Filed): Promise<void> {
  const reportId = report.reportId;
  const responseId = `resp-letter-${reportId}`;
  await act('admin', [
    {
      name: 'report.verifyDispose',
      args: { reportId, targetAgencyId: 'sukamaju-dinkes', targetUnitId: 'sukamaju-dinkes-u2' },
    },
  ]);
  await act('operator', [
    { name: 'report.startProcessing', args: { reportId } },
    {
      name: 'response.send',
      args: { reportId, responseId, body: BODY_LINES.join('\n\n'), publish: false },
    },
  ]);
  await act('penghubung', [
    { name: 'response.approve', args: { reportId, responseId, publish: true } },
  ]);
}

// ---------------------------------------------------------------------------------------------
// The app

/** Opens the report in the "Ditindaklanjuti" queue, found by its tracking number. */
async function openResponded(page: Page, report: Filed): Promise<void> {
  await queue(page, 'responded').click();
  const search = page.getByRole('searchbox', { name: 'Cari laporan' });
  await search.fill(report.trackingId);
  await search.press('Enter');
  await row(page, report).click();
  await expect(detail(page).locator('#detail-title')).toHaveText(report.title);
}

/** Records the HTML of every print frame the page adds (the browser host's print path). */
async function capturePrintFrames(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { __printed: string[] }).__printed = seen;
    new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) {
          if (node instanceof HTMLIFrameElement && node.dataset['poskoPrint'] !== undefined) {
            seen.push(node.srcdoc);
          }
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
}

const printed = (page: Page) =>
  page.evaluate(() => (window as unknown as { __printed: string[] }).__printed);

/** "Unduh surat (PDF)" → the dialog → "Simpan PDF": the HTML the browser was asked to print. */
async function printLetter(
  page: Page,
  report: Filed,
  screenshot: string,
): Promise<{ html: string; number: string; date: string }> {
  await capturePrintFrames(page);
  await detail(page)
    .getByRole('button', { name: /Unduh surat \(PDF\)/ })
    .click();
  const dialog = page.getByRole('dialog', {
    name: `Surat tindak lanjut laporan #${report.trackingId}`,
  });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Nama penanda tangan')).toHaveValue(LIAISON);
  const number = await dialog.getByLabel('Nomor surat').inputValue();
  expect(number).toMatch(new RegExp(`^B/${report.trackingId}/DINKES/[IVX]+/20\\d\\d$`));
  // The date field holds the day of publication; the letter writes it out in Indonesian.
  const [year, month, day] = (await dialog.getByLabel('Tanggal surat').inputValue()).split('-');
  const date = `${String(Number(day))} ${MONTHS[Number(month) - 1] ?? '?'} ${year ?? '?'}`;

  // The preview is styled even under the page's CSP (no inline styles allowed there).
  const preview = dialog.frameLocator('iframe.letter-preview');
  await expect(preview.locator('.kop__agency')).toHaveText(AGENCY.toUpperCase());
  await expect(preview.locator('.kop')).toHaveCSS('display', 'grid');
  await page.screenshot({ path: `${SCREENS}/${screenshot}` });

  await dialog.getByRole('button', { name: 'Simpan PDF' }).click();
  await expect(dialog.getByRole('status')).toHaveText(
    'Dialog cetak peramban telah dibuka. Pilih "Simpan sebagai PDF" sebagai tujuan untuk menyimpan surat.',
  );
  const html = await printed(page);
  expect(html).toHaveLength(1);
  expect(html[0]).toContain(number);
  return { html: html[0] ?? '', number, date };
}

/** The HTML printed to an A4 PDF in a page of its own, as the desktop app's print window does. */
async function pdfText(page: Page, html: string): Promise<string> {
  const printing = await page.context().newPage();
  await printing.setContent(html);
  const pdf = await printing.pdf({ preferCSSPageSize: true, printBackground: true });
  await printing.close();

  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), isEvalSupported: false })
    .promise;
  const lines: string[] = [];
  for (let n = 1; n <= document.numPages; n++) {
    const content = await (await document.getPage(n)).getTextContent();
    for (const item of content.items) {
      if ('str' in item) lines.push(item.str + (item.hasEOL ? '\n' : ''));
    }
  }
  const { height, width } = (await document.getPage(1)).getViewport({ scale: 1 });
  // A4 is 595 × 842 points.
  expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
  return lines.join('').replace(/\s+/g, ' ');
}

// ---------------------------------------------------------------------------------------------

test('the liaison prints a published answer as an official letter with the letterhead', async ({
  page,
}) => {
  const report = await fileAsCitizen('Antrean puskesmas surat resmi', 'Warga Uji Surat', false);
  await publishAnswer(report);

  await signIn(page, 'penghubung');
  await waitSynced(page);
  await openResponded(page, report);
  const { html, number, date } = await printLetter(page, report, 'letter-dialog.png');
  const text = await pdfText(page, html);

  expect(text).toContain(AGENCY.toUpperCase());
  expect(text).toContain('PEMERINTAH KOTA SUKAMAJU');
  expect(text).toContain(ADDRESS);
  expect(text).toContain('Telepon (0266) 221234');
  expect(text).toContain(`Nomor : ${number}`);
  expect(text).toContain(`Sukamaju, ${date}`);
  expect(text).toContain(`Perihal : Tindak Lanjut Laporan Nomor ${report.trackingId}`);
  expect(text).toContain('Yth. Bapak/Ibu Warga Uji Surat');
  for (const line of BODY_LINES) expect(text).toContain(line);
  expect(text).toContain('Pejabat Penghubung Pemerintah Kota Sukamaju,');
  expect(text).toContain(LIAISON);
});

test("the letter to an anonymous reporter never carries the reporter's name", async ({ page }) => {
  const name = 'Sri Rahayu Anonimawati';
  const report = await fileAsCitizen('Antrean puskesmas surat anonim', name, true);
  await publishAnswer(report);

  await signIn(page, 'penghubung');
  await waitSynced(page);
  await openResponded(page, report);
  await expect(detail(page)).not.toContainText(name);
  const { html } = await printLetter(page, report, 'letter-dialog-anonymous.png');
  const text = await pdfText(page, html);

  expect(html).not.toContain(name);
  expect(text).not.toContain('Anonimawati');
  expect(text).toContain('Yth. Bapak/Ibu Pelapor');
  expect(text).toContain(AGENCY.toUpperCase());
  for (const line of BODY_LINES) expect(text).toContain(line);
  expect(text).toContain(LIAISON);
});
