// The offline inbox end to end, against the real central server (fresh demo data, started by
// playwright.config.ts): initial sync with progress, disposing a report, ten actions offline that
// survive a reload and reach the server exactly once, two operators changing the same report
// (needs review, resolved), and citizen text that looks like HTML shown as text. Every test runs
// in a fresh browser context (fresh IndexedDB) and files its own reports through the citizen API.
import { expect, test, type Locator, type Page } from '@playwright/test';
import {
  API,
  SERVER,
  SCREENS,
  apiToken,
  blockServer,
  detail,
  fileReport,
  pendingCount,
  queue,
  row,
  serverState,
  signIn,
  waitSynced,
  type Filed,
} from './e2e-support';

test.use({ viewport: { width: 1400, height: 900 } });

// ---------------------------------------------------------------------------------------------
// The app, driven as an operator would

/** Opens the queue, searches the tracking number and selects the report. */
async function openReport(page: Page, queueId: string, report: Filed): Promise<void> {
  await queue(page, queueId).click();
  const search = page.getByRole('searchbox', { name: 'Cari laporan' });
  await search.fill(report.trackingId);
  await search.press('Enter');
  await row(page, report).click();
  await expect(detail(page).locator('#detail-title')).toHaveText(report.title);
}

/** Whether the report is listed in the queue (searched by its tracking number). */
async function listedIn(page: Page, queueId: string, report: Filed): Promise<void> {
  await queue(page, queueId).click();
  const search = page.getByRole('searchbox', { name: 'Cari laporan' });
  await search.fill(report.trackingId);
  await search.press('Enter');
  await expect(row(page, report)).toBeVisible();
}

/** Clicks an action of the detail pane and returns its dialog. */
async function startAction(page: Page, action: string): Promise<Locator> {
  await detail(page).locator(`.action-bar [data-action="${action}"]`).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  return dialog;
}

async function submitDialog(dialog: Locator, name: string): Promise<void> {
  await dialog.getByRole('button', { name, exact: true }).click();
  await expect(dialog).toBeHidden();
}

async function dispose(page: Page, agencyId: string, unitId?: string): Promise<void> {
  const dialog = await startAction(page, 'verify_dispose');
  await dialog.getByRole('listbox', { name: /^Instansi tujuan/ }).selectOption(agencyId);
  if (unitId !== undefined)
    await dialog.getByRole('combobox', { name: /^Unit kerja/ }).selectOption(unitId);
  await submitDialog(dialog, 'Disposisikan');
}

async function setTags(page: Page, tags: readonly string[]): Promise<void> {
  const dialog = await startAction(page, 'set_tags');
  const input = dialog.getByLabel('Tambah label');
  for (const tag of tags) {
    await input.fill(tag);
    await input.press('Enter');
  }
  await submitDialog(dialog, 'Simpan');
}

async function addNote(page: Page, body: string): Promise<void> {
  const dialog = await startAction(page, 'add_note');
  await dialog.getByRole('textbox').fill(body);
  await submitDialog(dialog, 'Tambah catatan');
}

// ---------------------------------------------------------------------------------------------

test('signs in, shows the initial sync’s progress, and disposes an unverified report', async ({
  page,
  context,
}) => {
  const report = await fileReport(`Lampu penerangan jalan padam di Jl. Kenanga (uji a)`);

  // Hold the first pull page until the progress has been seen: at 60 reports the initial sync is
  // otherwise over before a screenshot could catch it. Waiting on a condition, not on time.
  let release: () => void = () => undefined;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  let held = false;
  await context.route(`${API}/sync/pull`, async (route) => {
    if (!held) {
      held = true;
      await released;
    }
    await route.continue();
  });

  await signIn(page, 'admin');
  await expect(page.getByRole('progressbar', { name: 'Sinkronisasi awal' })).toBeVisible();
  // The queues show the server's first screen and counts, marked as estimates, meanwhile:
  // the report filed above among them, before the rest of the copy has arrived.
  await expect(page.getByTestId('count-unverified')).toHaveText(/^≈[1-9]/);
  await queue(page, 'unverified').click();
  await expect(row(page, report)).toBeVisible();
  await expect(page.getByRole('progressbar', { name: 'Sinkronisasi awal' })).toBeVisible();
  await page.screenshot({ path: `${SCREENS}/inbox-initial-sync.png` });
  release();
  await waitSynced(page);
  await context.unroute(`${API}/sync/pull`);
  await expect(queue(page, 'unverified')).not.toContainText('≈');
  await expect(page.getByTestId('connection')).toHaveText('Daring');

  await openReport(page, 'unverified', report);
  await page.screenshot({ path: `${SCREENS}/inbox.png` });
  await dispose(page, 'sukamaju-dinkes', 'sukamaju-dinkes-u1');

  // It leaves Belum Terverifikasi and shows in Belum Ditindaklanjuti.
  await expect(row(page, report)).toHaveCount(0);
  await listedIn(page, 'disposed', report);
  await expect(pendingCount(page)).toHaveCount(0);

  const token = await apiToken('admin');
  await expect
    .poll(async () => {
      const r = (await serverState(token)).report(report.reportId);
      return r && { status: r.status, agencyId: r.agencyId, unitId: r.unitId };
    })
    .toEqual({ status: 'disposed', agencyId: 'sukamaju-dinkes', unitId: 'sukamaju-dinkes-u1' });
});

