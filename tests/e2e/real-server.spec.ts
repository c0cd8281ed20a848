// Sign-in against the real central server (embedded PGlite with the demo province), started by
// playwright.config.ts: the browser host offers it from `?server=`, the demo users sign in, and
// sign-in mistakes come back as the server's own answers.
import { expect, test } from '@playwright/test';

const SERVER = `http://127.0.0.1:${process.env['POSKO_E2E_SERVER_PORT'] ?? '4318'}`;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.clear();
  });
});

test('offers the server named in the address and signs the demo admin in', async ({ page }) => {
  await page.goto(`/?server=${encodeURIComponent(SERVER)}`);
  await expect(page.getByLabel('Alamat server')).toHaveValue(SERVER);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill('posko-demo');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByText(/^Masuk sebagai /)).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText(/Daring/);
});

test('shows the real server’s refusal of a wrong password', async ({ page }) => {
  await page.goto(`/?server=${encodeURIComponent(SERVER)}`);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill('bukan-sandinya');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
});

test('signs out through the server, which then refuses the old token', async ({
  page,
  request,
}) => {
  await page.goto(`/?server=${encodeURIComponent(SERVER)}`);
  await page.getByLabel('Nama pengguna').fill('penghubung');
  await page.getByLabel('Kata sandi').fill('posko-demo');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'Antrean' })
      .getByRole('button', { name: /Menunggu Persetujuan/ }),
  ).toBeVisible();
  const token = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('posko.session.'));
    return key ? localStorage.getItem(key) : null;
  });
  expect(token).not.toBeNull();
  expect(
    (
      await request.get(`${SERVER}/api/v1/me`, {
        headers: { authorization: `Bearer ${token ?? ''}` },
      })
    ).status(),
  ).toBe(200);

  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Posko' })).toBeVisible();
  await expect
    .poll(async () =>
      (
        await request.get(`${SERVER}/api/v1/me`, {
          headers: { authorization: `Bearer ${token ?? ''}` },
        })
      ).status(),
    )
    .toBe(401);
});
