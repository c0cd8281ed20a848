// The official letter of a report's approved or published response: number, date, subject and
// signer prefilled from the agency's letterhead settings and the publishing liaison, editable,
// previewed as it will print, then saved as a PDF through the host (letter:savePdf).
import { useMemo, useState, type ChangeEvent } from 'react';
import type { AppError } from '../../../src-shared/result';
import { letterHtml } from '../../../src-shared/letter/letter-html';
import {
  defaultLetterNumber,
  effectiveLetterhead,
  letterDefaults,
  letterFieldMaxLength,
  letterFileName,
  letterIssuer,
  letterModel,
  letterReadyResponses,
  type LetterField,
  type LetterFieldProblem,
  type LetterFields,
  type LetterReadyResponse,
  type LetterSource,
} from '../../../src-shared/letter/letter-model';
import { useLocaleStore, useT, type MessageKey, type Translate } from '../../i18n/i18n';
import type { ReportDetail } from '../../sync/inbox-service';
import { Dialog } from '../../ui/Dialog';
import { formatDateTime } from '../inbox/inbox-format';
import { useInboxStore } from '../inbox/inbox-store';
import { referenceMaps } from '../inbox/reference-maps';
import { LetterPreview } from './LetterPreview';
import { saveLetterWithBridge, type LetterSaveOutcome, type SaveLetter } from './save-letter';
import './letter.css';

type SaveStatus =
  | { readonly kind: 'idle' }
  | { readonly kind: 'saving' }
  | { readonly kind: 'done'; readonly outcome: LetterSaveOutcome }
  | { readonly kind: 'failed'; readonly error: AppError };

const fieldOrder: readonly LetterField[] = [
  'number',
  'date',
  'attachment',
  'subject',
  'signerName',
  'signerTitle',
  'signerNip',
];

const fieldLabelKey: Readonly<Record<LetterField, MessageKey>> = {
  number: 'letter.field.number',
  date: 'letter.field.date',
  attachment: 'letter.field.attachment',
  subject: 'letter.field.subject',
  signerName: 'letter.field.signerName',
  signerTitle: 'letter.field.signerTitle',
  signerNip: 'letter.field.signerNip',
};

const problemKey: Readonly<Record<LetterFieldProblem['problem'], MessageKey>> = {
  required: 'letter.problem.required',
  'too-long': 'letter.problem.tooLong',
  'invalid-date': 'letter.problem.invalidDate',
};

function outcomeText(t: Translate, outcome: LetterSaveOutcome): string {
  switch (outcome.kind) {
    case 'saved':
      return t('letter.saved', { path: outcome.path });
    case 'cancelled':
      return t('letter.cancelled');
    case 'print-dialog':
      return t('letter.printDialog');
  }
}

function errorText(t: Translate, error: AppError): string {
  return error.code === 'letter/too-large'
    ? t('letter.error.tooLarge')
    : t('letter.error.failed', { message: error.message });
}

