// The editor's working copy of a template: made from a stored template, a new one or a copy;
// compared with what was last saved (the unsaved-changes guard); checked and turned into the
// `template.upsert` arguments.
import {
  SNIPPET_KIND,
  SNIPPET_NAME_PATTERN,
  type Template,
  type TemplateKind,
  type TemplateScope,
} from '../../../src-shared/domain/template';
import type { MutationArgs } from '../../../src-shared/sync/protocol';

export interface TemplateDraft {
  readonly id: string;
  /** Not stored yet: the scope may still be chosen, and there is nothing to delete. */
  readonly isNew: boolean;
  readonly scope: TemplateScope;
  readonly kind: TemplateKind;
  readonly name: string;
  readonly description: string;
  readonly categoryIds: readonly string[];
  readonly body: string;
}

export type DraftProblem = 'name_required' | 'snippet_name';

export function draftOf(template: Template): TemplateDraft {
  return {
    id: template.id,
    isNew: false,
    scope: template.scope,
    kind: template.kind,
    name: template.name,
    description: template.description,
    categoryIds: template.categoryIds,
    body: template.body,
  };
}

export function newDraft(id: string, scope: TemplateScope, kind: TemplateKind): TemplateDraft {
  return { id, isNew: true, scope, kind, name: '', description: '', categoryIds: [], body: '' };
}

/**
 * A personal copy under a new id. A snippet keeps its name, so the copy shadows the agency's
 * snippet in the user's own templates (snippetsOf); anything else is named as a copy.
 */
export function personalCopy(
  source: TemplateDraft,
  id: string,
  copyName: (name: string) => string,
): TemplateDraft {
  return {
    ...source,
    id,
    isNew: true,
    scope: 'personal',
    name: source.kind === SNIPPET_KIND ? source.name : copyName(source.name),
  };
}

export function isSameDraft(a: TemplateDraft, b: TemplateDraft): boolean {
  return (
    a.id === b.id &&
    a.scope === b.scope &&
    a.kind === b.kind &&
    a.name === b.name &&
    a.description === b.description &&
    a.body === b.body &&
    a.categoryIds.length === b.categoryIds.length &&
    a.categoryIds.every((id) => b.categoryIds.includes(id))
  );
}

/** What keeps the draft from being saved, besides the template's own syntax. */
export function draftProblems(draft: TemplateDraft): DraftProblem[] {
  const name = draft.name.trim();
  if (name === '') return ['name_required'];
  if (draft.kind === SNIPPET_KIND && !SNIPPET_NAME_PATTERN.test(name)) return ['snippet_name'];
  return [];
}

export function upsertArgs(draft: TemplateDraft): MutationArgs<'template.upsert'> {
  return {
    templateId: draft.id,
    scope: draft.scope,
    kind: draft.kind,
    name: draft.name.trim(),
    body: draft.body,
    description: draft.description.trim(),
    categoryIds: [...draft.categoryIds],
  };
}
