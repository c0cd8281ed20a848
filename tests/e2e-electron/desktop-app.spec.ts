// The packaged desktop app under Electron: runs where the Electron binary exists, and is skipped
// with the reason printed where it does not (machines without access to Electron's releases).
import { _electron as electron, expect, test } from '@playwright/test';
import { electronBinary } from '../../scripts/electron-binary.cjs';

const binary = electronBinary();
const skipReason = 'reason' in binary ? `Electron suite skipped: ${binary.reason}` : null;
if (skipReason) console.log(skipReason);

test.describe('desktop app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('opens a sandboxed window on the Indonesian sign-in screen with only window.posko exposed', async () => {
    if (!('path' in binary)) return;
    const app = await electron.launch({ executablePath: binary.path, args: ['.'] });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { name: 'Masuk ke Posko' })).toBeVisible();
      const exposed = await window.evaluate(() => ({
        bridgeKeys: Object.keys((window as unknown as { posko: object }).posko).sort(),
        hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
        hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
      }));
      expect(exposed).toEqual({
        bridgeKeys: ['invoke', 'on'],
        hasRequire: false,
        hasProcess: false,
      });
      const info = await window.evaluate(() =>
        (
          window as unknown as { posko: { invoke(c: string, r: object): Promise<unknown> } }
        ).posko.invoke('app:info', {}),
      );
      expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
    } finally {
      await app.close();
    }
  });
});
