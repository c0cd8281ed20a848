// Builds the TemplateContext of one report from local data (the composer, the editor's preview and
// bulk reply all use this one function), and the snippet table a user's templates provide.
// CONTRACT (issue 7): implemented by the templating helper; signatures are fixed.

import type { Agency } from '../agency';
import type { Category } from '../category';
import type { Disposition } from '../disposition';
import type { EpochMs } from '../epoch-ms';
import type { Report } from '../report';
import type { SlaCalendar } from '../sla-calendar';
import type { Template } from '../template';
import type { User } from '../user';
import type { TemplateContext } from './template-context';
import type { TemplateSnippets } from './template-render';

export interface TemplateContextInput {
  readonly report: Report;
  readonly dispositions: readonly Disposition[];
  readonly agencies: ReadonlyMap<string, Agency>;
  readonly categories: ReadonlyMap<string, Category>;
  readonly users: ReadonlyMap<string, User>;
  /** The operator writing (petugas.nama). */
  readonly officerId: string;
  readonly now: EpochMs;
  readonly calendar: SlaCalendar;
}

export declare function buildTemplateContext(input: TemplateContextInput): TemplateContext;

/** Values the operator typed for variables that were empty, by variable name (`petugas.nama`). */
export type TemplateFills = Readonly<Record<string, string>>;

/** The context with the operator's fills written over it (blank fills ignored). */
export declare function withFills(context: TemplateContext, fills: TemplateFills): TemplateContext;

/**
 * The snippets a user's templates provide, by name: agency snippets, then the user's personal
 * ones of the same name shadow them.
 */
export declare function snippetsOf(templates: readonly Template[], userId: string): TemplateSnippets;

/**
 * The templates to offer first for a report and a kind: personal and agency templates of the kind
 * (never snippets), those listing the report's category first, then by name.
 */
export declare function suggestTemplates(
  templates: readonly Template[],
  kind: Template['kind'] | null,
  categoryId: string | null,
  userId: string,
): Template[];
