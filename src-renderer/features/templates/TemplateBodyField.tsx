// The template body: a textarea over a mirror of its text in which the syntax error's tag and each
// unknown variable are underlined. The mirror's text is invisible and laid out exactly like the
// textarea's (same font, padding, wrapping, scroll), so the underlines sit under the typed text.
import { Fragment, useRef, type ChangeEvent, type Ref } from 'react';
import { markedSegments, type TemplateMark } from './template-marks';

export function TemplateBodyField({
  id,
  value,
  marks,
  readOnly,
  describedBy,
  textareaRef,
  onChange,
}: {
  id: string;
  value: string;
  marks: readonly TemplateMark[];
  readOnly: boolean;
  describedBy?: string;
  textareaRef: Ref<HTMLTextAreaElement>;
  onChange: (value: string) => void;
}) {
  const mirrorRef = useRef<HTMLDivElement>(null);
  const segments = markedSegments(value, marks);
  return (
    <div className="template-body">
      <div
        ref={mirrorRef}
        className="template-body__mirror"
        aria-hidden="true"
        data-testid="template-body-mirror"
      >
        {segments.map((segment, i) =>
          segment.kind === null ? (
            <Fragment key={i}>{segment.text}</Fragment>
          ) : (
            <mark
              key={i}
              className={`template-body__mark template-body__mark--${segment.kind}`}
              data-mark={segment.kind}
            >
              {segment.text}
            </mark>
          ),
        )}
        {/* A trailing newline only takes room in the mirror with something after it. */}
        {value.endsWith('\n') ? ' ' : null}
      </div>
      <textarea
        id={id}
        ref={textareaRef}
        className="template-body__input"
        value={value}
        readOnly={readOnly}
        spellCheck={false}
        rows={14}
        aria-invalid={marks.some((m) => m.kind === 'error') ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          onChange(event.target.value);
        }}
        onScroll={(event) => {
          const mirror = mirrorRef.current;
          if (mirror === null) return;
          mirror.scrollTop = event.currentTarget.scrollTop;
          mirror.scrollLeft = event.currentTarget.scrollLeft;
        }}
      />
    </div>
  );
}
