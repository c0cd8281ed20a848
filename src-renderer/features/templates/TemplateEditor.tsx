// The editor of one template: name, kind, scope, description and categories; the body with its
// syntax errors and unknown variables underlined, the variable and snippet pickers and the
// anonymity warning; the live preview; save (Ctrl+S), copy as personal, delete. Read-only, with
// the copy still offered, for a template the user may not change.
import { useLayoutEffect, useMemo, useRef, type KeyboardEvent } from 'react';
import { SNIPPET_KIND, templateKinds, type Template } from '../../../src-shared/domain/template';
import { templateVariables } from '../../../src-shared/domain/templating/template-context';
import { useT, type Translate } from '../../i18n/i18n';
import { refusalText } from '../inbox/actions/action-labels';
import { referenceMaps } from '../inbox/reference-maps';
import { checkTemplate, draftSnippets } from './template-check';
import { draftProblems, type TemplateDraft } from './template-draft';
import { snippetInsertion, insertAt, variableInsertion, type Insertion } from './template-insert';
import {
  positionText,
  syntaxErrorText,
  templateKindLabelKey,
  templateScopeLabelKey,
  unknownVariableText,
} from './template-labels';
import {
  selectIsDirty,
  selectOpenTemplate,
  useTemplateLibraryStore,
  type TemplateEditorState,
} from './template-library-store';
import { canEditTemplate, creatableScopes, type TemplateUser } from './template-rights';
import { PickerList, type PickerItem } from './PickerList';
import { TemplateBodyField } from './TemplateBodyField';
import { TemplatePreviewPanel } from './TemplatePreviewPanel';
import { useTemplateMeta } from './use-template-meta';

export const BODY_FIELD_ID = 'template-body';
const PROBLEMS_ID = 'template-problems';

function isReadOnly(
  user: TemplateUser,
  draft: TemplateDraft,
  stored: Template | null,
  agencies: Parameters<typeof canEditTemplate>[2],
): boolean {
  if (stored !== null) return !canEditTemplate(user, stored, agencies);
  // New (or gone meanwhile): editable where the user may create in its scope.
  return !creatableScopes(user.role).includes(draft.scope);
}

function readOnlyText(t: Translate, user: TemplateUser): string {
  return creatableScopes(user.role).length === 0
    ? t('templates.readOnly.role')
    : t('templates.readOnly.agency');
}

