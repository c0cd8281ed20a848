// Workflow moves that take a text (tunda, bukan wewenang, reopen, extend deadline) or nothing but a
// confirmation (resume, start processing).
import { useState } from 'react';
import type { Report } from '../../../../src-shared/domain/report';
import { MAX_RESOLUTION_WORKING_DAYS } from '../../../../src-shared/domain/sla-calendar';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { useInboxStore } from '../inbox-store';
import { ActionDialog } from './ActionDialog';

type TextAction = 'tunda' | 'not_authority' | 'reopen';

const textActions: Readonly<
  Record<TextAction, { title: MessageKey; field: MessageKey; submit: MessageKey }>
> = {
  tunda: { title: 'action.tunda', field: 'action.tunda.message', submit: 'action.tunda.submit' },
  not_authority: {
    title: 'action.not_authority',
    field: 'action.not_authority.reason',
    submit: 'action.not_authority.submit',
  },
  reopen: { title: 'action.reopen', field: 'action.reopen.reason', submit: 'action.reopen.submit' },
};

export function TextActionDialog({
  report,
  action,
  onClose,
}: {
  report: Report;
  action: TextAction;
  onClose: () => void;
}) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  const [text, setText] = useState('');
  const labels = textActions[action];
  const submit = () => {
    switch (action) {
      case 'tunda':
        return mutate('report.tunda', { reportId: report.id, messageToReporter: text });
      case 'not_authority':
        return mutate('report.notAuthority', { reportId: report.id, reason: text });
      case 'reopen':
        return mutate('report.reopen', { reportId: report.id, reason: text });
    }
  };
  return (
    <ActionDialog
      reportId={report.id}
      title={t(labels.title)}
      submitLabel={t(labels.submit)}
      onSubmit={submit}
      onClose={onClose}
    >
      <label className="form__field">
        <span>{t(labels.field)}</span>
        <textarea
          rows={4}
          maxLength={2000}
          value={text}
          autoFocus
          onChange={(event) => {
            setText(event.target.value);
          }}
        />
      </label>
    </ActionDialog>
  );
}

export function ExtendDeadlineDialog({ report, onClose }: { report: Report; onClose: () => void }) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  const [days, setDays] = useState(String(MAX_RESOLUTION_WORKING_DAYS));
  const [reason, setReason] = useState('');
  const parsed = Number.parseInt(days, 10);
  return (
    <ActionDialog
      reportId={report.id}
      title={t('action.extend_deadline')}
      submitLabel={t('action.extend_deadline.submit')}
      canSubmit={Number.isInteger(parsed) && parsed >= 1}
      onSubmit={() =>
        mutate('report.extendDeadline', { reportId: report.id, days: parsed, reason })
      }
      onClose={onClose}
    >
      <label className="form__field">
        <span>{t('action.extend_deadline.days', { max: MAX_RESOLUTION_WORKING_DAYS })}</span>
        <input
          type="number"
          min={1}
          max={MAX_RESOLUTION_WORKING_DAYS}
          value={days}
          autoFocus
          onChange={(event) => {
            setDays(event.target.value);
          }}
        />
      </label>
      <label className="form__field">
        <span>{t('action.extend_deadline.reason')}</span>
        <textarea
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
          }}
        />
      </label>
    </ActionDialog>
  );
}

export function ConfirmActionDialog({
  report,
  action,
  onClose,
}: {
  report: Report;
  action: 'resume' | 'start_processing';
  onClose: () => void;
}) {
  const t = useT();
  const mutate = useInboxStore((s) => s.mutate);
  return (
    <ActionDialog
      reportId={report.id}
      title={t(`action.${action}`)}
      submitLabel={t('action.confirm')}
      onSubmit={() =>
        action === 'resume'
          ? mutate('report.resume', { reportId: report.id })
          : mutate('report.startProcessing', { reportId: report.id })
      }
      onClose={onClose}
    >
      <p>{t(`action.${action}.confirm`, { tracking: report.trackingId })}</p>
    </ActionDialog>
  );
}
