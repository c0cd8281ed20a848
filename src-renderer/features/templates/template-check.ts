// The editor's reading of the body as it is typed: analyze() against the user's snippets, what to
// underline, and whether anything in this template (not in a snippet it includes) blocks saving.
import {
  SNIPPET_KIND,
  SNIPPET_NAME_PATTERN,
  type Template,
} from '../../../src-shared/domain/template';
import { snippetsOf } from '../../../src-shared/domain/templating/template-context-build';
import {
  analyze,
  type TemplateAnalysis,
  type TemplateSnippets,
} from '../../../src-shared/domain/templating/template-render';
import type { TemplateError } from '../../../src-shared/domain/templating/template-syntax';
import type { TemplateDraft } from './template-draft';
import { templateMarks, type TemplateMark } from './template-marks';

export interface TemplateCheck {
  readonly error: TemplateError | null;
  readonly analysis: TemplateAnalysis | null;
  readonly marks: readonly TemplateMark[];
  /** A syntax error in this template's own text: saving it would store a broken template. */
  readonly blocksSave: boolean;
}

/**
 * The snippets the draft renders with: the user's (snippetsOf), and when the draft is a snippet
 * itself, its unsaved text under its name, so including itself shows as the cycle it is.
 */
export function draftSnippets(
  templates: readonly Template[],
  userId: string,
  draft: Pick<TemplateDraft, 'kind' | 'name' | 'body'>,
): TemplateSnippets {
  const snippets = snippetsOf(templates, userId);
  const name = draft.name.trim();
  if (draft.kind !== SNIPPET_KIND || !SNIPPET_NAME_PATTERN.test(name)) return snippets;
  return { ...snippets, [name]: draft.body };
}

export function checkTemplate(body: string, snippets: TemplateSnippets): TemplateCheck {
  const result = analyze(body, snippets);
  if (!result.ok) {
    return {
      error: result.error,
      analysis: null,
      marks: templateMarks(body, result.error, []),
      blocksSave: result.error.snippet === undefined,
    };
  }
  return {
    error: null,
    analysis: result.value,
    marks: templateMarks(body, null, result.value.unknown),
    blocksSave: false,
  };
}
