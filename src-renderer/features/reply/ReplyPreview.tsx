// The reply exactly as the reporter will read it (plain text, line breaks kept, never HTML), with
// an input in place of every variable the report leaves empty: typing fills it everywhere it is
// used, and a hole still empty is marked invalid and labelled with what it stands for.
import type { Ref } from 'react';
import type { TemplateFills } from '../../../src-shared/domain/templating/template-context-build';
import type { RenderedPart } from '../../../src-shared/domain/templating/template-render';
import { useT } from '../../i18n/i18n';
import { variableLabel } from './reply-rendering';

/** Marks the holes' inputs, so the composer can find the first one still empty. */
export const HOLE_ATTRIBUTE = 'data-reply-hole';

/** Characters a hole's input is wide: what it holds, at least its placeholder, at most a line. */
function holeSize(text: string): number {
  return Math.min(Math.max(text.length + 1, 8), 60);
}

export function ReplyPreview({
  parts,
  fills,
  missing,
  labelId,
  containerRef,
  onFill,
}: {
  parts: readonly RenderedPart[];
  fills: TemplateFills;
  /** Variables still empty with the fills (the summary's list). */
  missing: ReadonlySet<string>;
  /** The heading that names the preview. */
  labelId: string;
  containerRef: Ref<HTMLDivElement>;
  onFill: (variable: string, value: string) => void;
}) {
  const t = useT();
  const isEmpty = parts.every((part) => part.kind === 'text' && part.text.trim() === '');
  return (
    <div
      ref={containerRef}
      className="reply-preview reply-text"
      role="group"
      aria-labelledby={labelId}
    >
      {isEmpty ? (
        <span className="reply-preview__empty">{t('reply.previewEmpty')}</span>
      ) : (
        parts.map((part, index) => {
          // Parts never reorder while a source is shown: the index is a stable key.
          const key = String(index);
          if (part.kind === 'text') return <span key={key}>{part.text}</span>;
          const value = fills[part.variable] ?? '';
          const label = variableLabel(part.variable);
          return (
            <input
              key={key}
              type="text"
              className="reply-hole"
              {...{ [HOLE_ATTRIBUTE]: part.variable }}
              aria-label={t('reply.holeLabel', { label, variable: part.variable })}
              aria-invalid={missing.has(part.variable)}
              title={label}
              placeholder={part.variable}
              value={value}
              size={holeSize(value === '' ? part.variable : value)}
              maxLength={2000}
              spellCheck
              onChange={(event) => {
                onFill(part.variable, event.target.value);
              }}
            />
          );
        })
      )}
    </div>
  );
}
