// The library's list: search and filters (kind, scope) above the templates grouped by kind. One
// tab stop; ↑/↓ or j/k move the cursor, Home/End jump, Enter (or a click) opens the template.
import { useEffect, useMemo, type KeyboardEvent } from 'react';
import { templateKinds, templateScopes } from '../../../src-shared/domain/template';
import { useT } from '../../i18n/i18n';
import { EmptyState } from '../../ui/EmptyState';
import {
  groupTemplates,
  listedIds,
  stepCursor,
  visibleTemplates,
  type KindFilter,
} from './template-library';
import { templateKindLabelKey, templateScopeLabelKey } from './template-labels';
import { useTemplateLibraryStore } from './template-library-store';
import { useTemplateMeta } from './use-template-meta';

export const TEMPLATE_SEARCH_ID = 'template-search';
export const TEMPLATE_LIST_ID = 'template-list';

const optionId = (templateId: string) => `template-option-${templateId}`;

function TemplateFilters() {
  const t = useT();
  const filter = useTemplateLibraryStore((s) => s.filter);
  const setFilter = useTemplateLibraryStore((s) => s.setFilter);
  return (
    <div className="template-filters">
      <input
        id={TEMPLATE_SEARCH_ID}
        type="search"
        className="template-filters__search"
        aria-label={t('templates.search')}
        placeholder={t('templates.search.placeholder')}
        aria-keyshortcuts="/"
        value={filter.search}
        onChange={(event) => {
          setFilter({ search: event.target.value });
        }}
      />
      <label className="template-filters__field">
        <span>{t('templates.filter.kind')}</span>
        <select
          name="kind-filter"
          value={filter.kind}
          onChange={(event) => {
            const value = event.target.value;
            const kind: KindFilter = templateKinds.find((k) => k === value) ?? 'all';
            setFilter({ kind });
          }}
        >
          <option value="all">{t('templates.filter.allKinds')}</option>
          {templateKinds.map((kind) => (
            <option key={kind} value={kind}>
              {t(templateKindLabelKey(kind))}
            </option>
          ))}
        </select>
      </label>
      <div
        role="radiogroup"
        aria-label={t('templates.filter.scope')}
        className="segmented template-filters__scope"
      >
        {(['all', ...templateScopes] as const).map((scope) => (
          <label key={scope} className="segmented__option">
            <input
              type="radio"
              name="scope-filter"
              value={scope}
              checked={filter.scope === scope}
              onChange={() => {
                setFilter({ scope });
              }}
            />
            {scope === 'all' ? t('templates.filter.allScopes') : t(templateScopeLabelKey(scope))}
          </label>
        ))}
      </div>
    </div>
  );
}

export function TemplateList() {
  const t = useT();
  const templates = useTemplateLibraryStore((s) => s.reference?.templates);
  const userId = useTemplateLibraryStore((s) => s.user?.id ?? '');
  const filter = useTemplateLibraryStore((s) => s.filter);
  const cursorId = useTemplateLibraryStore((s) => s.cursorId);
  const openId = useTemplateLibraryStore((s) => s.editor?.draft.id ?? null);
  const { setCursor, open } = useTemplateLibraryStore.getState();
  const metaOf = useTemplateMeta();

  const groups = useMemo(
    () => groupTemplates(templates ?? [], filter, userId),
    [templates, filter, userId],
  );
  const ids = useMemo(() => listedIds(groups), [groups]);
  // The cursor stays on a row the filter shows; else on the first one.
  const cursor = cursorId !== null && ids.includes(cursorId) ? cursorId : (ids[0] ?? null);

  useEffect(() => {
    if (cursor === null) return;
    document.getElementById(optionId(cursor))?.scrollIntoView({ block: 'nearest' });
  }, [cursor]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    let next: string | null = null;
    switch (event.key) {
      case 'ArrowDown':
      case 'j':
        next = stepCursor(ids, cursor, 1);
        break;
      case 'ArrowUp':
      case 'k':
        next = stepCursor(ids, cursor, -1);
        break;
      case 'Home':
        next = ids[0] ?? null;
        break;
      case 'End':
        next = ids[ids.length - 1] ?? null;
        break;
      case 'Enter':
        if (cursor === null) return;
        event.preventDefault();
        open(cursor);
        return;
      default:
        return;
    }
    // The list's own keys: not commands (j/k are the inbox list's elsewhere).
    event.preventDefault();
    event.stopPropagation();
    setCursor(next);
  };

  const isLibraryEmpty = visibleTemplates(templates ?? [], userId).length === 0;

  return (
    <>
      <TemplateFilters />
      {ids.length === 0 ? (
        isLibraryEmpty ? (
          <EmptyState title={t('templates.empty.title')} body={t('templates.empty.none')} />
        ) : (
          <EmptyState title={t('templates.empty.title')} body={t('templates.empty.body')} />
        )
      ) : (
        <div
          id={TEMPLATE_LIST_ID}
          className="template-list"
          role="listbox"
          tabIndex={0}
          aria-label={t('templates.list')}
          aria-activedescendant={cursor === null ? undefined : optionId(cursor)}
          onKeyDown={onKeyDown}
        >
          {groups.map((group) => (
            <div
              key={group.kind}
              role="group"
              className="template-list__group"
              aria-labelledby={`template-group-${group.kind}`}
              data-kind={group.kind}
            >
              <div
                id={`template-group-${group.kind}`}
                role="presentation"
                className="template-list__group-title"
              >
                {t(templateKindLabelKey(group.kind))} ({group.templates.length})
              </div>
              {group.templates.map((template) => (
                <div
                  key={template.id}
                  id={optionId(template.id)}
                  role="option"
                  aria-selected={template.id === cursor}
                  aria-current={template.id === openId ? 'true' : undefined}
                  className="template-list__item"
                  data-template-id={template.id}
                  onClick={() => {
                    open(template.id);
                  }}
                >
                  <span className="template-list__name">{template.name}</span>
                  {template.description !== '' && (
                    <span className="template-list__description">{template.description}</span>
                  )}
                  <span className="template-list__tags">
                    <span className="chip">{t(templateKindLabelKey(template.kind))}</span>
                    <span className={`chip template-list__scope--${template.scope}`}>
                      {t(templateScopeLabelKey(template.scope))}
                    </span>
                  </span>
                  <span className="template-list__meta">{metaOf(template)}</span>
                </div>
              ))}
            </div>
          ))}
        </div>
      )}
      <p className="form__hint template-list__keys">{t('templates.listKeys')}</p>
    </>
  );
}
