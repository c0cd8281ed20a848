// The app shell in the browser host, driven as an operator would: sign-in screen in Indonesian,
// language switch, sign-in errors, the workspace, settings, keyboard navigation, sign-out.
import { mkdirSync } from 'node:fs';
import { expect, test, type Page, type Route } from '@playwright/test';

const SCREENS = 'test-results/screens';
mkdirSync(SCREENS, { recursive: true });

// A stand-in for the central server's auth routes (the server itself is another part), answering
// exactly the shapes in src-shared/api/auth.ts, with CORS as a real cross-origin server would.
const SERVER = 'http://127.0.0.1:8799';
const cors = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'content-type, authorization',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
};

async function stubAuthServer(page: Page, role = 'admin_instansi') {
  const calls: string[] = [];
  await page.route(`${SERVER}/api/v1/**`, async (route: Route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') {
      await route.fulfill({ status: 204, headers: cors });
      return;
    }
    const path = new URL(request.url()).pathname;
    calls.push(`${request.method()} ${path}`);
    if (path === '/api/v1/auth/login') {
      const body = request.postDataJSON() as { username: string; password: string };
      if (body.password !== 'posko-demo') {
        await route.fulfill({
          status: 401,
          headers: cors,
          json: {
            error: { code: 'auth/invalid-credentials', message: 'Invalid username or password' },
          },
        });
        return;
      }
      await route.fulfill({
        headers: cors,
        json: {
          token: 'token-abc',
          expiresAt: Date.now() + 3_600_000,
          user: {
            id: 'u-1',
            username: body.username,
            displayName: 'Siti Rahmawati',
            role,
            agencyId: 'a-1',
          },
        },
      });
      return;
    }
    await route.fulfill({ status: 204, headers: cors });
  });
  return calls;
}

async function signIn(page: Page, password = 'posko-demo') {
  await page.getByLabel('Alamat server').fill(SERVER);
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => {
    localStorage.clear();
  });
  await page.reload();
});

test('opens on the sign-in screen in Indonesian', async ({ page }) => {
  await expect(page.getByRole('heading', { name: 'Masuk ke Posko' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  await expect(page.getByLabel('Alamat server')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Masuk' })).toBeEnabled();
  await page.screenshot({ path: `${SCREENS}/login.png`, fullPage: true });
});

test('switches the language to English and remembers it after a reload', async ({ page }) => {
  await page.getByLabel('Bahasa').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Sign in to Posko' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Sign in to Posko' })).toBeVisible();
  await page.getByLabel('Language').selectOption('id');
  await expect(page.getByRole('heading', { name: 'Masuk ke Posko' })).toBeVisible();
});

test('explains an invalid server address and an unreachable server in Indonesian', async ({
  page,
}) => {
  await page.getByLabel('Alamat server').fill('ftp://lapor');
  await page.getByLabel('Nama pengguna').fill('admin');
  await page.getByLabel('Kata sandi').fill('x');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Alamat server tidak valid/);

  // Port 9 (discard) on loopback has nothing listening: the request fails as it would offline.
  await page.getByLabel('Alamat server').fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Server tidak dapat dihubungi/);
});

test('refuses wrong credentials with the server’s answer', async ({ page }) => {
  await stubAuthServer(page);
  await signIn(page, 'salah');
  await expect(page.getByRole('alert')).toHaveText('Nama pengguna atau kata sandi salah.');
  await expect(page.getByRole('heading', { name: 'Masuk ke Posko' })).toBeVisible();
});

test('signs in to the workspace, moves between panes by keyboard, and stays signed in after a reload', async ({
  page,
}) => {
  const calls = await stubAuthServer(page);
  await signIn(page);
  await expect(page.getByText('Masuk sebagai Siti Rahmawati')).toBeVisible();
  expect(calls).toContain('POST /api/v1/auth/login');

  const queues = page.getByRole('navigation', { name: 'Antrean' });
  await expect(queues.getByRole('button', { name: /Belum Terverifikasi/ })).toBeVisible();
  await expect(queues.getByRole('button', { name: /Jatuh Tempo Hari Ini/ })).toBeVisible();
  // An admin does not approve responses: that queue belongs to liaison officers.
  await expect(queues.getByRole('button', { name: /Menunggu Persetujuan/ })).toHaveCount(0);
  await queues.getByRole('button', { name: /Tertunda/ }).click();
  await expect(page.getByRole('heading', { name: 'Tertunda', level: 1 })).toBeVisible();
  await expect(page.getByText('Belum ada laporan di antrean ini')).toBeVisible();
  await expect(page.getByTestId('connection')).toHaveText(/Daring/);
  await page.screenshot({ path: `${SCREENS}/workspace.png`, fullPage: true });

  await page.keyboard.press('F6');
  await expect(page.getByRole('main', { name: 'Daftar laporan' })).toBeFocused();
  await page.keyboard.press('F6');
  await expect(page.getByRole('region', { name: 'Rincian laporan' })).toBeFocused();
  await page.keyboard.press('F6');
  await expect(queues.locator(':focus')).toHaveCount(1);

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Pintasan papan ketik' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await page.reload();
  await expect(page.getByText('Masuk sebagai Siti Rahmawati')).toBeVisible();
});

test('shows the liaison officer the approval queue', async ({ page }) => {
  await stubAuthServer(page, 'pejabat_penghubung');
  await signIn(page);
  await expect(
    page
      .getByRole('navigation', { name: 'Antrean' })
      .getByRole('button', { name: /Menunggu Persetujuan/ }),
  ).toBeVisible();
});

test('opens settings by keyboard, switches to the dark theme, and signs out', async ({ page }) => {
  await stubAuthServer(page);
  await signIn(page);
  await expect(page.getByText('Masuk sebagai Siti Rahmawati')).toBeVisible();

  await page.keyboard.press('Control+,');
  await expect(page.getByRole('heading', { name: 'Pengaturan', level: 1 })).toBeVisible();
  await expect(page.getByTestId('app-version')).toHaveText(/Browser host/);
  await page.getByRole('button', { name: 'Periksa pembaruan' }).click();
  await expect(page.getByTestId('update-status')).toHaveText(/tidak tersedia/);
  await page.getByLabel('Gelap').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.screenshot({ path: `${SCREENS}/settings-dark.png`, fullPage: true });
  await page.getByLabel('Terang').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.screenshot({ path: `${SCREENS}/settings.png`, fullPage: true });

  await page.keyboard.press('Escape');
  await expect(page.getByText('Masuk sebagai Siti Rahmawati')).toBeVisible();
  await page.getByRole('button', { name: 'Keluar' }).click();
  await expect(page.getByRole('heading', { name: 'Masuk ke Posko' })).toBeVisible();
  // The remembered profile pre-fills the form; the token is gone.
  await expect(page.getByLabel('Nama pengguna')).toHaveValue('admin');
  const tokens = await page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('posko.session.')),
  );
  expect(tokens).toEqual([]);
});

test('serves the app with a content security policy that forbids inline script', async ({
  page,
}) => {
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain("'unsafe-inline'");
});
