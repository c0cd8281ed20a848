// Replying end to end (issue 7), against the real central server. 1: an operator writes a personal
// template using {{unit.nama}}, which a report disposed to the office without a unit leaves empty;
// replying from it, the preview shows that hole as an input marked invalid and sending is blocked
// (the send button shows the hole); filled in while offline, the reply waits in the outbox and
// goes for approval once the server is reachable again; a liaison officer
// approves and publishes it, and the citizen's public view shows exactly that text. 2: a bulk
// reply to 20 reports publishes 18 and holds back the 2 whose unit is unknown, sending nothing
// for them.
import { expect, test, type Page } from '@playwright/test';
import {
  API,
  SCREENS,
  SERVER,
  apiToken,
  blockServer,
  detail,
  fileReport,
  pendingCount,
  pushAs,
  queue,
  row,
  serverState,
  signIn,
  waitSynced,
  type Filed,
} from './e2e-support';

test.use({ viewport: { width: 1400, height: 900 } });

const OFFICE = 'sukamaju-dinkes';
const UNIT = 'sukamaju-dinkes-u1';
const UNIT_NAME = 'Bidang Pelayanan Kesehatan';
const HOLE = 'Nama unit kerja yang menangani (unit.nama), wajib diisi';

// ---------------------------------------------------------------------------------------------
// The scene and the server, through the API

/** Disposes each report to the health office (to its first unit where `withUnit`), in progress. */
async function putInProgress(reports: readonly Filed[], withUnit: (r: Filed) => boolean) {
  await pushAs(
    'admin',
    reports.map((report) => ({
      name: 'report.verifyDispose',
      args: {
        reportId: report.reportId,
        targetAgencyId: OFFICE,
        ...(withUnit(report) ? { targetUnitId: UNIT } : {}),
      },
    })),
  );
  await pushAs(
    'operator',
    reports.map((report) => ({
      name: 'report.startProcessing',
      args: { reportId: report.reportId },
    })),
  );
}

interface PublicView {
  status: string | null;
  responses: { body: string }[];
}

/** What anyone with the tracking number sees (no citizen token). */
async function publicView(report: Filed): Promise<PublicView> {
  const response = await fetch(`${API}/reports/${report.trackingId}`);
  expect(response.status).toBe(200);
  return (await response.json()) as PublicView;
}

/** The report's responses on the server, as `username` may see them: state and text. */
async function responsesOf(
  username: string,
  reports: readonly Filed[],
): Promise<{ state: unknown; body: unknown }[][]> {
  const state = await serverState(await apiToken(username));
  return reports.map((report) =>
    state.of('response', report.reportId).map((r) => ({ state: r['state'], body: r['body'] })),
  );
}

async function statusesOf(reports: readonly Filed[]): Promise<string[]> {
  const state = await serverState(await apiToken('penghubung'));
  return reports.map((report) => state.report(report.reportId)?.status ?? 'missing');
}

// ---------------------------------------------------------------------------------------------
// The app

/** Opens the queue filtered to `search` and selects the report. */
async function openReport(page: Page, queueId: string, search: string, report: Filed) {
  await queue(page, queueId).click();
  const box = page.getByRole('searchbox', { name: 'Cari laporan' });
  await box.fill(search);
  await box.press('Enter');
  await row(page, report).click();
  await expect(detail(page).locator('#detail-title')).toHaveText(report.title);
}

// ---------------------------------------------------------------------------------------------

