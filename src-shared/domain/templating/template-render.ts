// Analysis and rendering of parsed templates against a TemplateContext: plain text out, every
// empty or missing placeholder reported with its position, anonymous reporters kept anonymous.

import { err, ok, type Result } from '../../result';
import { dateKeyFromDayNumber, dayNumberFromDateKey } from '../calendar-date';
import { localDayNumber, type TimeZone } from '../time-zone';
import {
  findTemplateVariable,
  type TemplateContext,
  type TemplateVariableType,
} from './template-context';
import {
  escapeTemplateText,
  parseTemplate,
  type ParsedTemplate,
  type SourcePosition,
  type TemplateError,
  type TemplateFilter,
  type TemplateNode,
  type TemplatePath,
} from './template-syntax';

/** How deep snippets may include snippets; beyond this a chain is almost surely a mistake. */
export const MAX_SNIPPET_DEPTH = 8;

/**
 * Most characters a rendering may produce. Snippets included many times inside snippets (or loops
 * inside loops) multiply; a letter is never this long, so stopping here keeps render total.
 */
export const MAX_RENDERED_LENGTH = 200_000;

/** Snippet sources by name, as written after `{{>`. */
export type TemplateSnippets = Readonly<Record<string, string>>;

/** One place a variable is written, in the template or (when `snippet` is set) in a snippet. */
export interface TemplateVariableUse extends SourcePosition {
  readonly variable: string;
  readonly snippet?: string;
}

export interface TemplateAnalysis {
  /** Every variable the template (and its snippets) reads, once each, in order of appearance. */
  readonly variables: readonly string[];
  /** Each place a variable outside the catalogue is written. */
  readonly unknown: readonly TemplateVariableUse[];
  /** Variables that would identify the reporter: the editor warns about these. */
  readonly identifying: readonly string[];
  readonly snippets: readonly string[];
}

export interface RenderedTemplate {
  /**
   * The text; with `keepMissing`, a template again: each hole written back as its tag and every
   * `{` of the text as a literal, so that it parses, and rendered with the holes filled gives
   * what the original template gives with them filled.
   */
  readonly text: string;
  /** Each placeholder that rendered nothing because its value was empty or missing. */
  readonly missing: readonly TemplateVariableUse[];
  /**
   * The text cut at every missing placeholder, in order (only with `parts: true`): what a preview
   * shows with an input in place of each hole. Joining the text parts gives `text` (the plain
   * text also with `keepMissing`). Text parts are never empty, and never two in a row.
   */
  readonly parts?: readonly RenderedPart[];
}

export type RenderedPart =
  | { readonly kind: 'text'; readonly text: string }
  | ({ readonly kind: 'missing' } & TemplateVariableUse);

export interface RenderOptions {
  readonly snippets?: TemplateSnippets;
  readonly timeZone: TimeZone;
  /** Also return `parts` (the preview with holes). */
  readonly parts?: boolean;
  /**
   * Write each missing placeholder back as `{{name}}` instead of nothing: the result is a
   * template again whose only tags are the holes (a draft synced before it is complete).
   * A placeholder keeps its filters (`{{laporan.tanggal | tanggal}}`). Conditionals are decided
   * with the context at hand. A hole inside `{{#each}}` (`{{this.catatan}}`) cannot stand alone
   * once the loop is gone, so a loop with such a hole is written back whole, to be expanded again
   * with the fuller context. Literal braces of the text are written as `{{"{"}}`.
   */
  readonly keepMissing?: boolean;
}

/**
 * Parsed sources by their text, least recently used first: a composer re-renders on every key and
 * a bulk reply renders one template per report, so a template and its snippets parse once.
 */
const PARSE_CACHE_SIZE = 64;
const parseCache = new Map<string, Result<ParsedTemplate, TemplateError>>();

function parseCached(source: string): Result<ParsedTemplate, TemplateError> {
  const cached = parseCache.get(source);
  if (cached !== undefined) {
    parseCache.delete(source);
    parseCache.set(source, cached);
    return cached;
  }
  const parsed = parseTemplate(source);
  parseCache.set(source, parsed);
  if (parseCache.size > PARSE_CACHE_SIZE) {
    const oldest = parseCache.keys().next();
    if (oldest.done !== true) parseCache.delete(oldest.value);
  }
  return parsed;
}

/** The tag a placeholder was written as, filters included. */
function placeholderSource(path: TemplatePath, filters: readonly TemplateFilter[]): string {
  return `{{${path.join('.')}${filters.map((filter) => ` | ${filter}`).join('')}}}`;
}

