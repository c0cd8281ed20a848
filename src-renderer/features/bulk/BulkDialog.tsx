// The bulk action dialog: the arguments, then the confirmation the worker's preview makes exact
// ("Disposisikan 137 laporan ke Dinas Kesehatan" · "130 akan diproses, 7 dilewati (lihat alasan)"),
// then the run. Enter confirms (the confirm button has focus), Esc cancels (the native dialog).
import { useEffect, useState } from 'react';
import type { BulkAction, BulkSkip } from '../../../src-shared/bulk/bulk-action';
import { isMessageKey, useLocaleStore, useT, type Translate } from '../../i18n/i18n';
import type { BulkError, BulkPreview } from '../../sync/inbox-service';
import { Dialog } from '../../ui/Dialog';
import { refusalText } from '../inbox/actions/action-labels';
import { useInboxStore } from '../inbox/inbox-store';
import { nameOf, referenceMaps } from '../inbox/reference-maps';
import { bulkLabelKey, confirmationText, type BulkNames } from './bulk-catalog';
import { formatCount, SLOT, splitAtSlot } from './bulk-format';
import { splitHeld } from './bulk-reply';
import { BulkForm } from './BulkForms';
import { HeldList, ReplySample } from './BulkReplyPreview';
import { useBulkStore } from './bulk-store';
import { selectHoldMs, useUndoWindowStore } from './undo-window-store';

/** A skipped or irreversible report's reason, in the operator's language. */
export function skipReasonText(t: Translate, skip: BulkSkip): string {
  // A held-back reply names the values to fill; a broken template, where it is broken.
  if (skip.reasonKey === 'bulk.missing_values' && skip.variables !== undefined) {
    return t('bulk.missing_values.detail', { variables: skip.variables.join(', ') });
  }
  if (skip.reasonKey === 'bulk.template_error') {
    return t('bulk.template_error.detail', { message: skip.message });
  }
  return isMessageKey(skip.reasonKey)
    ? t(skip.reasonKey)
    : t('error.generic', { message: skip.message });
}

/** Reports with the reason each was left alone. */
export function SkipList({ skips, label }: { skips: readonly BulkSkip[]; label: string }) {
  const t = useT();
  return (
    <ul className="bulk-skips" aria-label={label}>
      {skips.map((skip) => (
        <li key={skip.reportId} data-report-id={skip.reportId}>
          <span className="bulk-skips__id">
            {skip.trackingId === '' ? t('bulk.skipped.unknown') : `#${skip.trackingId}`}
          </span>{' '}
          {skipReasonText(t, skip)}
        </li>
      ))}
    </ul>
  );
}

/** The tracking number of a report the sample does not name (the report a merge keeps). */
function useTrackingId(reportId: string | null, preview: BulkPreview): string | null {
  const service = useInboxStore((s) => s.service);
  const known =
    reportId === null
      ? null
      : (preview.sample.find((s) => s.id === reportId)?.trackingId ??
        preview.skipped.find((s) => s.reportId === reportId && s.trackingId !== '')?.trackingId ??
        null);
  const [loaded, setLoaded] = useState<{ id: string; trackingId: string } | null>(null);
  useEffect(() => {
    if (reportId === null || known !== null || service === null) return;
    let current = true;
    void service.report(reportId).then((detail) => {
      if (current && detail !== null) {
        setLoaded({ id: reportId, trackingId: detail.report.trackingId });
      }
    });
    return () => {
      current = false;
    };
  }, [reportId, known, service]);
  return known ?? (loaded?.id === reportId ? loaded.trackingId : null);
}

/** Why a bulk step failed, in the operator's language. */
export function bulkErrorText(t: Translate, error: BulkError): string {
  switch (error.code) {
    case 'bulk/refused':
      return t('bulk.refused', { reason: refusalText(t, error) });
    case 'bulk/empty':
      return t('bulk.nothingApplies');
    case 'bulk/not-found':
    case 'bulk/already-undone':
    case 'bulk/failed':
      return t('bulk.failed', { message: error.message });
  }
}

