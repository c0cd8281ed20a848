import { describe, expect, it } from 'vitest';
import { describeUpdateStatus } from '../../../../../src-renderer/features/settings/update-status';
import { translate } from '../../../../../src-renderer/i18n/i18n';
import { effectiveTheme } from '../../../../../src-renderer/features/settings/theme-store';

const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('id', key, params);

describe('update status text', () => {
  it('tells the operator each step of an update in Indonesian', () => {
    expect(describeUpdateStatus({ state: 'checking' }, t)).toBe('Memeriksa pembaruan…');
    expect(describeUpdateStatus({ state: 'available', version: '1.4.0' }, t)).toBe(
      'Versi 1.4.0 tersedia.',
    );
    expect(
      describeUpdateStatus(
        { state: 'downloading', percent: 41.6, bytesPerSecond: 1, transferred: 1, total: 2 },
        t,
      ),
    ).toBe('Mengunduh pembaruan: 42%');
    expect(describeUpdateStatus({ state: 'downloaded', version: '1.4.0' }, t)).toBe(
      'Versi 1.4.0 siap dipasang.',
    );
    expect(describeUpdateStatus({ state: 'error', message: 'net' }, t)).toBe(
      'Pembaruan gagal: net',
    );
  });

  it('explains why the browser host does not update itself', () => {
    expect(describeUpdateStatus({ state: 'unavailable', reason: 'browser-host' }, t)).toMatch(
      /tidak tersedia: di browser host/,
    );
  });
});

describe('theme', () => {
  it('follows the system only when the operator chose to', () => {
    expect(effectiveTheme('system', true)).toBe('dark');
    expect(effectiveTheme('system', false)).toBe('light');
    expect(effectiveTheme('light', true)).toBe('light');
    expect(effectiveTheme('dark', false)).toBe('dark');
  });
});
