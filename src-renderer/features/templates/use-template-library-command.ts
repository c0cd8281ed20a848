// `g l` ("pustaka"), and "Pustaka template" in the palette: opens the template library from the
// inbox. The other `g` letters go to queues (features/shell/inbox-shortcuts.ts).
import { useT } from '../../i18n/i18n';
import { useCommands, type Command } from '../commands/command-registry';
import { useNavigationStore } from '../shell/navigation-store';

export const TEMPLATE_LIBRARY_KEYS = 'g l';

export function useTemplateLibraryCommand(): void {
  const t = useT();
  const commands: Command[] = [
    {
      id: 'navigation.templates',
      group: 'navigation',
      label: t('templates.title'),
      keys: TEMPLATE_LIBRARY_KEYS,
      keywords: t('templates.keywords').split(' '),
      run: () => {
        useNavigationStore.getState().openView('templates');
      },
    },
  ];
  useCommands(commands, commands.map((c) => `${c.id}=${c.label}`).join('|'));
}
