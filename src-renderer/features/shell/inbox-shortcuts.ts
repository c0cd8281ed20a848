// The inbox's keymap outside the per-report actions (action-catalog.ts): `g` then a letter goes
// to a queue, `g q` picks a queue in the palette; and the list's own keys (arrows, Home/End,
// Enter), which are the grid's and not commands, for the shortcut sheet.
import type { QueueId } from '../../../src-shared/inbox/queries';
import type { Translate } from '../../i18n/i18n';
import { useCommands, type Command } from '../commands/command-registry';
import { QUEUE_COMMAND_PREFIX, usePaletteStore } from '../commands/palette-store';
import type { QueueDefinition } from '../queues/queue-definitions';

/** `g` then one letter per queue. */
export const queueKeys: Readonly<Record<QueueId, string>> = {
  due_today: 'g t',
  overdue: 'g o',
  assigned_to_me: 'g m',
  unverified: 'g u',
  pending_info: 'g p',
  disposed: 'g d',
  in_progress: 'g i',
  awaiting_approval: 'g a',
  responded: 'g r',
  not_authority: 'g w',
  completed: 'g c',
  archived: 'g x',
};

/** Opens the palette over the queues only. */
export const QUEUE_PICKER_KEYS = 'g q';

export function queueCommandId(queue: QueueId): string {
  return `${QUEUE_COMMAND_PREFIX}${queue}`;
}

/**
 * Registers one command per queue of the role (`queue.<id>`, labelled as in the sidebar so the
 * palette finds "Belum Terverifikasi") and the queue picker.
 */
export function useQueueCommands(
  queues: readonly QueueDefinition[],
  t: Translate,
  open: (queue: QueueId) => void,
): void {
  const keywords = t('commands.queueKeywords').split(' ');
  const commands: Command[] = queues.map((q) => ({
    id: queueCommandId(q.id),
    group: 'navigation',
    label: t(q.labelKey),
    keys: queueKeys[q.id],
    keywords,
    run: () => {
      open(q.id);
    },
  }));
  commands.push({
    id: 'navigation.queuePicker',
    group: 'navigation',
    label: t('commands.goToQueue'),
    keys: QUEUE_PICKER_KEYS,
    keywords,
    run: () => {
      usePaletteStore.getState().open('queues');
    },
  });
  useCommands(commands, commands.map((c) => `${c.id}=${c.label}`).join('|'));
}

/** The list's keys that are the grid's own (focus in the list), for the shortcut sheet. */
export function listKeyRows(t: Translate): { keys: readonly string[]; label: string }[] {
  return [
    { keys: ['↓', '↑'], label: t('shortcuts.inbox.move') },
    { keys: ['PageDown', 'PageUp'], label: t('shortcuts.inbox.page') },
    { keys: ['Home', 'End'], label: t('shortcuts.inbox.firstLast') },
    { keys: ['Enter'], label: t('shortcuts.inbox.open') },
    { keys: [t('shortcuts.keys.shiftClick')], label: t('shortcuts.inbox.range') },
  ];
}
