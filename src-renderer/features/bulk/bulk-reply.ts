// The bulk reply form's rules, apart from its markup: which templates it offers (never snippets,
// nobody else's personal ones), the search over them, and what is wrong with the source before
// the worker renders it for every report (a syntax error, unknown variables).
import { SNIPPET_KIND, type Template } from '../../../src-shared/domain/template';
import {
  analyze,
  type TemplateSnippets,
} from '../../../src-shared/domain/templating/template-render';
import type { TemplateError } from '../../../src-shared/domain/templating/template-syntax';
import type { BulkSkip } from '../../../src-shared/bulk/bulk-action';

/** The templates a reply may start from: agency ones and the user's own, by name. */
export function replyTemplates(templates: readonly Template[], userId: string): Template[] {
  return templates
    .filter(
      (template) =>
        template.kind !== SNIPPET_KIND &&
        (template.scope === 'agency' || template.ownerId === userId),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'id') || a.id.localeCompare(b.id));
}

/** The templates whose name or description holds every word of `search` (any case). */
export function matchTemplates(templates: readonly Template[], search: string): Template[] {
  const words = search.trim().toLocaleLowerCase('id').split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...templates];
  return templates.filter((template) => {
    const text = `${template.name} ${template.description}`.toLocaleLowerCase('id');
    return words.every((word) => text.includes(word));
  });
}

export interface ReplySourceCheck {
  /** Why the source cannot be rendered at all (with its line and column), else null. */
  readonly error: TemplateError | null;
  /** Variables outside the catalogue: they would leave every report empty, so sending waits. */
  readonly unknown: readonly string[];
  /** Variables that would identify a reporter: anonymous reports get the neutral form. */
  readonly identifying: readonly string[];
}

/** What the form says about the source; only an empty or clean source may be checked. */
export function checkReplySource(source: string, snippets: TemplateSnippets): ReplySourceCheck {
  const analysis = analyze(source, snippets);
  if (!analysis.ok) return { error: analysis.error, unknown: [], identifying: [] };
  return {
    error: null,
    unknown: [...new Set(analysis.value.unknown.map((use) => use.variable))],
    identifying: analysis.value.identifying,
  };
}

/** Whether the checked source can be sent to the worker for the preview. */
export function isSendable(source: string, check: ReplySourceCheck): boolean {
  return source.trim() !== '' && check.error === null && check.unknown.length === 0;
}

/** The reports a reply holds back (values left empty), apart from those it skips otherwise. */
export function splitHeld(skipped: readonly BulkSkip[]): {
  held: BulkSkip[];
  other: BulkSkip[];
} {
  const held: BulkSkip[] = [];
  const other: BulkSkip[] = [];
  for (const skip of skipped) (skip.reasonKey === 'bulk.missing_values' ? held : other).push(skip);
  return { held, other };
}
