// The frame of every action dialog: a form that submits one mutation, shows a local refusal's
// reason, closes on success, and tells the server (presence) that the report is being edited.
import { useEffect, useState, type ReactNode } from 'react';
import type { Result } from '../../../../src-shared/result';
import type { MutationError } from '../../../../src-shared/sync/mutation-error';
import { useT } from '../../../i18n/i18n';
import { Dialog } from '../../../ui/Dialog';
import { useInboxStore } from '../inbox-store';
import { refusalText } from './action-labels';

export function ActionDialog({
  reportId,
  title,
  submitLabel,
  canSubmit = true,
  onSubmit,
  onClose,
  children,
}: {
  reportId: string;
  title: string;
  submitLabel: string;
  canSubmit?: boolean;
  onSubmit: () => Promise<Result<unknown, MutationError>>;
  onClose: () => void;
  children: ReactNode;
}) {
  const t = useT();
  const setPresence = useInboxStore((s) => s.setPresence);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setPresence(reportId, true);
    return () => {
      setPresence(reportId, false);
    };
  }, [reportId, setPresence]);

  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (busy || !canSubmit) return;
    setBusy(true);
    setError(null);
    void onSubmit().then((result) => {
      setBusy(false);
      if (result.ok) onClose();
      else setError(refusalText(t, result.error));
    });
  };

  return (
    <Dialog open title={title} onClose={onClose}>
      <form className="form action-form" onSubmit={submit}>
        {children}
        {error !== null && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy || !canSubmit}>
            {submitLabel}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