test('keeps ten offline actions through a reload and delivers each exactly once', async ({
  page,
  context,
}) => {
  const stamp = Date.now().toString(36);
  const b1 = await fileReport(`Jalan berlubang di depan SDN 3 (uji b1 ${stamp})`);
  const b2 = await fileReport(`Antrean KTP elektronik tidak jelas (uji b2 ${stamp})`);
  const b3 = await fileReport(`Laporan tanpa keterangan (uji b3 ${stamp})`);
  const b4 = await fileReport(`Jembatan provinsi retak (uji b4 ${stamp})`);
  const noteB1 = `Sudah dicek ke lokasi, lubang sedalam 20 cm (${stamp})`;
  const noteB2 = `Pelapor perlu melampirkan nomor antrean (${stamp})`;
  const tundaMessage = `Mohon lengkapi nomor antrean dan tanggal kedatangan (${stamp})`;
  const notAuthorityReason = `Jembatan ini aset provinsi, bukan kewenangan kota (${stamp})`;

  await signIn(page, 'admin');
  await waitSynced(page);
  await context.setOffline(true);

  // B1: six changes, then the disposition.
  await openReport(page, 'unverified', b1);
  const category = await startAction(page, 'set_category');
  const categorySelect = category.getByRole('listbox', { name: /^Kategori/ });
  await categorySelect.selectOption({ index: 1 });
  const categoryId = await categorySelect.inputValue();
  const categoryName = (await categorySelect.locator('option:checked').textContent()) ?? '';
  await submitDialog(category, 'Simpan');
  await expect(page.getByTestId('connection')).toHaveText('Luring');
  await setTags(page, ['jalan-rusak', 'prioritas']);
  const privacy = await startAction(page, 'set_privacy');
  await privacy.getByRole('checkbox').first().check();
  await submitDialog(privacy, 'Simpan');
  await addNote(page, noteB1);
  const assign = await startAction(page, 'assign');
  await assign.getByRole('combobox', { name: /^Petugas/ }).selectOption('user-admin');
  await submitDialog(assign, 'Simpan');
  await dispose(page, 'sukamaju-pupr', 'sukamaju-pupr-u1');
  await expect(row(page, b1)).toHaveCount(0);

  // B2: a note, then tunda. B3: archive. B4: bukan wewenang.
  await openReport(page, 'unverified', b2);
  await addNote(page, noteB2);
  const tunda = await startAction(page, 'tunda');
  await tunda.getByRole('textbox').fill(tundaMessage);
  await submitDialog(tunda, 'Tunda laporan');
  await openReport(page, 'unverified', b3);
  const archive = await startAction(page, 'archive');
  await archive.getByRole('combobox', { name: /^Alasan pengarsipan/ }).selectOption('too_general');
  await submitDialog(archive, 'Arsipkan');
  await openReport(page, 'unverified', b4);
  const notAuthority = await startAction(page, 'not_authority');
  await notAuthority.getByRole('textbox').fill(notAuthorityReason);
  await submitDialog(notAuthority, 'Kembalikan');

  await expect(pendingCount(page)).toHaveText('10 menunggu dikirim');
  await expect(page.getByTestId('connection')).toHaveText('Luring');
  // The status bar stays one line (a 14 px font's line is about 20 px; two would be 40).
  expect((await page.locator('.status-bar').boundingBox())?.height).toBeLessThan(40);
  await page.screenshot({ path: `${SCREENS}/inbox-offline.png` });

  // Reload: the app's host answers, the central server still does not.
  await blockServer(context);
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByText(/^Masuk sebagai /)).toBeVisible();
  await expect(pendingCount(page)).toHaveText('10 menunggu dikirim');
  await expect(page.getByTestId('connection')).toHaveText('Luring');
  await openReport(page, 'disposed', b1);
  await expect(row(page, b1).locator('.pending-marker')).toBeVisible();
  const b1Detail = detail(page);
  await expect(b1Detail.locator('.detail__pending li')).toHaveCount(6);
  await expect(b1Detail.locator('.chips')).toHaveText(/jalan-rusak.*prioritas/);
  await expect(b1Detail).toContainText('Rahasia');
  await expect(b1Detail).toContainText(categoryName);
  await expect(b1Detail.locator('.timeline')).toContainText(noteB1);
  await listedIn(page, 'pending_info', b2);
  await listedIn(page, 'archived', b3);
  await listedIn(page, 'not_authority', b4);
  await queue(page, 'unverified').click();
  for (const report of [b1, b2, b3, b4]) await expect(row(page, report)).toHaveCount(0);

  // Back online: everything goes out, and the client has nothing left to send.
  await context.unroute(`${SERVER}/**`);
  await expect(pendingCount(page)).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('connection')).toHaveText('Daring');
  await expect(page.getByTestId('needs-review')).toHaveCount(0);

  const state = await serverState(await apiToken('admin'));
  expect(state.report(b1.reportId)).toMatchObject({
    status: 'disposed',
    agencyId: 'sukamaju-pupr',
    unitId: 'sukamaju-pupr-u1',
    assigneeId: 'user-admin',
    categoryId,
    tags: ['jalan-rusak', 'prioritas'],
    privacy: { rahasia: true, anonim: false },
  });
  expect(state.of('note', b1.reportId).map((n) => n['body'])).toEqual([noteB1]);
  expect(state.of('disposition', b1.reportId)).toHaveLength(1);
  expect(state.of('audit_event', b1.reportId).map((a) => a['action'])).toEqual(['verify_dispose']);

  expect(state.report(b2.reportId)?.status).toBe('pending_info');
  expect(state.of('note', b2.reportId).map((n) => n['body'])).toEqual([noteB2]);
  expect(state.of('audit_event', b2.reportId).map((a) => [a['action'], a['reason']])).toEqual([
    ['tunda', tundaMessage],
  ]);

  expect(state.report(b3.reportId)?.status).toBe('archived');
  expect(state.of('audit_event', b3.reportId).map((a) => [a['action'], a['reason']])).toEqual([
    ['archive', 'too_general'],
  ]);

  expect(state.report(b4.reportId)?.status).toBe('not_authority');
  expect(state.of('audit_event', b4.reportId).map((a) => [a['action'], a['reason']])).toEqual([
    ['not_authority', notAuthorityReason],
  ]);
});

