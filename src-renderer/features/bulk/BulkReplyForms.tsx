// The first step of a bulk reply and of a bulk approval. Reply: a template picked from a searchable
// list (the agency's and the operator's own, never snippets), its source editable, and how to send
// (submitted for approval, or published by whoever may publish). The source is checked here as it
// is typed; the worker renders it per report for the confirmation. Approval asks nothing.
import { useId, useMemo, useState } from 'react';
import { snippetsOf } from '../../../src-shared/domain/templating/template-context-build';
import type { TemplateError } from '../../../src-shared/domain/templating/template-syntax';
import { useT, type Translate } from '../../i18n/i18n';
import { useInboxStore } from '../inbox/inbox-store';
import { mayPublishReplies } from './bulk-catalog';
import { useBulkSettings } from './bulk-settings';
import { checkReplySource, isSendable, matchTemplates, replyTemplates } from './bulk-reply';
import { FormFrame, frameProps, type BulkFormProps } from './BulkFormFrame';

/** A template error where the operator can find it: line and column (and the snippet). */
export function templateProblemText(t: Translate, error: TemplateError): string {
  const position = t('templates.position', { line: error.line, column: error.column });
  const message = t(`templates.error.${error.code}`);
  return error.snippet === undefined
    ? t('bulk.reply.problem', { position, message })
    : t('bulk.reply.problemInSnippet', { snippet: error.snippet, position, message });
}

const NO_TEMPLATES: never[] = [];

export function ReplyForm(props: BulkFormProps) {
  const t = useT();
  const id = useId();
  const user = useInboxStore((s) => s.user);
  const templates = useInboxStore((s) => s.reference?.templates ?? NO_TEMPLATES);
  const userId = user?.id ?? '';
  const settings = useBulkSettings();
  const mayPublish = user !== null && mayPublishReplies(user.role, settings);

  const offered = useMemo(() => replyTemplates(templates, userId), [templates, userId]);
  const snippets = useMemo(() => snippetsOf(templates, userId), [templates, userId]);
  const [search, setSearch] = useState('');
  const [chosenId, setChosenId] = useState('');
  const [source, setSource] = useState('');
  const [publish, setPublish] = useState(false);
  const candidates = matchTemplates(offered, search);
  const chosen = offered.find((template) => template.id === chosenId) ?? null;
  const check = useMemo(() => checkReplySource(source, snippets), [source, snippets]);

  const choose = (templateId: string) => {
    const template = offered.find((candidate) => candidate.id === templateId);
    if (template === undefined) return;
    setChosenId(template.id);
    setSource(template.body);
  };

  return (
    <FormFrame
      {...frameProps(props)}
      canSubmit={isSendable(source, check)}
      build={() => ({
        kind: 'reply',
        templateId: chosen?.id ?? null,
        templateName: chosen?.name ?? '',
        body: source,
        publish: mayPublish && publish,
      })}
    >
      {offered.length === 0 ? (
        <p className="form__hint">{t('bulk.reply.noTemplates')}</p>
      ) : (
        <>
          <label className="form__field">
            <span>{t('bulk.reply.search')}</span>
            <input
              type="search"
              value={search}
              placeholder={t('bulk.reply.search.placeholder')}
              autoFocus
              aria-controls={`${id}-templates`}
              onChange={(event) => {
                setSearch(event.target.value);
              }}
              onKeyDown={(event) => {
                if (event.key === 'ArrowDown') {
                  event.preventDefault();
                  document.getElementById(`${id}-templates`)?.focus();
                } else if (event.key === 'Enter') {
                  // Enter takes the first match (the form is checked with "Periksa").
                  event.preventDefault();
                  const first = candidates[0];
                  if (first !== undefined) choose(first.id);
                }
              }}
            />
          </label>
          <label className="form__field">
            <span>{t('bulk.reply.templates')}</span>
            <select
              id={`${id}-templates`}
              size={6}
              value={chosenId}
              onChange={(event) => {
                choose(event.target.value);
              }}
            >
              {candidates.map((template) => (
                <option key={template.id} value={template.id} title={template.description}>
                  {template.name}
                </option>
              ))}
            </select>
            {candidates.length === 0 && (
              <span className="form__hint">{t('bulk.reply.noMatch')}</span>
            )}
          </label>
        </>
      )}
      <label className="form__field">
        <span>{t('bulk.reply.source')}</span>
        <textarea
          className="bulk-reply__source"
          rows={10}
          maxLength={20_000}
          value={source}
          spellCheck
          autoFocus={offered.length === 0}
          aria-invalid={check.error !== null || check.unknown.length > 0}
          aria-describedby={`${id}-source-hint ${id}-source-problems`}
          onChange={(event) => {
            setSource(event.target.value);
          }}
        />
        <span className="form__hint" id={`${id}-source-hint`}>
          {t('bulk.reply.sourceHint')}
          {chosen !== null && source !== chosen.body && (
            <> {t('bulk.reply.edited', { name: chosen.name })}</>
          )}
        </span>
      </label>
      <div id={`${id}-source-problems`}>
        {check.error !== null && (
          <p className="form__error" role="alert">
            {templateProblemText(t, check.error)}
          </p>
        )}
        {check.unknown.length > 0 && (
          <p className="form__error" role="alert">
            {t('bulk.reply.unknown', { variables: check.unknown.join(', ') })}
          </p>
        )}
        {check.identifying.length > 0 && (
          <p className="form__hint">
            {t('bulk.reply.anonymity', { variables: check.identifying.join(', ') })}
          </p>
        )}
      </div>
      {mayPublish ? (
        <fieldset className="form__field bulk-reply__mode">
          <legend>{t('bulk.reply.mode')}</legend>
          <label className="form__check">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={!publish}
              onChange={() => {
                setPublish(false);
              }}
            />
            <span>
              {t('bulk.reply.submit')}{' '}
              <span className="form__hint">{t('bulk.reply.submitHint')}</span>
            </span>
          </label>
          <label className="form__check">
            <input
              type="radio"
              name={`${id}-mode`}
              checked={publish}
              onChange={() => {
                setPublish(true);
              }}
            />
            <span>
              {t('bulk.reply.publish')}{' '}
              <span className="form__hint">{t('bulk.reply.publishHint')}</span>
            </span>
          </label>
        </fieldset>
      ) : (
        <p className="form__hint">{t('bulk.reply.submitHint')}</p>
      )}
    </FormFrame>
  );
}

export function ApproveForm(props: BulkFormProps) {
  const t = useT();
  return (
    <FormFrame
      {...frameProps(props)}
      canSubmit
      focusSubmit
      build={() => ({ kind: 'approve_responses' })}
    >
      <p>{t('bulk.approve.explain')}</p>
    </FormFrame>
  );
}
