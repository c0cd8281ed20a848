// The library's list: which templates a user sees, the kind/scope/search filter over them, and the
// grouping by kind the list shows (kinds in the catalogue's order, names alphabetical inside).
import {
  templateKinds,
  type Template,
  type TemplateKind,
  type TemplateScope,
} from '../../../src-shared/domain/template';

export type KindFilter = 'all' | TemplateKind;
export type ScopeFilter = 'all' | TemplateScope;

export interface TemplateFilter {
  readonly kind: KindFilter;
  readonly scope: ScopeFilter;
  /** Words that must all occur in the name or the description (any case). */
  readonly search: string;
}

export const emptyTemplateFilter: TemplateFilter = { kind: 'all', scope: 'all', search: '' };

export interface TemplateGroup {
  readonly kind: TemplateKind;
  readonly templates: readonly Template[];
}

/**
 * The templates of the library: the agency's and the user's own personal ones. The server sends
 * nobody else's personal templates; filtering here keeps a stale copy from showing them anyway.
 */
export function visibleTemplates(templates: readonly Template[], userId: string): Template[] {
  return templates.filter((t) => t.scope === 'agency' || t.ownerId === userId);
}

function searchWords(search: string): string[] {
  return search
    .trim()
    .toLocaleLowerCase('id')
    .split(/\s+/)
    .filter((word) => word !== '');
}

export function matchesTemplateFilter(template: Template, filter: TemplateFilter): boolean {
  if (filter.kind !== 'all' && template.kind !== filter.kind) return false;
  if (filter.scope !== 'all' && template.scope !== filter.scope) return false;
  const words = searchWords(filter.search);
  if (words.length === 0) return true;
  const text = `${template.name} ${template.description}`.toLocaleLowerCase('id');
  return words.every((word) => text.includes(word));
}

function compareTemplates(a: Template, b: Template): number {
  // Agency wording first when names tie: it is the one most people use.
  return (
    a.name.localeCompare(b.name, 'id', { sensitivity: 'base' }) ||
    (a.scope === b.scope ? 0 : a.scope === 'agency' ? -1 : 1) ||
    a.id.localeCompare(b.id)
  );
}

/** The filtered templates by kind, empty kinds left out. */
export function groupTemplates(
  templates: readonly Template[],
  filter: TemplateFilter,
  userId: string,
): TemplateGroup[] {
  const matching = visibleTemplates(templates, userId).filter((t) =>
    matchesTemplateFilter(t, filter),
  );
  return templateKinds
    .map((kind) => ({
      kind,
      templates: matching.filter((t) => t.kind === kind).sort(compareTemplates),
    }))
    .filter((group) => group.templates.length > 0);
}

/** The ids in the order the list shows them (what the arrow keys walk). */
export function listedIds(groups: readonly TemplateGroup[]): string[] {
  return groups.flatMap((group) => group.templates.map((t) => t.id));
}

/** The id `step` rows away from `current` (clamped); the first row when nothing is current. */
export function stepCursor(
  ids: readonly string[],
  current: string | null,
  step: number,
): string | null {
  if (ids.length === 0) return null;
  const index = current === null ? -1 : ids.indexOf(current);
  if (index === -1) return ids[step < 0 ? ids.length - 1 : 0] ?? null;
  return ids[Math.min(ids.length - 1, Math.max(0, index + step))] ?? null;
}