/** Template source of parsed nodes, with included snippets written inline. */
function sourceOf(
  nodes: readonly TemplateNode[],
  snippets: ReadonlyMap<string, ParsedTemplate>,
): string {
  let source = '';
  for (const node of nodes) {
    switch (node.kind) {
      case 'text':
        source += escapeTemplateText(node.value);
        break;
      case 'variable':
        source += placeholderSource(node.path, node.filters);
        break;
      case 'if': {
        const otherwise =
          node.otherwise.length === 0 ? '' : `{{else}}${sourceOf(node.otherwise, snippets)}`;
        source += `{{#if ${node.path.join('.')}}}${sourceOf(node.then, snippets)}${otherwise}{{/if}}`;
        break;
      }
      case 'each':
        source += `{{#each ${node.path.join('.')}}}${sourceOf(node.body, snippets)}{{/each}}`;
        break;
      case 'include':
        source += sourceOf(snippets.get(node.name)?.nodes ?? [], snippets);
        break;
    }
  }
  return source;
}

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

function formatDayNumber(dayNumber: number): string {
  const [year = '', month = '', day = ''] = dateKeyFromDayNumber(dayNumber).split('-');
  return `${String(Number(day))} ${MONTHS[Number(month) - 1] ?? ''} ${year}`;
}

/** "24 November 2026": the calendar day of `epochMs` in the given Indonesian time zone. */
export function formatIndonesianDate(epochMs: number, timeZone: TimeZone): string {
  return formatDayNumber(localDayNumber(epochMs, timeZone));
}

/** "24 November 2026" for the date key `2026-11-24`; null when the key is not a date. */
export function formatIndonesianDateKey(key: string): string | null {
  const day = dayNumberFromDateKey(key.trim());
  return day === null ? null : formatDayNumber(day);
}

