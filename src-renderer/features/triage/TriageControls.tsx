// The toolbar's triage toggle and its progress ("Mode triase · 3 dari 20"). The button runs the
// registered command, so click and Shift+T do the same.
import { useT } from '../../i18n/i18n';
import { useCommandStore } from '../commands/command-registry';
import { ariaKeyShortcuts } from '../commands/key-chords';
import { useInboxStore } from '../inbox/inbox-store';
import { triageProgress } from './triage-controller';
import { useTriageStore } from './triage-store';
import { TRIAGE_COMMAND_ID, TRIAGE_KEYS } from './use-triage-mode';

export function TriageControls() {
  const t = useT();
  const isActive = useTriageStore((s) => s.isActive);
  const isQueueDone = useTriageStore((s) => s.isQueueDone);
  const handled = useTriageStore((s) => s.handled);
  const total = useInboxStore((s) => s.total);
  const selectedIndex = useInboxStore((s) => s.selectedIndex);
  const command = useCommandStore((s) => s.commands.get(TRIAGE_COMMAND_ID));

  let status = '';
  if (isActive) status = t('triage.status', triageProgress(handled, total, selectedIndex));
  else if (isQueueDone) status = t('triage.done', { count: handled });
  return (
    <>
      <button
        type="button"
        className={isActive ? 'button triage-toggle triage-toggle--active' : 'button triage-toggle'}
        aria-pressed={isActive}
        aria-keyshortcuts={ariaKeyShortcuts(TRIAGE_KEYS)}
        disabled={command === undefined}
        onClick={() => {
          command?.run();
        }}
      >
        {t('commands.triage')}
      </button>
      <span className="triage-status" role="status" data-testid="triage-status">
        {status}
      </span>
    </>
  );
}
