// Writing the response to one report: pick a template (or start from scratch), see exactly what the
// reporter will read with every empty variable as an input in place, fill the holes, and send it
// for approval or publish it. Nothing typed is lost: the draft is kept on this device as the
// operator types and synced as a draft when they pause or leave. Rendered with `key={report id}`.
import { useEffect, useEffectEvent, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SessionUser } from '../../../src-shared/api/auth';
import type { Template, TemplateKind } from '../../../src-shared/domain/template';
import type { TemplateFills } from '../../../src-shared/domain/templating/template-context-build';
import { useLocaleStore, useT } from '../../i18n/i18n';
import type { ReportDetail } from '../../sync/inbox-service';
import { refusalText } from '../inbox/actions/action-labels';
import { formatDateTime } from '../inbox/inbox-format';
import { useInboxStore } from '../inbox/inbox-store';
import { syntaxErrorText } from '../templates/template-labels';
import { offsetOf } from '../templates/template-marks';
import { useReplyContext } from './reply-context';
import type { ReplyDraftStore } from './reply-draft-store';
import { draftBody, previewReply, type ReplyInput } from './reply-rendering';
import type { ComposerStart, ReplyRights } from './reply-rules';
import { HOLE_ATTRIBUTE, ReplyPreview } from './ReplyPreview';
import { TemplatePicker } from './TemplatePicker';
import './reply.css';

/** Typing pauses this long before the draft is written to the device. */
export const LOCAL_SAVE_DELAY_MS = 300;
/** And this long before it is synced as a draft (`response.saveDraft`), not on every key. */
export const SYNC_IDLE_MS = 3000;

interface DraftText {
  readonly templateId: string | null;
  readonly source: string;
  readonly fills: TemplateFills;
}

type FocusRequest = 'first-hole' | 'source' | { readonly caret: number } | null;

