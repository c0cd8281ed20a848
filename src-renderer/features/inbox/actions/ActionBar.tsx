// The actions on the selected report, only those the workflow and the mutators allow the operator
// now; each opens its dialog, by click, by its key or from the command palette (each action is a
// `report` command while the report is open).
import { useState } from 'react';
import type { ReportDetail } from '../../../sync/inbox-service';
import { useT } from '../../../i18n/i18n';
import { useCommands, type Command } from '../../commands/command-registry';
import { ariaKeyShortcuts, formatKeys } from '../../commands/key-chords';
import { useInboxStore } from '../inbox-store';
import { referenceMaps } from '../reference-maps';
import { actionKeys, availableUiActions, type UiAction } from './action-catalog';
import { ArchiveDialog } from './ArchiveDialog';
import { DisposeDialog } from './DisposeDialog';
import { AssignDialog, CategoryDialog, NoteDialog, PrivacyDialog, TagsDialog } from './EditDialogs';
import { ConfirmActionDialog, ExtendDeadlineDialog, TextActionDialog } from './TextActionDialogs';

function ActionDialogFor({
  action,
  detail,
  onClose,
}: {
  action: UiAction;
  detail: ReportDetail;
  onClose: () => void;
}) {
  const report = detail.report;
  switch (action) {
    case 'verify_dispose':
      return <DisposeDialog report={report} redispose={false} onClose={onClose} />;
    case 'redispose':
      return <DisposeDialog report={report} redispose onClose={onClose} />;
    case 'tunda':
    case 'not_authority':
    case 'reopen':
      return <TextActionDialog report={report} action={action} onClose={onClose} />;
    case 'resume':
    case 'start_processing':
      return <ConfirmActionDialog report={report} action={action} onClose={onClose} />;
    case 'extend_deadline':
      return <ExtendDeadlineDialog report={report} onClose={onClose} />;
    case 'archive':
      return <ArchiveDialog report={report} onClose={onClose} />;
    case 'set_category':
      return <CategoryDialog report={report} onClose={onClose} />;
    case 'set_tags':
      return <TagsDialog report={report} onClose={onClose} />;
    case 'set_privacy':
      return <PrivacyDialog report={report} onClose={onClose} />;
    case 'assign':
      return <AssignDialog report={report} onClose={onClose} />;
    case 'add_note':
      return <NoteDialog report={report} onClose={onClose} />;
  }
}

/** Rendered with `key={report id}`: another report starts with no dialog open. */
export function ActionBar({ detail }: { detail: ReportDetail }) {
  const t = useT();
  const user = useInboxStore((s) => s.user);
  const { agencies } = referenceMaps(useInboxStore((s) => s.reference));
  const [open, setOpen] = useState<UiAction | null>(null);
  const actions = user === null ? [] : availableUiActions(detail.report, user, agencies);

  const commands = actions.map((action): Command => ({
    id: `report.${action}`,
    group: 'report',
    label: t(`action.${action}`),
    keys: actionKeys[action],
    run: () => {
      setOpen(action);
    },
  }));
  // The dispatcher ignores keys while the dialog is open; the commands stay registered.
  useCommands(commands, commands.map((c) => `${c.id}=${c.label}`).join('|'));

  if (actions.length === 0) return null;
  return (
    <div className="action-bar" role="toolbar" aria-label={t('action.toolbar')}>
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className="button"
          data-action={action}
          aria-keyshortcuts={ariaKeyShortcuts(actionKeys[action])}
          onClick={() => {
            setOpen(action);
          }}
        >
          {t(`action.${action}`)}{' '}
          <kbd aria-hidden="true">{formatKeys(actionKeys[action]).join(' ')}</kbd>
        </button>
      ))}
      {open !== null && (
        <ActionDialogFor
          action={open}
          detail={detail}
          onClose={() => {
            setOpen(null);
          }}
        />
      )}
    </div>
  );
}
