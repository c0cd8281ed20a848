// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  initialUndoWindowState,
  useUndoWindowStore,
} from '../../../../../src-renderer/features/bulk/undo-window-store';
import { SettingsScreen } from '../../../../../src-renderer/features/settings/SettingsScreen';
import { useLocaleStore } from '../../../../../src-renderer/i18n/i18n';
import { mount, run, type, type Mounted } from '../inbox/inbox-fixtures';

vi.mock('../../../../../src-renderer/platform/bridge', () => ({
  bridge: {
    invoke: () => Promise.resolve({ ok: true, value: null }),
    on: () => () => undefined,
  },
}));

const KEY = 'posko.undoWindowSeconds';
let mounted: Mounted | null = null;

beforeEach(() => {
  localStorage.clear();
  useLocaleStore.setState({ locale: 'id' });
  useUndoWindowStore.setState(initialUndoWindowState());
});
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

const input = () => document.querySelector<HTMLInputElement>('[data-testid="undo-window"]');

describe('undo window setting', () => {
  it('defaults to 10 seconds and is shown in the settings screen', async () => {
    mounted = await mount(<SettingsScreen appInfo={null} activeProfileId={null} />);
    expect(document.querySelector('#settings-undo-window')?.textContent).toBe(
      'Urungkan tindakan massal',
    );
    expect(input()?.value).toBe('10');
    expect(useUndoWindowStore.getState().seconds).toBe(10);
  });

  it('stores a new value on this device, kept for the next start', async () => {
    mounted = await mount(<SettingsScreen appInfo={null} activeProfileId={null} />);
    await type(input(), '25');
    expect(useUndoWindowStore.getState().seconds).toBe(25);
    expect(localStorage.getItem(KEY)).toBe('25');
    // The next start reads it back.
    expect(initialUndoWindowState().seconds).toBe(25);
  });

  it('ignores values beyond 60 seconds and shows the kept value again on leaving the field', async () => {
    mounted = await mount(<SettingsScreen appInfo={null} activeProfileId={null} />);
    await type(input(), '0');
    expect(useUndoWindowStore.getState().seconds).toBe(0);
    await type(input(), '90');
    expect(useUndoWindowStore.getState().seconds).toBe(0);
    expect(localStorage.getItem(KEY)).toBe('0');
    await run(() => {
      input()?.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
      input()?.dispatchEvent(new FocusEvent('blur'));
    });
    expect(input()?.value).toBe('0');
  });
});