export function ReplyComposer({
  detail,
  user,
  rights,
  start,
  choices,
  kindLabel,
  drafts,
  scope,
  onClose,
  onSent,
}: {
  detail: ReportDetail;
  user: SessionUser;
  rights: ReplyRights;
  start: ComposerStart;
  /** Templates to offer, suggestions first. */
  choices: readonly Template[];
  kindLabel: (kind: TemplateKind) => string;
  drafts: ReplyDraftStore;
  /** Whose drafts these are on this device (the signed-in profile). */
  scope: string;
  /** Closes the composer; the draft stays (on the device, and synced on the way out). */
  onClose: () => void;
  /** The response went out: submitted for approval, or published. */
  onSent: (published: boolean) => void;
}) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const reference = useInboxStore((s) => s.reference);
  const now = useInboxStore((s) => s.now);
  const mutate = useInboxStore((s) => s.mutate);
  const setPresence = useInboxStore((s) => s.setPresence);
  const report = detail.report;
  const id = useId();

  const [draft, setDraft] = useState<DraftText>({
    templateId: start.templateId,
    source: start.source,
    fills: start.fills,
  });
  // Increases with every edit; the device copy and the synced draft each remember the last one
  // they hold, so leaving writes only what is new.
  const [revision, setRevision] = useState(0);
  const [step, setStep] = useState<'pick' | 'write'>(start.from === 'new' ? 'pick' : 'write');
  const [isEditingSource, setEditingSource] = useState(false);
  const [isConfirming, setConfirming] = useState(false);
  const [isBusy, setBusy] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [localSave, setLocalSave] = useState<number | 'failed' | null>(null);

  const savedLocally = useRef(0);
  const synced = useRef(0);
  // sending: a send is in flight, so leaving must not sync a draft over it; sent: it went out.
  const sending = useRef<'idle' | 'sending' | 'sent'>('idle');
  // A restored draft opens on what is left to do; a new one on the template search.
  const focusRequest = useRef<FocusRequest>(start.from === 'new' ? null : 'first-hole');
  const previewRef = useRef<HTMLDivElement>(null);
  const sourceRef = useRef<HTMLTextAreaElement>(null);
  const sendRef = useRef<HTMLButtonElement>(null);

  const template = reference?.templates.find((tpl) => tpl.id === draft.templateId) ?? null;
  const { context, snippets } = useReplyContext(
    detail,
    reference,
    user,
    now,
    template?.kind ?? null,
  );
  const input: ReplyInput = {
    source: draft.source,
    context,
    fills: draft.fills,
    snippets,
    timeZone: report.timeZone,
  };
  const preview = previewReply(input);
  const missing = preview.ok ? preview.missing : [];
  const isBlank = !preview.ok || preview.text.trim() === '';
  const isBlocked = !preview.ok || missing.length > 0 || isBlank;

  // ---- Saving ---------------------------------------------------------------------------------

  const saveLocally = useEffectEvent(() => {
    if (sending.current === 'sent' || savedLocally.current === revision) return;
    savedLocally.current = revision;
    const at = Date.now();
    const stored = drafts.save(scope, report.id, {
      responseId: start.responseId,
      templateId: draft.templateId,
      source: draft.source,
      fills: draft.fills,
      ...(start.returnComment === null ? {} : { returnComment: start.returnComment }),
      updatedAt: at,
    });
    setLocalSave(stored ? at : 'failed');
  });

  const syncDraft = useEffectEvent(() => {
    if (sending.current !== 'idle' || synced.current === revision) return;
    const body = draftBody(input);
    // Opening the composer and leaving writes nothing to the server.
    if (body.trim() === '') return;
    synced.current = revision;
    void mutate('response.saveDraft', {
      reportId: report.id,
      responseId: start.responseId,
      body,
    }).then((result) => {
      setSyncError(result.ok ? null : refusalText(t, result.error));
    });
  });

  useEffect(() => {
    if (revision === 0) return;
    const timer = setTimeout(() => {
      saveLocally();
    }, LOCAL_SAVE_DELAY_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [revision]);

  useEffect(() => {
    if (revision === 0) return;
    const timer = setTimeout(() => {
      syncDraft();
    }, SYNC_IDLE_MS);
    return () => {
      clearTimeout(timer);
    };
  }, [revision]);

  // Leaving (closing, another report, signing out): what is not saved yet is saved now.
  useEffect(
    () => () => {
      saveLocally();
      syncDraft();
    },
    [],
  );

  useEffect(() => {
    setPresence(report.id, true);
    return () => {
      setPresence(report.id, false);
    };
  }, [report.id, setPresence]);

  const firstEmptyHole = () =>
    previewRef.current?.querySelector<HTMLInputElement>(
      `[${HOLE_ATTRIBUTE}][aria-invalid="true"]`,
    ) ?? null;

  // Focus moves after the render that shows its target.
  useEffect(() => {
    const request = focusRequest.current;
    if (request === null) return;
    focusRequest.current = null;
    if (request === 'first-hole') {
      const hole = firstEmptyHole();
      if (hole) {
        hole.focus();
        return;
      }
    }
    const editor = sourceRef.current;
    if (editor === null) {
      // Nothing left to fill: the next step is sending.
      sendRef.current?.focus();
      return;
    }
    editor.focus();
    if (typeof request === 'object') editor.setSelectionRange(request.caret, request.caret);
  });

  // ---- Editing --------------------------------------------------------------------------------

  const edit = (patch: Partial<DraftText> | ((current: DraftText) => Partial<DraftText>)) => {
    setDraft((current) => ({
      ...current,
      ...(typeof patch === 'function' ? patch(current) : patch),
    }));
    setRevision((r) => r + 1);
    setSendError(null);
    setConfirming(false);
  };

  const fill = (variable: string, value: string) => {
    edit((current) => ({ fills: { ...current.fills, [variable]: value } }));
  };

  const chooseTemplate = (chosen: Template | null) => {
    setStep('write');
    if (chosen === null) {
      edit({ templateId: null, source: '' });
      setEditingSource(true);
      focusRequest.current = 'source';
      return;
    }
    edit({ templateId: chosen.id, source: chosen.body });
    setEditingSource(false);
    focusRequest.current = 'first-hole';
  };

  /** Into the template text, opening it first when it is hidden. */
  const focusSource = (caret?: number) => {
    const editor = sourceRef.current;
    if (editor === null) {
      setEditingSource(true);
      focusRequest.current = caret === undefined ? 'source' : { caret };
      return;
    }
    editor.focus();
    if (caret !== undefined) editor.setSelectionRange(caret, caret);
  };

  const showError = () => {
    if (preview.ok) return;
    const { line, column } = preview.error;
    // An error inside a snippet is in the snippet's text, not here: show the start.
    focusSource(preview.error.snippet === undefined ? offsetOf(draft.source, { line, column }) : 0);
  };

  // ---- Sending --------------------------------------------------------------------------------

  const send = async (publish: boolean) => {
    if (!preview.ok) return;
    setBusy(true);
    setSendError(null);
    sending.current = 'sending';
    const result = await mutate('response.send', {
      reportId: report.id,
      responseId: start.responseId,
      body: preview.text,
      publish,
    });
    setBusy(false);
    if (!result.ok) {
      sending.current = 'idle';
      setConfirming(false);
      setSendError(refusalText(t, result.error));
      return;
    }
    sending.current = 'sent';
    drafts.remove(scope, report.id);
    onSent(publish);
  };

  /** The send button, also when it cannot send yet: then it shows the operator what is left. */
  const attemptSend = () => {
    if (isBusy) return;
    if (!preview.ok) {
      showError();
      return;
    }
    if (missing.length > 0) {
      const hole = firstEmptyHole();
      // A hole with no input (a fill changed which part of the text shows): the text can.
      if (hole) hole.focus();
      else focusSource();
      return;
    }
    if (isBlank) {
      setSendError(t('reply.empty'));
      return;
    }
    if (rights.mayPublish) {
      setConfirming(true);
      return;
    }
    void send(false);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    // Ctrl+Enter sends from anywhere in the composer (a field keeps Enter for new lines).
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && step === 'write') {
      event.preventDefault();
      attemptSend();
    }
  };

  // ---- View -----------------------------------------------------------------------------------

  const previewTitleId = `${id}-preview`;
  const summaryId = `${id}-summary`;
  const errorId = `${id}-error`;
  const sendLabel = rights.mayPublish ? t('reply.publish') : t('reply.submit');

  return (
    <div className="reply-composer" onKeyDown={onKeyDown}>
      {step === 'pick' ? (
        <TemplatePicker
          choices={choices}
          kindLabel={kindLabel}
          replacesText={draft.source.trim() !== ''}
          onChoose={chooseTemplate}
          {...(start.from === 'new' && revision === 0
            ? {}
            : {
                onCancel: () => {
                  setStep('write');
                },
              })}
        />
      ) : (
        <>
          <div className="reply-composer__source-bar">
            <span className="reply-composer__template">
              {template === null
                ? draft.templateId === null && start.from === 'synced' && revision === 0
                  ? t('reply.fromSyncedDraft')
                  : t('reply.noTemplate')
                : t('reply.fromTemplate', { name: template.name })}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => {
                setStep('pick');
              }}
            >
              {t('reply.changeTemplate')}
            </button>
            <button
              type="button"
              className="button button--small"
              aria-expanded={isEditingSource}
              aria-controls={`${id}-source`}
              onClick={() => {
                setEditingSource(!isEditingSource);
                if (!isEditingSource) focusRequest.current = 'source';
              }}
            >
              {isEditingSource ? t('reply.editSourceDone') : t('reply.editSource')}
            </button>
          </div>

          {isEditingSource && (
            <label className="form__field" id={`${id}-source`}>
              <span>{t('reply.source')}</span>
              <textarea
                ref={sourceRef}
                className="reply-composer__source"
                rows={10}
                maxLength={20_000}
                value={draft.source}
                aria-invalid={!preview.ok}
                {...(preview.ok ? {} : { 'aria-describedby': errorId })}
                onChange={(event) => {
                  edit({ source: event.target.value });
                }}
              />
              <span className="form__hint">{t('reply.sourceHint')}</span>
            </label>
          )}

          {!preview.ok && (
            <p className="form__error" role="alert" id={errorId}>
              {syntaxErrorText(t, preview.error)}{' '}
              <button type="button" className="button button--link" onClick={showError}>
                {t('reply.showError')}
              </button>
            </p>
          )}
          {preview.ok && preview.unknown.length > 0 && (
            <p className="form__warning">
              {t('reply.unknownVariables', {
                names: [...new Set(preview.unknown.map((use) => use.variable))].join(', '),
              })}
            </p>
          )}
          {preview.ok && report.privacy.anonim && preview.identifying.length > 0 && (
            <p className="form__hint">{t('reply.anonymousNote')}</p>
          )}

          <h4 id={previewTitleId} className="reply-composer__preview-title">
            {t('reply.preview')}
          </h4>
          {preview.ok ? (
            <ReplyPreview
              parts={preview.parts}
              fills={draft.fills}
              missing={new Set(missing)}
              labelId={previewTitleId}
              containerRef={previewRef}
              onFill={fill}
            />
          ) : (
            <p className="detail__muted">{t('reply.previewUnavailable')}</p>
          )}

          <p
            id={summaryId}
            className={missing.length > 0 ? 'form__warning' : 'form__hint'}
            role="status"
          >
            {missing.length > 0
              ? t('reply.missingSummary', { count: missing.length, names: missing.join(', ') })
              : preview.ok && !isBlank
                ? t('reply.complete')
                : ''}
          </p>

          {sendError !== null && (
            <p className="form__error" role="alert">
              {sendError}
            </p>
          )}

          {isConfirming ? (
            <div className="reply-confirm" role="group" aria-label={t('reply.confirmTitle')}>
              <p className="reply-confirm__text">
                {t('reply.confirmPublish', { tracking: report.trackingId })}
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button--primary"
                  data-reply-confirm=""
                  autoFocus
                  disabled={isBusy}
                  onClick={() => {
                    void send(true);
                  }}
                >
                  {t('reply.confirmPublishYes')}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    setConfirming(false);
                  }}
                >
                  {t('action.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <div className="button-row">
              <button
                ref={sendRef}
                type="button"
                className="button button--primary"
                data-reply-send={rights.mayPublish ? 'publish' : 'submit'}
                aria-disabled={isBlocked || isBusy}
                aria-describedby={summaryId}
                aria-keyshortcuts="Control+Enter"
                onClick={attemptSend}
              >
                {sendLabel}
              </button>
              <button type="button" className="button" onClick={onClose}>
                {t('reply.close')}
              </button>
            </div>
          )}
        </>
      )}

      <p className="reply-composer__saved">
        {localSave === 'failed' ? (
          <span role="alert">{t('reply.localSaveFailed')}</span>
        ) : localSave !== null ? (
          t('reply.savedLocally', { time: formatDateTime(locale, localSave) })
        ) : null}
        {syncError !== null && (
          <span role="alert"> {t('reply.syncFailed', { reason: syncError })}</span>
        )}
      </p>
    </div>
  );
}