/** Escapes text for the PDF letter, the only place template output becomes HTML. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function hasOwn(value: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(value, key);
}

/** Own properties only, so `{{constructor}}` cannot reach into prototypes. */
function readPath(base: unknown, segments: readonly string[]): unknown {
  let value = base;
  for (const segment of segments) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
    if (!hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

interface Scope {
  readonly name: string;
  readonly value: unknown;
}

/** The catalogue name of a path (`this.catatan` inside `#each disposisi` is `disposisi[].catatan`). */
function variableName(path: TemplatePath, scopes: readonly Scope[]): string {
  if (path[0] !== 'this') return path.join('.');
  const scope = scopes[scopes.length - 1];
  return [scope?.name ?? 'this', ...path.slice(1)].join('.');
}

/** Resolves every include reachable from `template`, rejecting missing snippets and cycles. */
function resolveSnippets(
  template: ParsedTemplate,
  snippets: TemplateSnippets,
): Result<ReadonlyMap<string, ParsedTemplate>, TemplateError> {
  const resolved = new Map<string, ParsedTemplate>();
  const chain: string[] = [];

  const visit = (nodes: readonly TemplateNode[]): TemplateError | null => {
    for (const node of nodes) {
      const inside = chain[chain.length - 1];
      const where = inside === undefined ? {} : { snippet: inside };
      switch (node.kind) {
        case 'text':
        case 'variable':
          break;
        case 'if': {
          const failure = visit(node.then) ?? visit(node.otherwise);
          if (failure !== null) return failure;
          break;
        }
        case 'each': {
          const failure = visit(node.body);
          if (failure !== null) return failure;
          break;
        }
        case 'include': {
          const at = { line: node.line, column: node.column, ...where };
          if (chain.includes(node.name)) {
            const cycle = [...chain.slice(chain.indexOf(node.name)), node.name].join(' → ');
            return {
              code: 'snippet_cycle',
              message: `Snippets include each other: ${cycle}`,
              ...at,
            };
          }
          if (resolved.has(node.name)) break;
          if (!hasOwn(snippets, node.name)) {
            return {
              code: 'snippet_missing',
              message: `There is no snippet named "${node.name}"`,
              ...at,
            };
          }
          if (chain.length >= MAX_SNIPPET_DEPTH) {
            return {
              code: 'snippet_too_deep',
              message: `Snippets nest at most ${String(MAX_SNIPPET_DEPTH)} levels deep`,
              ...at,
            };
          }
          const parsed = parseCached(snippets[node.name] ?? '');
          if (!parsed.ok) return { ...parsed.error, snippet: node.name };
          chain.push(node.name);
          const failure = visit(parsed.value.nodes);
          chain.pop();
          if (failure !== null) return failure;
          resolved.set(node.name, parsed.value);
          break;
        }
      }
    }
    return null;
  };

  const failure = visit(template.nodes);
  return failure === null ? ok(resolved) : err(failure);
}

function prepare(
  template: string | ParsedTemplate,
  snippets: TemplateSnippets,
): Result<
  { template: ParsedTemplate; snippets: ReadonlyMap<string, ParsedTemplate> },
  TemplateError
> {
  const parsed = typeof template === 'string' ? parseCached(template) : ok(template);
  if (!parsed.ok) return parsed;
  const resolved = resolveSnippets(parsed.value, snippets);
  if (!resolved.ok) return resolved;
  return ok({ template: parsed.value, snippets: resolved.value });
}

export function analyze(
  template: string | ParsedTemplate,
  snippets: TemplateSnippets = {},
): Result<TemplateAnalysis, TemplateError> {
  const prepared = prepare(template, snippets);
  if (!prepared.ok) return prepared;
  const variables = new Set<string>();
  const unknown: TemplateVariableUse[] = [];
  const identifying = new Set<string>();
  const snippetsUsed = new Set<string>();

  const use = (name: string, at: SourcePosition, snippet: string | undefined): void => {
    variables.add(name);
    const known = findTemplateVariable(name);
    if (known === undefined) {
      unknown.push({
        variable: name,
        line: at.line,
        column: at.column,
        ...(snippet === undefined ? {} : { snippet }),
      });
    } else if (known.identifiesReporter) {
      identifying.add(name);
    }
  };

  const walk = (
    nodes: readonly TemplateNode[],
    scopes: readonly Scope[],
    snippet: string | undefined,
  ): void => {
    for (const node of nodes) {
      switch (node.kind) {
        case 'text':
          break;
        case 'variable':
          use(variableName(node.path, scopes), node, snippet);
          break;
        case 'if':
          use(variableName(node.path, scopes), node, snippet);
          walk(node.then, scopes, snippet);
          walk(node.otherwise, scopes, snippet);
          break;
        case 'each': {
          const name = variableName(node.path, scopes);
          use(name, node, snippet);
          walk(node.body, [...scopes, { name: `${name}[]`, value: undefined }], snippet);
          break;
        }
        case 'include': {
          snippetsUsed.add(node.name);
          const included = prepared.value.snippets.get(node.name);
          if (included !== undefined) walk(included.nodes, scopes, node.name);
          break;
        }
      }
    }
  };

  walk(prepared.value.template.nodes, [], undefined);
  return ok({
    variables: [...variables],
    unknown,
    identifying: [...identifying],
    snippets: [...snippetsUsed],
  });
}

/** Truthiness for {{#if}}: non-blank text, true, a non-zero number, a non-empty list. */
function isTruthy(value: unknown): boolean {
  if (typeof value === 'string') return value.trim() !== '';
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.length > 0;
  return typeof value === 'object' && value !== null;
}

/** The text a value shows as, or null when it is empty, missing or not printable. */
function toText(
  value: unknown,
  type: TemplateVariableType | undefined,
  tz: TimeZone,
): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return null;
    return type === 'tanggal' ? formatIndonesianDate(value, tz) : String(value);
  }
  if (typeof value === 'boolean') return value ? 'ya' : 'tidak';
  if (Array.isArray(value)) {
    const items = value
      .map((item) => toText(item, undefined, tz))
      .filter((item): item is string => item !== null);
    return items.length === 0 ? null : items.join(', ');
  }
  return null;
}

function applyFilter(
  value: unknown,
  filter: TemplateFilter,
  type: TemplateVariableType | undefined,
  tz: TimeZone,
): unknown {
  switch (filter) {
    case 'upper':
      return toText(value, type, tz)?.toUpperCase();
    case 'lower':
      return toText(value, type, tz)?.toLowerCase();
    case 'tanggal': {
      if (typeof value === 'number') {
        return Number.isFinite(value) ? formatIndonesianDate(value, tz) : undefined;
      }
      if (typeof value === 'string') {
        const day = dayNumberFromDateKey(value.trim());
        return day === null ? value : formatDayNumber(day);
      }
      return value;
    }
  }
}

