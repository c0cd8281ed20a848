// What the variable and snippet pickers put into the body, and putting it at the cursor: the
// selection is replaced and the caret lands where the operator goes on typing.
import type { TemplateVariable } from '../../../src-shared/domain/templating/template-context';

export interface Insertion {
  readonly text: string;
  /** Where the caret goes, counted from the start of `text`. */
  readonly caret: number;
}

export interface TextEdit {
  readonly text: string;
  readonly caret: number;
}

const LIST_FIELD = '[].';

/**
 * The tag for a catalogue variable: `{{laporan.nomor}}`; a field of a list item as it is written
 * inside the loop (`{{this.catatan}}`); a list as the loop itself, caret inside.
 */
export function variableInsertion(variable: Pick<TemplateVariable, 'name' | 'type'>): Insertion {
  const field = variable.name.indexOf(LIST_FIELD);
  if (field !== -1) {
    const text = `{{this.${variable.name.slice(field + LIST_FIELD.length)}}}`;
    return { text, caret: text.length };
  }
  if (variable.type === 'daftar') {
    const open = `{{#each ${variable.name}}}`;
    return { text: `${open}{{/each}}`, caret: open.length };
  }
  const text = `{{${variable.name}}}`;
  return { text, caret: text.length };
}

export function snippetInsertion(name: string): Insertion {
  const text = `{{> ${name}}}`;
  return { text, caret: text.length };
}

/** `text` with the selection `[start, end)` replaced by the insertion. */
export function insertAt(text: string, start: number, end: number, insertion: Insertion): TextEdit {
  const from = Math.min(Math.max(start, 0), text.length);
  const to = Math.min(Math.max(end, from), text.length);
  return {
    text: text.slice(0, from) + insertion.text + text.slice(to),
    caret: from + insertion.caret,
  };
}
