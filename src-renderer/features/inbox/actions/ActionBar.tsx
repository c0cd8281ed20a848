// The actions on the selected report, only those the workflow and the mutators allow the operator
// now; each opens its dialog, by click or by its key (when no field has focus).
import { useEffect, useState } from 'react';
import type { ReportDetail } from '../../../sync/inbox-service';
import { useT } from '../../../i18n/i18n';
import { useInboxStore } from '../inbox-store';
import { referenceMaps } from '../reference-maps';
import { actionKeys, availableUiActions, type UiAction } from './action-catalog';
import { ArchiveDialog } from './ArchiveDialog';
import { DisposeDialog } from './DisposeDialog';
import { AssignDialog, CategoryDialog, NoteDialog, PrivacyDialog, TagsDialog } from './EditDialogs';
import { ConfirmActionDialog, ExtendDeadlineDialog, TextActionDialog } from './TextActionDialogs';

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

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

  const keyed = actions.map((a) => `${a}:${actionKeys[a]}`).join(',');
  useEffect(() => {
    if (open !== null) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]') !== null) return;
      const action = actions.find((a) => actionKeys[a] === event.key);
      if (action === undefined) return;
      event.preventDefault();
      setOpen(action);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
    };
    // `keyed` stands for `actions` (a new array every render).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keyed, open]);

  if (actions.length === 0) return null;
  return (
    <div className="action-bar" role="toolbar" aria-label={t('action.toolbar')}>
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className="button"
          data-action={action}
          aria-keyshortcuts={actionKeys[action]}
          onClick={() => {
            setOpen(action);
          }}
        >
          {t(`action.${action}`)} <kbd aria-hidden="true">{actionKeys[action]}</kbd>
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
