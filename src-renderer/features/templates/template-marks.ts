// Where the editor underlines a template's source: the tag a syntax error points at and every
// place an unknown variable is written. Positions come from the parser as 1-based line/column;
// the overlay behind the textarea needs character ranges of the same text.
import type { TemplateVariableUse } from '../../../src-shared/domain/templating/template-render';
import type { SourcePosition } from '../../../src-shared/domain/templating/template-syntax';

export type MarkKind = 'error' | 'unknown';

export interface TemplateMark {
  /** Character offsets into the source, `start < end`. */
  readonly start: number;
  readonly end: number;
  readonly kind: MarkKind;
}

export interface MarkedSegment {
  readonly text: string;
  readonly kind: MarkKind | null;
}

/** The offset of a 1-based line/column in `source` (clamped to the text). */
export function offsetOf(source: string, at: SourcePosition): number {
  let offset = 0;
  for (let line = 1; line < at.line; line++) {
    const newline = source.indexOf('\n', offset);
    if (newline === -1) return source.length;
    offset = newline + 1;
  }
  const lineEnd = source.indexOf('\n', offset);
  const end = lineEnd === -1 ? source.length : lineEnd;
  return Math.min(offset + Math.max(at.column - 1, 0), end);
}

/**
 * The token at `offset`: a whole `{{…}}` tag when one starts there (to the end of the line when it
 * is never closed), else the run of non-space characters. Never empty while the source is not.
 */
export function tokenRange(source: string, offset: number): { start: number; end: number } {
  if (source.length === 0) return { start: 0, end: 0 };
  const start = Math.min(Math.max(offset, 0), source.length - 1);
  if (source.startsWith('{{', start)) {
    const close = source.indexOf('}}', start + 2);
    const lineEnd = source.indexOf('\n', start);
    const end = close === -1 || (lineEnd !== -1 && lineEnd < close) ? lineEnd : close + 2;
    return { start, end: end === -1 ? source.length : Math.max(end, start + 2) };
  }
  let end = start;
  while (end < source.length && !/\s/.test(source.charAt(end))) end++;
  return { start, end: Math.max(end, start + 1) };
}

/**
 * The marks of `source`: the syntax error's token and each unknown variable's tag. Problems found
 * inside a snippet (`snippet` set) are positions in that snippet's text, not in this one, and are
 * only listed, never underlined. Overlaps go to the error; marks come out in order.
 */
export function templateMarks(
  source: string,
  error: (SourcePosition & { readonly snippet?: string }) | null,
  unknown: readonly TemplateVariableUse[],
): TemplateMark[] {
  const marks: TemplateMark[] = [];
  const add = (at: SourcePosition, kind: MarkKind) => {
    const range = tokenRange(source, offsetOf(source, at));
    if (range.end > range.start) marks.push({ ...range, kind });
  };
  if (error !== null && error.snippet === undefined) add(error, 'error');
  for (const use of unknown) if (use.snippet === undefined) add(use, 'unknown');
  const ordered = marks.sort(
    (a, b) => a.start - b.start || (a.kind === b.kind ? 0 : a.kind === 'error' ? -1 : 1),
  );
  const kept: TemplateMark[] = [];
  for (const mark of ordered) {
    const last = kept[kept.length - 1];
    if (last !== undefined && mark.start < last.end) continue;
    kept.push(mark);
  }
  return kept;
}

/** The source cut at the marks: what the overlay renders, plain and marked runs in turn. */
export function markedSegments(source: string, marks: readonly TemplateMark[]): MarkedSegment[] {
  const segments: MarkedSegment[] = [];
  let cursor = 0;
  for (const mark of marks) {
    if (mark.start > cursor) segments.push({ text: source.slice(cursor, mark.start), kind: null });
    segments.push({ text: source.slice(mark.start, mark.end), kind: mark.kind });
    cursor = mark.end;
  }
  if (cursor < source.length) segments.push({ text: source.slice(cursor), kind: null });
  return segments;
}