export function render(
  template: string | ParsedTemplate,
  context: TemplateContext,
  options: RenderOptions,
): Result<RenderedTemplate, TemplateError> {
  const prepared = prepare(template, options.snippets ?? {});
  if (!prepared.ok) return prepared;
  const tz = options.timeZone;
  // Read through `unknown`: contexts come from synced data and may be partial at run time.
  const root: unknown = context;
  const isAnonymous = readPath(root, ['laporan', 'anonim']) === true;
  const out: string[] = [];
  const missing: TemplateVariableUse[] = [];
  const parts: RenderedPart[] | null = options.parts === true ? [] : null;
  // With keepMissing: the template with holes, written alongside the plain text.
  const kept: string[] | null = options.keepMissing === true ? [] : null;
  // Holes of list items (`this.…`) so far: a loop that gains one is written back whole.
  let itemHoles = 0;
  let length = 0;
  // A holder, not a `let`: assignments inside the closures below would be invisible to narrowing.
  const stop: { overflow: TemplateError | null } = { overflow: null };
  const overflow = (
    at: SourcePosition | undefined,
    snippet: string | undefined,
  ): TemplateError => ({
    code: 'output_too_long',
    message: `The rendered text would exceed ${String(MAX_RENDERED_LENGTH)} characters`,
    line: at?.line ?? 1,
    column: at?.column ?? 1,
    ...(snippet === undefined ? {} : { snippet }),
  });
  const emit = (
    text: string,
    at: SourcePosition | undefined,
    snippet: string | undefined,
  ): void => {
    length += text.length;
    if (length > MAX_RENDERED_LENGTH) {
      stop.overflow = overflow(at, snippet);
      return;
    }
    out.push(text);
    kept?.push(escapeTemplateText(text));
    if (parts !== null) {
      const last = parts[parts.length - 1];
      if (last?.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + text };
      else parts.push({ kind: 'text', text });
    }
  };
  const hole = (
    node: Extract<TemplateNode, { kind: 'variable' }>,
    name: string,
    snippet: string | undefined,
  ): void => {
    const use: TemplateVariableUse = {
      variable: name,
      line: node.line,
      column: node.column,
      ...(snippet === undefined ? {} : { snippet }),
    };
    missing.push(use);
    parts?.push({ kind: 'missing', ...use });
    if (kept !== null) {
      if (node.path[0] === 'this') itemHoles += 1;
      kept.push(placeholderSource(node.path, node.filters));
    }
  };

  const lookup = (
    path: TemplatePath,
    scopes: readonly Scope[],
  ): { name: string; value: unknown } => {
    const name = variableName(path, scopes);
    const known = findTemplateVariable(name);
    if (isAnonymous && known?.identifiesReporter === true) {
      return { name, value: known.neutralForm ?? '' };
    }
    if (path[0] === 'this') {
      return { name, value: readPath(scopes[scopes.length - 1]?.value, path.slice(1)) };
    }
    return { name, value: readPath(root, path) };
  };

  const walk = (
    nodes: readonly TemplateNode[],
    scopes: readonly Scope[],
    snippet: string | undefined,
    enclosing: SourcePosition | undefined,
  ): void => {
    for (const node of nodes) {
      if (stop.overflow !== null) return;
      switch (node.kind) {
        case 'text':
          emit(node.value, enclosing, snippet);
          break;
        case 'variable': {
          const { name, value } = lookup(node.path, scopes);
          const type = findTemplateVariable(name)?.type;
          const filtered = node.filters.reduce<unknown>(
            (current, filter) => applyFilter(current, filter, type, tz),
            value,
          );
          const text = toText(filtered, type, tz);
          if (text === null) hole(node, name, snippet);
          else emit(text, node, snippet);
          break;
        }
        case 'if':
          walk(
            isTruthy(lookup(node.path, scopes).value) ? node.then : node.otherwise,
            scopes,
            snippet,
            node,
          );
          break;
        case 'each': {
          const { name, value } = lookup(node.path, scopes);
          if (!Array.isArray(value)) break;
          const keptBefore = kept?.length ?? 0;
          const holesBefore = itemHoles;
          for (const item of value as readonly unknown[]) {
            walk(node.body, [...scopes, { name: `${name}[]`, value: item }], snippet, node);
          }
          // Outside the loop `{{this.catatan}}` means nothing: the outermost loop with an item's
          // hole goes back as source, expanded again when the holes are filled.
          if (kept !== null && scopes.length === 0 && itemHoles > holesBefore) {
            kept.length = keptBefore;
            kept.push(sourceOf([node], prepared.value.snippets));
          }
          break;
        }
        case 'include': {
          const included = prepared.value.snippets.get(node.name);
          // Text of a snippet is reported at its own first line, in that snippet.
          if (included !== undefined) walk(included.nodes, scopes, node.name, undefined);
          break;
        }
      }
    }
  };

  walk(prepared.value.template.nodes, [], undefined, undefined);
  if (stop.overflow !== null) return err(stop.overflow);
  const text = kept === null ? out.join('') : kept.join('');
  // Escaped braces and loops written back can make the template longer than the text.
  if (text.length > MAX_RENDERED_LENGTH) return err(overflow(undefined, undefined));
  return ok({ text, missing, ...(parts === null ? {} : { parts }) });
}