test('a reply from a template with an empty variable is blocked until filled, then approved and published', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const word = `tanggap${stamp}`;
  const report = await fileReport(`Stok obat di puskesmas kosong ${word}`);
  // To the office, not to a unit: {{unit.nama}} is empty for this report.
  await putInProgress([report], () => false);

  const templateName = `Tindak lanjut unit ${stamp}`;
  const templateBody =
    'Yth. Bapak/Ibu Pelapor,\n' +
    'Laporan Anda nomor {{laporan.nomor}} sedang ditindaklanjuti oleh {{unit.nama}}.\n' +
    'Hasilnya akan kami sampaikan melalui kanal ini.';
  const expected =
    'Yth. Bapak/Ibu Pelapor,\n' +
    `Laporan Anda nomor ${report.trackingId} sedang ditindaklanjuti oleh ${UNIT_NAME}.\n` +
    'Hasilnya akan kami sampaikan melalui kanal ini.';

  await signIn(page, 'operator');
  await waitSynced(page);

  // 1. A personal template in the library, saved with Ctrl+S.
  await page.getByRole('button', { name: 'Pustaka templat' }).click();
  await expect(page.getByRole('heading', { name: 'Pustaka templat', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Templat baru' }).click();
  const editor = page.getByRole('form', { name: 'Editor templat' });
  await editor.getByLabel('Nama', { exact: true }).fill(templateName);
  await editor.getByRole('combobox', { name: 'Jenis' }).selectOption('tindak_lanjut');
  await expect(editor.getByRole('radio', { name: 'Pribadi' })).toBeChecked();
  const body = editor.getByLabel('Isi templat');
  await body.fill(templateBody);
  await page.screenshot({ path: `${SCREENS}/template-editor.png` });
  await body.press('Control+s');
  await expect(editor.getByText('Tersimpan.', { exact: true })).toBeVisible();
  await expect(editor.getByTestId('template-meta')).toContainText('Pribadi');
  await page.getByRole('button', { name: /Kembali ke kotak masuk/ }).click();

  // 2. The report in progress; a reply from the template: the unit's name is a hole.
  await openReport(page, 'in_progress', word, report);
  await detail(page)
    .getByRole('button', { name: /Tulis tanggapan/ })
    .click();
  await expect(page.getByRole('combobox', { name: 'Cari templat' })).toBeFocused();
  await page.getByRole('combobox', { name: 'Cari templat' }).fill(stamp);
  await page.getByRole('option').filter({ hasText: templateName }).click();
  const hole = detail(page).getByRole('textbox', { name: HOLE });
  await expect(hole).toHaveAttribute('aria-invalid', 'true');
  await expect(hole).toBeFocused(); // the composer opens on what is left to do
  await expect(
    detail(page).getByRole('status').filter({ hasText: 'isian belum diisi' }),
  ).toHaveText('1 isian belum diisi: unit.nama');
  const preview = detail(page).getByRole('group', { name: /^Pratinjau/ });
  await expect(preview).toContainText(`Laporan Anda nomor ${report.trackingId}`);

  // Sending is blocked: the button says so, and pressing it goes to the hole.
  const send = detail(page).getByRole('button', { name: 'Ajukan untuk persetujuan' });
  await expect(send).toHaveAttribute('aria-disabled', 'true');
  // aria-disabled, not disabled: it stays focusable, and pressing it shows what is left.
  await send.focus();
  await expect(hole).not.toBeFocused();
  await page.keyboard.press('Enter');
  await expect(hole).toBeFocused();
  await expect(hole).toHaveAttribute('aria-invalid', 'true');
  await page.screenshot({ path: `${SCREENS}/reply-composer.png` });

  // 3. Offline, filled in place: complete; it waits in the outbox, then goes for approval with
  // the full text once the server answers again.
  await blockServer(page.context());
  await hole.fill(UNIT_NAME);
  await expect(hole).toHaveAttribute('aria-invalid', 'false');
  await expect(detail(page).getByText('Semua isian sudah lengkap.')).toBeVisible();
  await expect(send).toHaveAttribute('aria-disabled', 'false');
  await send.click();
  await expect(detail(page).getByText('Tanggapan diajukan untuk persetujuan')).toBeVisible();
  await expect(pendingCount(page)).toHaveText(/1/, { timeout: 20_000 });
  // Nothing submitted reached the server (a draft synced before going offline may have).
  const offlineStates = (await responsesOf('operator', [report]))[0]?.map((r) => r.state) ?? [];
  expect(offlineStates.filter((state) => state !== 'draft')).toEqual([]);
  await page.context().unroute(`${SERVER}/**`);
  await expect(pendingCount(page)).toHaveCount(0, { timeout: 60_000 });
  await waitSynced(page);
  await expect
    .poll(() => responsesOf('operator', [report]), { timeout: 30_000 })
    .toEqual([[{ state: 'submitted', body: expected }]]);
  expect((await publicView(report)).responses).toEqual([]);

  // 4. The liaison officer approves and publishes it from the approval queue.
  const liaisonContext = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const liaison = await liaisonContext.newPage();
  await signIn(liaison, 'penghubung');
  await waitSynced(liaison);
  await openReport(liaison, 'awaiting_approval', word, report);
  await expect(detail(liaison).locator('[data-reply-review-text]')).toHaveText(expected);
  await detail(liaison).getByRole('button', { name: 'Setujui & terbitkan' }).click();
  await expect(
    detail(liaison).getByText('Tanggapan disetujui dan diterbitkan kepada pelapor.'),
  ).toBeVisible();
  await waitSynced(liaison);

  // 5. The citizen reads exactly that text; the report is answered.
  await expect
    .poll(async () => (await publicView(report)).responses.map((r) => r.body), {
      timeout: 30_000,
    })
    .toEqual([expected]);
  expect((await publicView(report)).status).toBe('responded');
  expect(await statusesOf([report])).toEqual(['responded']);
  expect(await responsesOf('penghubung', [report])).toEqual([
    [{ state: 'published', body: expected }],
  ]);

  // 6. The answered report counts down to automatic completion, in the pane and among the
  // follow-ups (`g f`; other tests' reports may come first there).
  await expect(detail(liaison)).toContainText('Selesai otomatis dalam 10 hari kerja');
  await liaison.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
  });
  await liaison.keyboard.press('g');
  await liaison.keyboard.press('f');
  await liaison.locator('input[name="follow-up-window"][value="10"]').check();
  const followUps = liaison.getByRole('list', {
    name: 'Laporan yang tindak lanjutnya jatuh tempo',
  });
  await expect(followUps.getByRole('listitem').first()).toBeVisible();
  await liaison.screenshot({ path: `${SCREENS}/follow-up.png` });
  await liaisonContext.close();
});