export function TemplateEditor({ editor }: { editor: TemplateEditorState }) {
  const t = useT();
  const user = useTemplateLibraryStore((s) => s.user);
  const reference = useTemplateLibraryStore((s) => s.reference);
  const stored = useTemplateLibraryStore(selectOpenTemplate);
  const isDirty = useTemplateLibraryStore(selectIsDirty);
  const metaOf = useTemplateMeta();
  const { updateDraft, save, requestDelete, copyAsPersonal, closeEditor } =
    useTemplateLibraryStore.getState();
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const pendingCaret = useRef<number | null>(null);
  const draft = editor.draft;
  const templates = reference?.templates;
  const userId = user?.id ?? '';

  // Only a snippet's own text changes the snippet table (and with it the preview).
  const snippetBody = draft.kind === SNIPPET_KIND ? draft.body : '';
  const snippets = useMemo(
    () =>
      draftSnippets(templates ?? [], userId, {
        kind: draft.kind,
        name: draft.name,
        body: snippetBody,
      }),
    [templates, userId, draft.kind, draft.name, snippetBody],
  );
  const check = useMemo(() => checkTemplate(draft.body, snippets), [draft.body, snippets]);

  // After an insertion the caret goes where typing continues, in the body.
  useLayoutEffect(() => {
    const caret = pendingCaret.current;
    const textarea = textareaRef.current;
    if (caret === null || textarea === null) return;
    pendingCaret.current = null;
    textarea.focus();
    textarea.setSelectionRange(caret, caret);
  }, [draft.body]);

  if (user === null) return null;
  const maps = referenceMaps(reference);
  const readOnly = isReadOnly(user, draft, stored, maps.agencies);
  const scopes = creatableScopes(user.role);
  const problems = draftProblems(draft);
  const canSave =
    !readOnly &&
    !editor.saving &&
    problems.length === 0 &&
    !check.blocksSave &&
    (draft.isNew || isDirty);
  const canCopy = scopes.includes('personal') && !draft.isNew;
  const categories = (reference?.categories ?? []).filter(
    (c) => c.isActive || draft.categoryIds.includes(c.id),
  );

  const insert = (insertion: Insertion) => {
    const textarea = textareaRef.current;
    if (readOnly || textarea === null) return;
    const edit = insertAt(draft.body, textarea.selectionStart, textarea.selectionEnd, insertion);
    pendingCaret.current = edit.caret;
    updateDraft({ body: edit.text });
  };

  const variableItems: PickerItem[] = templateVariables.map((variable) => ({
    id: variable.name,
    label: <code>{variable.name}</code>,
    detail: variable.description,
    ...(variable.identifiesReporter
      ? {
          badge: (
            <span
              className="picker__badge picker__badge--warn"
              title={t('templates.variables.identifyingTitle')}
            >
              {t('templates.variables.identifying')}
            </span>
          ),
        }
      : {}),
  }));
  // Described by the snippet that is used: the user's own shadows the agency's.
  const snippetTemplates = new Map(
    (templates ?? [])
      .filter((tpl) => tpl.kind === SNIPPET_KIND)
      .sort((a, b) => (a.scope === b.scope ? 0 : a.scope === 'agency' ? -1 : 1))
      .map((tpl) => [tpl.name, tpl]),
  );
  // A snippet cannot include itself.
  const ownName = draft.kind === SNIPPET_KIND ? draft.name.trim() : null;
  const snippetItems: PickerItem[] = Object.keys(snippets)
    .filter((name) => name !== ownName)
    .sort((a, b) => a.localeCompare(b, 'id'))
    .map((name) => {
      const description = snippetTemplates.get(name)?.description ?? '';
      return {
        id: name,
        label: <code>{`{{> ${name}}}`}</code>,
        ...(description === '' ? {} : { detail: description }),
      };
    });

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // Ctrl+S saves from any field (the key dispatcher leaves keys typed into fields alone).
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      if (canSave) void save();
    }
  };

  const title = draft.name.trim() !== '' ? draft.name : t('templates.editor.newTitle');
  const identifying = check.analysis?.identifying ?? [];
  const unknown = check.analysis?.unknown ?? [];
  const hasProblems = check.error !== null || unknown.length > 0 || problems.length > 0;

  return (
    <form
      className="form template-editor"
      aria-label={t('templates.editor')}
      data-template-id={draft.id}
      data-read-only={readOnly ? 'true' : undefined}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        if (canSave) void save();
      }}
    >
      <header className="template-editor__header">
        <h2 className="template-editor__title">{title}</h2>
        {stored !== null && (
          <p className="template-editor__meta" data-testid="template-meta">
            {t(templateScopeLabelKey(stored.scope))} · {metaOf(stored)}
          </p>
        )}
      </header>
      {readOnly && (
        <p className="template-editor__readonly" role="note" data-testid="template-readonly">
          {readOnlyText(t, user)}
        </p>
      )}

      <fieldset className="template-editor__fields" disabled={readOnly}>
        <label className="form__field">
          <span>{t('templates.field.name')}</span>
          <input
            type="text"
            name="name"
            value={draft.name}
            maxLength={200}
            required
            onChange={(event) => {
              updateDraft({ name: event.target.value });
            }}
          />
          {draft.kind === SNIPPET_KIND && (
            <span className="form__hint">{t('templates.field.snippetHint')}</span>
          )}
        </label>
        <label className="form__field">
          <span>{t('templates.field.kind')}</span>
          <select
            name="kind"
            value={draft.kind}
            onChange={(event) => {
              const kind = templateKinds.find((k) => k === event.target.value);
              if (kind !== undefined) updateDraft({ kind });
            }}
          >
            {templateKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(templateKindLabelKey(kind))}
              </option>
            ))}
          </select>
        </label>
        <fieldset className="form__field template-editor__scope">
          <legend>{t('templates.field.scope')}</legend>
          {(draft.isNew ? scopes : [draft.scope]).map((scope) => (
            <label key={scope} className="form__check">
              <input
                type="radio"
                name="scope"
                value={scope}
                checked={draft.scope === scope}
                disabled={!draft.isNew}
                onChange={() => {
                  updateDraft({ scope });
                }}
              />
              {t(templateScopeLabelKey(scope))}
            </label>
          ))}
          {!draft.isNew && <span className="form__hint">{t('templates.field.scopeFixed')}</span>}
        </fieldset>
        <label className="form__field template-editor__description">
          <span>{t('templates.field.description')}</span>
          <input
            type="text"
            name="description"
            value={draft.description}
            maxLength={500}
            onChange={(event) => {
              updateDraft({ description: event.target.value });
            }}
          />
        </label>
        <fieldset className="form__field template-editor__categories">
          <legend>{t('templates.field.categories')}</legend>
          <span className="form__hint">{t('templates.field.categoriesHint')}</span>
          <div className="template-editor__category-list">
            {categories.map((category) => (
              <label key={category.id} className="form__check">
                <input
                  type="checkbox"
                  value={category.id}
                  checked={draft.categoryIds.includes(category.id)}
                  onChange={(event) => {
                    const others = draft.categoryIds.filter((id) => id !== category.id);
                    updateDraft({
                      categoryIds: event.target.checked ? [...others, category.id] : others,
                    });
                  }}
                />
                {category.name}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>

      <div className="template-editor__compose">
        <div className="form__field template-editor__body">
          <label htmlFor={BODY_FIELD_ID}>{t('templates.field.body')}</label>
          <TemplateBodyField
            id={BODY_FIELD_ID}
            value={draft.body}
            marks={check.marks}
            readOnly={readOnly}
            {...(hasProblems ? { describedBy: PROBLEMS_ID } : {})}
            textareaRef={textareaRef}
            onChange={(body) => {
              updateDraft({ body });
            }}
          />
        </div>
        {!readOnly && (
          <aside className="template-editor__pickers">
            <section aria-labelledby="template-variables-title">
              <h3 id="template-variables-title">{t('templates.variables')}</h3>
              <p className="form__hint">{t('templates.variables.hint')}</p>
              <PickerList
                label={t('templates.variables')}
                items={variableItems}
                testId="variable-picker"
                onPick={(name) => {
                  const variable = templateVariables.find((v) => v.name === name);
                  if (variable !== undefined) insert(variableInsertion(variable));
                }}
              />
            </section>
            <section aria-labelledby="template-snippets-title">
              <h3 id="template-snippets-title">{t('templates.snippets')}</h3>
              {snippetItems.length === 0 ? (
                <p className="form__hint">{t('templates.snippets.none')}</p>
              ) : (
                <PickerList
                  label={t('templates.snippets')}
                  items={snippetItems}
                  testId="snippet-picker"
                  onPick={(name) => {
                    insert(snippetInsertion(name));
                  }}
                />
              )}
            </section>
          </aside>
        )}
      </div>

      {hasProblems && (
        <ul
          id={PROBLEMS_ID}
          className="template-editor__problems"
          aria-label={t('templates.problems')}
          data-testid="template-problems"
        >
          {problems.map((problem) => (
            <li key={problem}>{t(`templates.problem.${problem}`)}</li>
          ))}
          {check.error !== null && <li data-problem="syntax">{syntaxErrorText(t, check.error)}</li>}
          {unknown.map((use) => (
            <li key={`${use.snippet ?? ''}:${positionText(t, use)}`} data-problem="unknown">
              {unknownVariableText(t, use)}
            </li>
          ))}
        </ul>
      )}
      {identifying.length > 0 && (
        <p className="form__warning" role="note" data-testid="anonymity-warning">
          {t('templates.anonymity', {
            variables: identifying.map((name) => `{{${name}}}`).join(', '),
          })}
        </p>
      )}

      <TemplatePreviewPanel body={draft.body} snippets={snippets} kind={draft.kind} />

      {editor.error !== null && (
        <p className="form__error" role="alert">
          {t('templates.saveFailed', { reason: refusalText(t, editor.error) })}
        </p>
      )}
      {!readOnly && (problems.length > 0 || check.blocksSave) && (
        <p className="form__hint">{t('templates.saveBlocked')}</p>
      )}
      {editor.savedAt !== null && !isDirty && (
        <p className="form__hint" role="status">
          {t('templates.saved')}
        </p>
      )}
      <div className="button-row">
        {!readOnly && (
          <button
            type="submit"
            className="button button--primary"
            disabled={!canSave}
            aria-keyshortcuts="Control+S"
          >
            {editor.saving ? t('templates.saving') : t('templates.save')}
          </button>
        )}
        {canCopy && (
          <button
            type="button"
            className="button"
            onClick={() => {
              copyAsPersonal((name) => t('templates.copyName', { name }));
            }}
          >
            {t('templates.copyPersonal')}
          </button>
        )}
        {!readOnly && !draft.isNew && (
          <button type="button" className="button button--warn" onClick={requestDelete}>
            {t('templates.delete')}
          </button>
        )}
        <button type="button" className="button" onClick={closeEditor}>
          {t('templates.close')}
        </button>
      </div>
    </form>
  );
}
