// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { useCommandStore } from '../../../../../src-renderer/features/commands/command-registry';
import {
  initialNavigationState,
  useNavigationStore,
} from '../../../../../src-renderer/features/shell/navigation-store';
import { useTemplateLibraryCommand } from '../../../../../src-renderer/features/templates/use-template-library-command';
import { useLocaleStore } from '../../../../../src-renderer/i18n/i18n';
import { mount, press, resetKeyboardState, type Mounted } from '../inbox/inbox-fixtures';

let mounted: Mounted | null = null;
afterEach(() => {
  mounted?.unmount();
  mounted = null;
});

function Inbox() {
  useTemplateLibraryCommand();
  return null;
}

describe('the template library command', () => {
  it('opens the library with g then l, and is in the palette as "Pustaka templat"', async () => {
    resetKeyboardState();
    useLocaleStore.setState({ locale: 'id' });
    useNavigationStore.setState(initialNavigationState());
    mounted = await mount(<Inbox />);
    expect(useCommandStore.getState().commands.get('navigation.templates')?.label).toBe(
      'Pustaka templat',
    );
    await press(document.body, 'g');
    await press(document.body, 'l');
    expect(useNavigationStore.getState().view).toBe('templates');
  });
});