/** The form, preview and save of one response's letter; keyed by the response. */
function LetterForm({
  source,
  onClose,
  save,
}: {
  source: LetterSource;
  onClose: () => void;
  save: SaveLetter;
}) {
  const t = useT();
  const [fields, setFields] = useState<LetterFields>(() => letterDefaults(source));
  // Until the operator types a number, it follows the date (its month and year are in it).
  const [isNumberEdited, setNumberEdited] = useState(false);
  const [status, setStatus] = useState<SaveStatus>({ kind: 'idle' });

  const model = useMemo(() => letterModel(source, fields), [source, fields]);
  const html = useMemo(() => (model.ok ? letterHtml(model.value) : null), [model]);
  const problems = new Map(
    (model.ok ? [] : model.error.problems).map((p) => [p.field, p.problem] as const),
  );

  const issuer = letterIssuer(source.response.agencyId, source.agencies);
  const letterhead = issuer === null ? null : effectiveLetterhead(issuer, source.agencies);
  const isAnonymous = source.report.privacy.anonim || source.report.reporter === null;

  const change = (field: LetterField) => (event: ChangeEvent<HTMLInputElement>) => {
    const value = event.target.value;
    if (field === 'number') setNumberEdited(true);
    setFields((current) => ({
      ...current,
      [field]: value,
      ...(field === 'date' && !isNumberEdited
        ? { number: defaultLetterNumber(source, value) }
        : {}),
    }));
  };

  const submit = (event: { preventDefault: () => void }) => {
    event.preventDefault();
    if (html === null || status.kind === 'saving') return;
    setStatus({ kind: 'saving' });
    void save(html, letterFileName(source.report)).then((result) => {
      setStatus(
        result.ok
          ? { kind: 'done', outcome: result.value }
          : { kind: 'failed', error: result.error },
      );
    });
  };

  return (
    <form className="letter-dialog__body" onSubmit={submit} noValidate>
      <fieldset className="letter-dialog__fields">
        <legend>{t('letter.form')}</legend>
        {issuer === null && (
          <p className="form__warning" role="alert">
            {t('letter.unknownAgency')}
          </p>
        )}
        {issuer !== null && (letterhead?.own?.address.trim() ?? '') === '' && (
          <p className="form__warning">{t('letter.noLetterhead', { agency: issuer.name })}</p>
        )}
        {isAnonymous && <p className="form__hint">{t('letter.anonymous')}</p>}
        {fieldOrder.map((field) => {
          const problem = problems.get(field);
          const inputId = `letter-${field}`;
          const hintId = `${inputId}-hint`;
          const errorId = `${inputId}-error`;
          const describedBy = [
            field === 'number' ? hintId : null,
            problem === undefined ? null : errorId,
          ].filter((id) => id !== null);
          return (
            <label key={field} className="form__field" htmlFor={inputId}>
              <span>{t(fieldLabelKey[field])}</span>
              <input
                id={inputId}
                name={field}
                type={field === 'date' ? 'date' : 'text'}
                value={fields[field]}
                maxLength={field === 'date' ? undefined : letterFieldMaxLength[field]}
                aria-invalid={problem !== undefined}
                aria-describedby={describedBy.length > 0 ? describedBy.join(' ') : undefined}
                onChange={change(field)}
              />
              {field === 'number' && (
                <small id={hintId} className="form__hint">
                  {t('letter.numberHint')}
                </small>
              )}
              {problem !== undefined && (
                <small id={errorId} className="form__error">
                  {t(problemKey[problem])}
                </small>
              )}
            </label>
          );
        })}
      </fieldset>

      <LetterPreview html={html} title={t('letter.preview')} emptyText={t('letter.previewEmpty')} />

      <div className="letter-dialog__footer">
        {status.kind === 'done' && (
          <p className="letter-dialog__status" role="status">
            {outcomeText(t, status.outcome)}
          </p>
        )}
        {status.kind === 'failed' && (
          <p className="form__error" role="alert">
            {errorText(t, status.error)}
          </p>
        )}
        <div className="button-row">
          <button
            type="submit"
            className="button button--primary"
            disabled={html === null || status.kind === 'saving'}
            aria-busy={status.kind === 'saving'}
          >
            {status.kind === 'saving' ? t('letter.saving') : t('letter.save')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('letter.close')}
          </button>
        </div>
      </div>
    </form>
  );
}

function responseLabel(t: Translate, locale: 'id' | 'en', response: LetterReadyResponse): string {
  const at = response.state === 'published' ? response.publishedAt : response.reviewedAt;
  return t('letter.responseOption', {
    state: t(`responseState.${response.state}`),
    date: formatDateTime(locale, at),
  });
}

export function LetterDialog({
  detail,
  onClose,
  save = saveLetterWithBridge,
}: {
  detail: ReportDetail;
  onClose: () => void;
  save?: SaveLetter;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const reference = useInboxStore((s) => s.reference);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const responses = useMemo(() => letterReadyResponses(detail.responses), [detail.responses]);

  // One object while nothing it is made of changes, so the form's letter is not rebuilt.
  const source = useMemo((): LetterSource | null => {
    const response = responses.find((r) => r.id === chosenId) ?? responses[0];
    if (response === undefined) return null;
    const { agencies, users } = referenceMaps(reference);
    return { response, report: detail.report, agencies, users };
  }, [responses, chosenId, detail.report, reference]);

  return (
    <Dialog
      open
      title={t('letter.dialogTitle', { id: detail.report.trackingId })}
      onClose={onClose}
    >
      <div className="letter-dialog">
        {responses.length > 1 && (
          <label className="form__field letter-dialog__response">
            <span>{t('letter.response')}</span>
            <select
              value={source?.response.id ?? ''}
              onChange={(event) => {
                setChosenId(event.target.value);
              }}
            >
              {responses.map((r) => (
                <option key={r.id} value={r.id}>
                  {responseLabel(t, locale, r)}
                </option>
              ))}
            </select>
          </label>
        )}
        {source === null ? (
          <div className="button-row">
            <button type="button" className="button" onClick={onClose}>
              {t('letter.close')}
            </button>
          </div>
        ) : (
          <LetterForm key={source.response.id} source={source} onClose={onClose} save={save} />
        )}
      </div>
    </Dialog>
  );
}
