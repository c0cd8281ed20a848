// The frame every bulk form shares: its fields, then "Periksa" (the confirmation comes next) and
// "Batal"; the form builds the BulkAction only when it is submitted.
import type { ReactNode } from 'react';
import type { BulkAction } from '../../../src-shared/bulk/bulk-action';
import { useT } from '../../i18n/i18n';

export interface BulkFormProps {
  readonly reportIds: readonly string[];
  /** Whether a check is on its way (the submit button waits). */
  readonly busy: boolean;
  readonly onSubmit: (action: BulkAction) => void;
  readonly onCancel: () => void;
}

/** The frame of every form: fields, then "Periksa" (the confirmation comes next) and "Batal". */
export function FormFrame({
  canSubmit,
  busy,
  build,
  onSubmit,
  onCancel,
  children,
  focusSubmit = false,
}: {
  canSubmit: boolean;
  busy: boolean;
  build: () => BulkAction;
  onSubmit: (action: BulkAction) => void;
  onCancel: () => void;
  children: ReactNode;
  /** A form without fields: "Periksa" takes the focus, so Enter goes on. */
  focusSubmit?: boolean;
}) {
  const t = useT();
  return (
    <form
      className="form action-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (canSubmit && !busy) onSubmit(build());
      }}
    >
      {children}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || !canSubmit}
          autoFocus={focusSubmit}
        >
          {t('bulk.check')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

export type FrameProps = Pick<BulkFormProps, 'busy' | 'onSubmit' | 'onCancel'>;
export const frameProps = ({ busy, onSubmit, onCancel }: BulkFormProps): FrameProps => ({
  busy,
  onSubmit,
  onCancel,
});
