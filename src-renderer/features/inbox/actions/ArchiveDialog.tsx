// Archive a report unprocessed: a reason from the fixed list, the original's tracking number for a
// duplicate, and an optional note. The fields are shared with the bulk archive form.
import { useState } from 'react';
import { archiveReasons, type ArchiveReason } from '../../../../src-shared/domain/archive-reason';
import type { Report } from '../../../../src-shared/domain/report';
import { useT } from '../../../i18n/i18n';
import { useInboxStore } from '../inbox-store';
import { ActionDialog } from './ActionDialog';

export function ArchiveDialog({ report, onClose }: { report: Report; onClose: () => void }) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  const [reason, setReason] = useState<ArchiveReason>('wrong_format');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [note, setNote] = useState('');
  // Waiting out the reporter only applies to a postponed report.
  const reasons = archiveReasons.filter(
    (r) => r !== 'wait_period_expired' || report.status === 'pending_info',
  );
  return (
    <ActionDialog
      reportId={report.id}
      title={t('action.archive')}
      submitLabel={t('action.archive.submit')}
      onSubmit={() =>
        mutate('report.archive', {
          reportId: report.id,
          reason,
          ...(reason === 'duplicate' ? { duplicateOf: duplicateOf.trim() } : {}),
          ...(note.trim() === '' ? {} : { note: note.trim() }),
        })
      }
      onClose={onClose}
    >
      <ArchiveFields
        reasons={reasons}
        reason={reason}
        setReason={setReason}
        duplicateOf={duplicateOf}
        setDuplicateOf={setDuplicateOf}
        note={note}
        setNote={setNote}
      />
    </ActionDialog>
  );
}

export interface ArchiveFieldsProps {
  readonly reasons: readonly ArchiveReason[];
  readonly reason: ArchiveReason;
  readonly setReason: (reason: ArchiveReason) => void;
  readonly duplicateOf: string;
  readonly setDuplicateOf: (trackingId: string) => void;
  readonly note: string;
  readonly setNote: (note: string) => void;
}

/** The reason (first, focused), the original's tracking number for a duplicate, and a note. */
export function ArchiveFields({
  reasons,
  reason,
  setReason,
  duplicateOf,
  setDuplicateOf,
  note,
  setNote,
}: ArchiveFieldsProps) {
  const t = useT();
  return (
    <>
      <label className="form__field">
        <span>{t('action.archive.reason')}</span>
        <select
          value={reason}
          autoFocus
          onChange={(event) => {
            setReason(event.target.value as ArchiveReason);
          }}
        >
          {reasons.map((r) => (
            <option key={r} value={r}>
              {t(`archiveReason.${r}`)}
            </option>
          ))}
        </select>
      </label>
      {reason === 'duplicate' && (
        <label className="form__field">
          <span>{t('action.archive.duplicateOf')}</span>
          <input
            inputMode="numeric"
            maxLength={20}
            value={duplicateOf}
            onChange={(event) => {
              setDuplicateOf(event.target.value);
            }}
          />
        </label>
      )}
      <label className="form__field">
        <span>{t('action.archive.note')}</span>
        <textarea
          rows={3}
          maxLength={1000}
          value={note}
          onChange={(event) => {
            setNote(event.target.value);
          }}
        />
      </label>
    </>
  );
}