test('a bulk reply to 20 reports publishes 18 and holds back the 2 with an empty variable', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const word = `balasmassal${stamp}`;
  const reports: Filed[] = [];
  for (let i = 1; i <= 20; i++) {
    reports.push(await fileReport(`Antrean pendaftaran puskesmas ${word} nomor ${String(i)}`));
  }
  // The last two go to the office without a unit: {{unit.nama}} is empty for them.
  const held = reports.slice(18);
  const sent = reports.slice(0, 18);
  await putInProgress(reports, (report) => !held.includes(report));

  const source =
    'Laporan nomor {{laporan.nomor}} telah diteruskan kepada {{unit.nama}} dan sedang ditindaklanjuti.';
  const textFor = (report: Filed) =>
    `Laporan nomor ${report.trackingId} telah diteruskan kepada ${UNIT_NAME} dan sedang ditindaklanjuti.`;

  // A short undo window (a device setting, 10 s by default): the batch is sent a second after.
  await context.addInitScript(() => {
    window.localStorage.setItem('posko.undoWindowSeconds', '1');
  });
  await signIn(page, 'penghubung');
  await waitSynced(page);

  // The 20, in the in-progress queue filtered to their word; all selected with Ctrl+A.
  await queue(page, 'in_progress').click();
  const search = page.getByRole('searchbox', { name: 'Cari laporan' });
  await search.fill(word);
  await search.press('ArrowDown');
  const grid = page.getByRole('grid', { name: /Daftar laporan|Laporan/ });
  await expect(grid).toBeFocused();
  await expect(grid).toHaveAttribute('aria-rowcount', '21');
  await page.keyboard.press('Control+A');
  await expect(page.getByTestId('bulk-count')).toContainText('20');
  await page.keyboard.press('r');

  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Isi tanggapan').fill(source);
  await dialog.getByRole('radio', { name: /Terbitkan langsung/ }).check();
  await dialog.getByRole('button', { name: 'Periksa' }).click();

  // The confirmation: 18 to send and publish, 2 held back and named, the first texts exact.
  await expect(dialog.getByTestId('bulk-sentence')).toHaveText(
    'Kirim dan terbitkan tanggapan ke 18 laporan · 2 ditahan',
  );
  const heldList = dialog.getByTestId('bulk-reply-held');
  await expect(heldList.getByRole('heading')).toHaveText('Ditahan (2)');
  await expect(heldList.getByRole('listitem')).toHaveText(
    held.map((report) => `#${report.trackingId} — isian kosong: unit.nama`),
    { useInnerText: true },
  );
  const samples = dialog.locator('.bulk-reply__item');
  await expect(samples.first()).toBeVisible();
  const sampleIds = await samples.evaluateAll((items) =>
    items.map((item) => item.getAttribute('data-report-id') ?? ''),
  );
  expect(sampleIds.length).toBeGreaterThan(0);
  for (const [i, reportId] of sampleIds.entries()) {
    const report = sent.find((r) => r.reportId === reportId);
    expect(report, `sample ${reportId} is one of the 18`).toBeDefined();
    if (report !== undefined) {
      await expect(samples.nth(i).getByTestId('bulk-reply-text')).toHaveText(textFor(report));
    }
  }
  await page.screenshot({ path: `${SCREENS}/bulk-reply.png` });
  await dialog.getByTestId('bulk-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('undo-toast')).toBeVisible();

  // Once the undo window has passed: exactly one published response on each of the 18, with its
  // own number; nothing at all on the 2 held back, which stay in progress.
  await expect
    .poll(() => statusesOf(reports), { timeout: 40_000 })
    .toEqual([...sent.map(() => 'responded'), ...held.map(() => 'in_progress')]);
  expect(await responsesOf('penghubung', reports)).toEqual([
    ...sent.map((report) => [{ state: 'published', body: textFor(report) }]),
    ...held.map(() => []),
  ]);
  const first = sent[0];
  if (first === undefined) throw new Error('no report was sent');
  expect((await publicView(first)).responses.map((r) => r.body)).toEqual([textFor(first)]);
  for (const report of held) expect((await publicView(report)).responses).toEqual([]);
  await waitSynced(page);
});
