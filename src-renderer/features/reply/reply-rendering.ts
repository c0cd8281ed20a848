// What the composer shows and sends, from the template source, the report's context and the
// operator's fills: the preview cut at every hole, the exact final text, the variables still
// empty, the body of a synced draft (holes kept as `{{name}}`), and the templates to offer.
import type { Template, TemplateKind } from '../../../src-shared/domain/template';
import type { TimeZone } from '../../../src-shared/domain/time-zone';
import {
  findTemplateVariable,
  type TemplateContext,
} from '../../../src-shared/domain/templating/template-context';
import {
  suggestTemplates,
  withFills,
  type TemplateFills,
} from '../../../src-shared/domain/templating/template-context-build';
import {
  analyze,
  render,
  type RenderedPart,
  type TemplateSnippets,
  type TemplateVariableUse,
} from '../../../src-shared/domain/templating/template-render';
import type { TemplateError } from '../../../src-shared/domain/templating/template-syntax';

// ---------------------------------------------------------------------------------------------
// Rendering

export interface ReplyInput {
  readonly source: string;
  readonly context: TemplateContext;
  readonly fills: TemplateFills;
  readonly snippets: TemplateSnippets;
  readonly timeZone: TimeZone;
}

export type ReplyPreview =
  | { readonly ok: false; readonly error: TemplateError }
  | {
      readonly ok: true;
      /**
       * The text cut at every variable the report leaves empty. Rendered without the fills, so
       * a hole keeps its input while the operator types into it.
       */
      readonly parts: readonly RenderedPart[];
      /** Exactly what the reporter will read: rendered with the fills. */
      readonly text: string;
      /** Variables still empty with the fills, once each, in order: sending waits for them. */
      readonly missing: readonly string[];
      /** Variables outside the catalogue: no fill can satisfy them, the text must change. */
      readonly unknown: readonly TemplateVariableUse[];
      /** Variables that would identify the reporter (rendered neutrally when anonymous). */
      readonly identifying: readonly string[];
    };

export function uniqueVariables(uses: readonly TemplateVariableUse[]): string[] {
  return [...new Set(uses.map((use) => use.variable))];
}

export function previewReply(input: ReplyInput): ReplyPreview {
  const options = { snippets: input.snippets, timeZone: input.timeZone };
  const holes = render(input.source, input.context, { ...options, parts: true });
  if (!holes.ok) return { ok: false, error: holes.error };
  const filled = render(input.source, withFills(input.context, input.fills), options);
  if (!filled.ok) return { ok: false, error: filled.error };
  const analysis = analyze(input.source, input.snippets);
  return {
    ok: true,
    parts: holes.value.parts ?? [{ kind: 'text', text: holes.value.text }],
    text: filled.value.text,
    missing: uniqueVariables(filled.value.missing),
    unknown: analysis.ok ? analysis.value.unknown : [],
    identifying: analysis.ok ? analysis.value.identifying : [],
  };
}

/**
 * The body of a draft synced before it is complete: rendered with the fills, each hole written
 * back as `{{name}}` so reopening it (here or on another device) shows the same holes. A source
 * that does not parse goes as it is: it is the operator's work, and still a template.
 */
export function draftBody(input: ReplyInput): string {
  const rendered = render(input.source, withFills(input.context, input.fills), {
    snippets: input.snippets,
    timeZone: input.timeZone,
    keepMissing: true,
  });
  return rendered.ok ? rendered.value.text : input.source;
}

/** What the hole's input is called: the catalogue's description, else the variable's name. */
export function variableLabel(variable: string): string {
  return findTemplateVariable(variable)?.description ?? variable;
}

// ---------------------------------------------------------------------------------------------
// Templates to offer

/** The kinds a reply to a report in progress usually is; offered before the others. */
export const REPLY_KINDS: readonly TemplateKind[] = ['tindak_lanjut', 'jawaban_akhir'];

/**
 * The reply kinds' suggestions (the report's category first), then every other template the
 * operator has, never snippets; each once.
 */
export function replyTemplateChoices(
  templates: readonly Template[],
  categoryId: string | null,
  userId: string,
): Template[] {
  const seen = new Set<string>();
  const choices: Template[] = [];
  const lists = [
    ...REPLY_KINDS.map((kind) => suggestTemplates(templates, kind, categoryId, userId)),
    suggestTemplates(templates, null, categoryId, userId),
  ];
  for (const list of lists) {
    for (const template of list) {
      if (seen.has(template.id)) continue;
      seen.add(template.id);
      choices.push(template);
    }
  }
  return choices;
}

/** Case- and accent-insensitive words, so "tindak lanjut" finds "Tindak Lanjut Pengaduan". */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('id');
}

/** The choices whose name, description or kind contain every word of `search`. */
export function filterTemplates(
  templates: readonly Template[],
  search: string,
  kindLabel: (kind: TemplateKind) => string,
): Template[] {
  const words = folded(search)
    .split(/\s+/)
    .filter((word) => word !== '');
  if (words.length === 0) return [...templates];
  return templates.filter((template) => {
    const haystack = folded(`${template.name} ${template.description} ${kindLabel(template.kind)}`);
    return words.every((word) => haystack.includes(word));
  });
}