function Confirmation({
  action,
  preview,
  error,
  running,
}: {
  action: BulkAction;
  preview: BulkPreview;
  error: BulkError | null;
  running: boolean;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const maps = referenceMaps(useInboxStore((s) => s.reference));
  const holdMs = useUndoWindowStore(selectHoldMs);
  const { confirm, recheck, back, closeDialog } = useBulkStore.getState();
  const [showSkipped, setShowSkipped] = useState(false);
  const keepTracking = useTrackingId(action.kind === 'merge' ? action.keepReportId : null, preview);

  const count = preview.applicable.length;
  // A reply lists the reports it holds back (values left empty) apart from the others it skips.
  const isReply = action.kind === 'reply';
  const { held, other } = isReply
    ? splitHeld(preview.skipped)
    : { held: [], other: preview.skipped };
  const skipped = other.length;
  const names: BulkNames = {
    agency: (id) => nameOf(maps.agencies, id),
    user: (id) => maps.users.get(id)?.displayName ?? id,
    category: (id) => nameOf(maps.categories, id),
    trackingId: (id) => keepTracking ?? id,
  };
  const n = (value: number) => formatCount(locale, value);
  // The skipped count is an element of its own inside the translated sentence.
  const [before, after] = splitAtSlot(t('bulk.counts', { applicable: n(count), skipped: SLOT }));

  return (
    <form
      className="form bulk-confirm"
      onSubmit={(event) => {
        event.preventDefault();
        if (!running && count > 0) void confirm(holdMs);
      }}
    >
      <p className="bulk-confirm__sentence" data-testid="bulk-sentence">
        {confirmationText(t, action, count, names, held.length)}
      </p>
      <p className="bulk-confirm__counts">
        {before}
        <span data-testid="bulk-skipped-count">{n(skipped)}</span>
        {after}
        {skipped > 0 && (
          <>
            {' '}
            <button
              type="button"
              className="button button--link"
              aria-expanded={showSkipped}
              onClick={() => {
                setShowSkipped((shown) => !shown);
              }}
            >
              ({showSkipped ? t('bulk.skipped.hide') : t('bulk.skipped.show')})
            </button>
          </>
        )}
      </p>
      {showSkipped && <SkipList skips={other} label={t('bulk.skipped.list')} />}
      {isReply && <ReplySample preview={preview} />}
      {isReply && held.length > 0 && <HeldList held={held} />}
      {!isReply && preview.sample.length > 0 && (
        <div className="bulk-confirm__sample">
          <span>{t('bulk.sample')}</span>
          <ul>
            {preview.sample.map((report) => (
              <li key={report.id}>
                #{report.trackingId} · {report.title}
              </li>
            ))}
          </ul>
          {count > preview.sample.length && (
            <span className="form__hint">
              {t('bulk.sampleMore', { count: n(count - preview.sample.length) })}
            </span>
          )}
        </div>
      )}
      {count === 0 && error === null && (
        <p className="form__error" role="alert">
          {t('bulk.nothingApplies')}
        </p>
      )}
      {error !== null && (
        <div className="form__error" role="alert">
          <p>{bulkErrorText(t, error)}</p>
          {error.code === 'bulk/refused' && (
            <button
              type="button"
              className="button"
              onClick={() => {
                void recheck();
              }}
            >
              {t('bulk.recheck')}
            </button>
          )}
        </div>
      )}
      <div className="button-row">
        <button
          type="submit"
          className="button button--primary"
          data-testid="bulk-confirm"
          autoFocus
          disabled={running || count === 0}
        >
          {running ? t('bulk.running') : t('bulk.submit', { count: n(count) })}
        </button>
        <button type="button" className="button" disabled={running} onClick={back}>
          {t('bulk.back')}
        </button>
        <button type="button" className="button" onClick={closeDialog}>
          {t('action.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Mounted once in the workspace; shows the dialog the bulk store has open. */
export function BulkDialogHost() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const dialog = useBulkStore((s) => s.dialog);
  const closeDialog = useBulkStore((s) => s.closeDialog);
  const check = useBulkStore((s) => s.check);
  if (dialog === null) return null;
  const { step } = dialog;
  return (
    <Dialog
      open
      title={t('bulk.title', {
        action: t(bulkLabelKey(dialog.kind)),
        count: formatCount(locale, dialog.reportIds.length),
      })}
      onClose={closeDialog}
    >
      <div className="bulk-dialog" data-bulk-kind={dialog.kind} data-step={step.step}>
        {/* The form stays mounted behind the confirmation, so "Ubah" returns to what was typed. */}
        <div hidden={step.step !== 'form' && step.step !== 'checking'}>
          <BulkForm
            kind={dialog.kind}
            reportIds={dialog.reportIds}
            busy={step.step === 'checking'}
            onSubmit={(action) => {
              void check(action);
            }}
            onCancel={closeDialog}
          />
          {step.step === 'form' && step.error !== null && (
            <p className="form__error" role="alert">
              {bulkErrorText(t, step.error)}
            </p>
          )}
        </div>
        {step.step === 'checking' && (
          <p className="bulk-dialog__checking" role="status" aria-busy="true">
            <span className="progress progress--indeterminate" aria-hidden="true">
              <span className="progress__bar" />
            </span>
            {t('bulk.checking', { count: formatCount(locale, dialog.reportIds.length) })}
          </p>
        )}
        {(step.step === 'confirm' || step.step === 'running') && (
          <Confirmation
            action={step.action}
            preview={step.preview}
            error={step.step === 'confirm' ? step.error : null}
            running={step.step === 'running'}
          />
        )}
      </div>
    </Dialog>
  );
}
