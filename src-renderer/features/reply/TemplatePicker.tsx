// Choosing what a reply starts from: "Tulis dari awal" or one of the operator's templates, the
// ones suggested for the report first. A search field drives the list (combobox pattern): arrows
// move, Enter chooses, Esc goes back, and the mouse works too.
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import type { Template, TemplateKind } from '../../../src-shared/domain/template';
import { useT } from '../../i18n/i18n';
import { filterTemplates } from './reply-rendering';

export function TemplatePicker({
  choices,
  kindLabel,
  replacesText,
  onChoose,
  onCancel,
}: {
  /** In suggestion order. */
  choices: readonly Template[];
  kindLabel: (kind: TemplateKind) => string;
  /** Whether choosing replaces text already written (then it says so). */
  replacesText: boolean;
  /** null: start from scratch. */
  onChoose: (template: Template | null) => void;
  /** Back to the text being written; absent when there is none. */
  onCancel?: () => void;
}) {
  const t = useT();
  const id = useId();
  const [search, setSearch] = useState('');
  const [active, setActive] = useState(0);
  const shown = filterTemplates(choices, search, kindLabel);
  // Option 0 is "from scratch"; templates follow.
  const optionCount = shown.length + 1;
  const current = Math.min(active, optionCount - 1);
  const optionId = (index: number) => `${id}-option-${String(index)}`;

  // The active option stays in sight while the arrows move through a long list.
  useEffect(() => {
    const option = document.getElementById(`${id}-option-${String(current)}`);
    if (typeof option?.scrollIntoView === 'function') option.scrollIntoView({ block: 'nearest' });
  }, [id, current]);

  const choose = (index: number) => {
    onChoose(index === 0 ? null : (shown[index - 1] ?? null));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        setActive((current + 1) % optionCount);
        break;
      case 'ArrowUp':
        setActive((current - 1 + optionCount) % optionCount);
        break;
      case 'Home':
        setActive(0);
        break;
      case 'End':
        setActive(optionCount - 1);
        break;
      case 'Enter':
        choose(current);
        break;
      case 'Escape':
        if (onCancel === undefined) return;
        onCancel();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  return (
    <div className="template-picker">
      <label className="form__field">
        <span>{t('reply.picker.search')}</span>
        <input
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={optionId(current)}
          data-reply-picker-search=""
          value={search}
          autoFocus
          onKeyDown={onKeyDown}
          onChange={(event) => {
            setSearch(event.target.value);
            setActive(0);
          }}
        />
      </label>
      <p className="form__hint">{t('reply.picker.keys')}</p>
      {replacesText && <p className="form__warning">{t('reply.picker.replaces')}</p>}
      <ul
        id={`${id}-list`}
        role="listbox"
        aria-label={t('reply.picker.list')}
        className="template-picker__list"
      >
        <li
          id={optionId(0)}
          role="option"
          aria-selected={current === 0}
          className="template-picker__option"
          data-template-id=""
          onMouseDown={(event) => {
            // Keep the focus in the search field (the combobox owns it).
            event.preventDefault();
          }}
          onClick={() => {
            choose(0);
          }}
        >
          <span className="template-picker__name">{t('reply.picker.scratch')}</span>
          <span className="template-picker__description">{t('reply.picker.scratchHint')}</span>
        </li>
        {shown.map((template, i) => (
          <li
            key={template.id}
            id={optionId(i + 1)}
            role="option"
            aria-selected={current === i + 1}
            className="template-picker__option"
            data-template-id={template.id}
            onMouseDown={(event) => {
              event.preventDefault();
            }}
            onClick={() => {
              choose(i + 1);
            }}
          >
            <span className="template-picker__name">{template.name}</span>
            <span className="template-picker__kind">
              {kindLabel(template.kind)}
              {template.scope === 'personal' && ` · ${t('reply.picker.personal')}`}
            </span>
            {template.description !== '' && (
              <span className="template-picker__description">{template.description}</span>
            )}
          </li>
        ))}
      </ul>
      {shown.length === 0 && (
        <p className="detail__muted" role="status">
          {choices.length === 0 ? t('reply.picker.noTemplates') : t('reply.picker.noMatch')}
        </p>
      )}
      {onCancel !== undefined && (
        <div className="button-row">
          <button type="button" className="button" onClick={onCancel}>
            {t('reply.picker.back')}
          </button>
        </div>
      )}
    </div>
  );
}
