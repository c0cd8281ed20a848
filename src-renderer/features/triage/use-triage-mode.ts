// Wires triage mode into the workspace: the "Mode triase" command (Shift+T; Esc leaves), and
// the move to the next report after each decision. Mounted once, by the main layout.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { useT } from '../../i18n/i18n';
import { useCommands, type Command } from '../commands/command-registry';
import { useInboxStore } from '../inbox/inbox-store';
import { advanceAfter, toggleTriage } from './triage-controller';
import { useTriageStore } from './triage-store';

export const TRIAGE_COMMAND_ID = 'view.triage';
export const TRIAGE_KEYS = 'shift+t';

function useTriageCommands(toggle: () => void): void {
  const t = useT();
  const isActive = useTriageStore((s) => s.isActive);
  const commands: Command[] = [
    {
      id: TRIAGE_COMMAND_ID,
      group: 'view',
      label: t('commands.triage'),
      keys: TRIAGE_KEYS,
      keywords: t('commands.triageKeywords').split(' '),
      run: toggle,
    },
  ];
  if (isActive) {
    commands.push({
      id: 'view.triageExit',
      group: 'view',
      label: t('commands.triageExit'),
      keys: 'escape',
      run: () => {
        useTriageStore.getState().stop();
      },
    });
  }
  useCommands(commands, commands.map((c) => `${c.id}=${c.label}`).join('|'));
}

/** `open` shows the report under the cursor (focuses the detail pane). */
export function useTriageMode(open: () => void): void {
  // The command lives as long as the workspace; it calls the newest `open`.
  const openRef = useRef(open);
  useLayoutEffect(() => {
    openRef.current = open;
  });
  useTriageCommands(() => {
    toggleTriage(() => {
      openRef.current();
    });
  });

  useEffect(() => {
    const stopAdvancing = useTriageStore.subscribe((state, previous) => {
      const action = state.lastAction;
      if (!state.isActive || action === null || action === previous.lastAction) return;
      void advanceAfter(action.reportId).then((moved) => {
        if (moved) openRef.current();
      });
    });
    // Triage works through one queue: another queue ends it.
    const stopOnQueue = useInboxStore.subscribe((state, previous) => {
      if (state.query.queue !== previous.query.queue) useTriageStore.getState().stop();
    });
    return () => {
      stopAdvancing();
      stopOnQueue();
      useTriageStore.getState().stop();
    };
  }, []);
}