test('lets the operator who lost a race review and resolve the conflicting changes', async ({
  browser,
}) => {
  const report = await fileReport(`Sampah menumpuk di pasar (uji c ${Date.now().toString(36)})`);
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const [adminContext, koordinatorContext] = contexts;
  try {
    const admin = await adminContext.newPage();
    const koordinator = await koordinatorContext.newPage();
    await signIn(admin, 'admin');
    await signIn(koordinator, 'koordinator');
    await waitSynced(admin);
    await waitSynced(koordinator);

    // The coordinator works offline: new tags, and a disposition to the transport office.
    await koordinatorContext.setOffline(true);
    await openReport(koordinator, 'unverified', report);
    await setTags(koordinator, ['sampah']);
    await dispose(koordinator, 'sukamaju-dishub');
    await expect(pendingCount(koordinator)).toHaveText('2 menunggu dikirim');

    // Meanwhile the agency admin, online, tags it and disposes it to the environment office.
    await openReport(admin, 'unverified', report);
    await setTags(admin, ['kebersihan']);
    await dispose(admin, 'sukamaju-dlh');
    await expect(pendingCount(admin)).toHaveCount(0, { timeout: 30_000 });
    const token = await apiToken('admin');
    await expect
      .poll(async () => (await serverState(token)).report(report.reportId)?.status)
      .toBe('disposed');

    // The coordinator comes back: both changes were overtaken and wait for review.
    await koordinatorContext.setOffline(false);
    // The network's return sends the outbox at once (not after the retry backoff).
    const needsReview = koordinator.getByTestId('needs-review');
    await expect(needsReview).toHaveText('2 perlu ditinjau', { timeout: 10_000 });
    await expect(pendingCount(koordinator)).toHaveCount(0);
    await needsReview.click();
    const panel = koordinator.getByRole('dialog', { name: 'Perubahan perlu ditinjau' });
    await expect(panel).toBeVisible();
    const tagsItem = panel.locator('.review-item').filter({ hasText: 'Ubah label' });
    const disposeItem = panel
      .locator('.review-item')
      .filter({ hasText: 'Verifikasi dan disposisi' });
    await expect(tagsItem).toContainText('Diubah orang lain sebelum perubahan Anda terkirim');
    await expect(tagsItem.locator('tr[data-field="tags"]')).toContainText('sampah');
    await expect(tagsItem.locator('tr[data-field="tags"]')).toContainText('kebersihan');
    // Each item compares what its own change sets, not the operator's other changes.
    await expect(tagsItem.locator('tr[data-field="agency"]')).toHaveCount(0);
    await expect(disposeItem.locator('tr[data-field="agency"]')).toContainText(
      'Dinas Perhubungan Kota Sukamaju',
    );
    await expect(disposeItem.locator('tr[data-field="tags"]')).toHaveCount(0);
    await koordinator.screenshot({ path: `${SCREENS}/inbox-review.png` });

    // Keep the admin's disposition; apply the coordinator's tags on top of it.
    await disposeItem.getByRole('button', { name: 'Buang' }).click();
    await expect(disposeItem).toHaveCount(0);
    await tagsItem.getByRole('button', { name: 'Terapkan lagi pada kondisi baru' }).click();
    await expect(panel.locator('.review-item')).toHaveCount(0);
    await expect(panel).toContainText('Tidak ada perubahan yang perlu ditinjau.');
    await expect(needsReview).toHaveCount(0);
    await expect(pendingCount(koordinator)).toHaveCount(0, { timeout: 30_000 });

    await expect
      .poll(async () => {
        const r = (await serverState(token)).report(report.reportId);
        return r && { status: r.status, agencyId: r.agencyId, tags: r.tags };
      })
      .toEqual({ status: 'disposed', agencyId: 'sukamaju-dlh', tags: ['sampah'] });
    const state = await serverState(token);
    expect(state.of('audit_event', report.reportId).map((a) => a['action'])).toEqual([
      'verify_dispose',
    ]);
    expect(state.of('disposition', report.reportId)).toHaveLength(1);
    // The admin's copy follows by itself (live updates).
    await openReport(admin, 'disposed', report);
    await expect(detail(admin).locator('.chips')).toHaveText('sampah', { timeout: 30_000 });
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});

test('shows citizen text that looks like HTML as literal text, running none of it', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const title = 'Foto <img src=x onerror=alert(1)> jalan rusak <script>alert(2)</script>';
  const body =
    'Lihat <img src=x onerror=alert(1)> di sini.\n<script>alert(2)</script>\n<b>tebal</b> &amp; selesai';
  const report = await fileReport(title, body);

  await signIn(page, 'admin');
  await waitSynced(page);
  await openReport(page, 'unverified', report);
  await expect(row(page, report).locator('.report-row__title')).toHaveText(title);
  await expect(detail(page).locator('#detail-title')).toHaveText(title);
  await expect(detail(page).locator('.detail__text')).toHaveText(body);
  // Nothing of it became markup.
  await expect(page.locator('img')).toHaveCount(0);
  await expect(page.locator('body script')).toHaveCount(0);
  await expect(page.locator('b', { hasText: 'tebal' })).toHaveCount(0);
  expect(await page.evaluate(() => document.title)).not.toContain('<');
  expect(dialogs).toEqual([]);
});
