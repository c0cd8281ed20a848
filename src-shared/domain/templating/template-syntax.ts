// The template language's tokenizer and parser: turns template source into an AST, or into an error
// value carrying the 1-based line and column of the offending tag so the editor can underline it.

import type { AppError, Result } from '../../result';
import { err, ok } from '../../result';

/** Same bound as TemplateSchema.body: the parser never sees more than a stored template can hold. */
export const MAX_TEMPLATE_LENGTH = 20_000;
/** Deepest nesting of {{#if}}/{{#each}} blocks; deeper is a mistake, not a letter. */
export const MAX_NESTING_DEPTH = 16;

export const templateFilters = ['upper', 'lower', 'tanggal'] as const;
export type TemplateFilter = (typeof templateFilters)[number];

export type TemplateErrorCode =
  | 'too_long'
  | 'too_deep'
  | 'unclosed_tag'
  | 'empty_tag'
  | 'unknown_filter'
  | 'bad_path'
  | 'this_outside_each'
  | 'bad_snippet_name'
  | 'unknown_block'
  | 'mismatched_close'
  | 'stray_close'
  | 'stray_else'
  | 'duplicate_else'
  | 'unclosed_block'
  | 'snippet_missing'
  | 'snippet_cycle'
  | 'snippet_too_deep'
  | 'output_too_long';

export interface TemplateError extends AppError {
  readonly code: TemplateErrorCode;
  readonly line: number;
  readonly column: number;
  /** The snippet whose source holds the error; absent when it is the template itself. */
  readonly snippet?: string;
}

export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

/** A dotted path; the first segment may be `this` inside {{#each}}. */
export type TemplatePath = readonly string[];

export type TemplateNode =
  | { readonly kind: 'text'; readonly value: string }
  | ({
      readonly kind: 'variable';
      readonly path: TemplatePath;
      readonly filters: readonly TemplateFilter[];
    } & SourcePosition)
  | ({
      readonly kind: 'if';
      readonly path: TemplatePath;
      readonly then: readonly TemplateNode[];
      readonly otherwise: readonly TemplateNode[];
    } & SourcePosition)
  | ({
      readonly kind: 'each';
      readonly path: TemplatePath;
      readonly body: readonly TemplateNode[];
    } & SourcePosition)
  | ({ readonly kind: 'include'; readonly name: string } & SourcePosition);

export interface ParsedTemplate {
  readonly kind: 'template';
  readonly nodes: readonly TemplateNode[];
}

const SEGMENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SNIPPET_NAME = /^[A-Za-z0-9_-]+$/;

/** Maps offsets to 1-based line/column; built once per source so positions cost a binary search. */
function positionFinder(source: string): (offset: number) => SourcePosition {
  const lineStarts = [0];
  for (let i = 0; i < source.length; i++) {
    if (source[i] === '\n') lineStarts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

type Frame =
  | { readonly kind: 'root'; readonly nodes: TemplateNode[] }
  | {
      readonly kind: 'if';
      readonly path: TemplatePath;
      readonly at: SourcePosition;
      readonly then: TemplateNode[];
      readonly otherwise: TemplateNode[];
      inElse: boolean;
    }
  | {
      readonly kind: 'each';
      readonly path: TemplatePath;
      readonly at: SourcePosition;
      readonly body: TemplateNode[];
    };

function frameChildren(frame: Frame): TemplateNode[] {
  switch (frame.kind) {
    case 'root':
      return frame.nodes;
    case 'if':
      return frame.inElse ? frame.otherwise : frame.then;
    case 'each':
      return frame.body;
  }
}

function fail(code: TemplateErrorCode, message: string, at: SourcePosition): TemplateError {
  return { code, message, line: at.line, column: at.column };
}

/** Parses a path such as `laporan.nomor` or `this.catatan`; null when a segment is malformed. */
function parsePath(text: string): TemplatePath | null {
  const segments = text.trim().split('.');
  return segments.every((segment) => SEGMENT.test(segment)) ? segments : null;
}

function checkPath(
  text: string,
  at: SourcePosition,
  eachDepth: number,
): Result<TemplatePath, TemplateError> {
  const path = parsePath(text);
  if (path === null) {
    return err(
      fail(
        'bad_path',
        `"${text.trim()}" is not a variable name: use letters, digits and _ joined by dots`,
        at,
      ),
    );
  }
  if (path.slice(1).includes('this')) {
    return err(fail('bad_path', '"this" may only start a path', at));
  }
  if (path[0] === 'this' && eachDepth === 0) {
    return err(fail('this_outside_each', '"this" is only meaningful inside {{#each}}', at));
  }
  return ok(path);
}

function isFilter(name: string): name is TemplateFilter {
  return (templateFilters as readonly string[]).includes(name);
}

/** The tag that writes a literal `{`. */
export const LITERAL_BRACE = '{{"{"}}';

/**
 * Template source that renders exactly `text`: every `{` written as a literal, so text holding
 * `{{` (a citizen's title, say) or ending in `{` before a tag cannot turn into a tag.
 */
export function escapeTemplateText(text: string): string {
  return text.includes('{') ? text.replaceAll('{', LITERAL_BRACE) : text;
}

export function parseTemplate(source: string): Result<ParsedTemplate, TemplateError> {
  const positionAt = positionFinder(source);
  if (source.length > MAX_TEMPLATE_LENGTH) {
    return err(
      fail(
        'too_long',
        `A template may hold at most ${String(MAX_TEMPLATE_LENGTH)} characters`,
        positionAt(MAX_TEMPLATE_LENGTH),
      ),
    );
  }
  const root: Frame = { kind: 'root', nodes: [] };
  const stack: Frame[] = [root];
  let eachDepth = 0;
  let cursor = 0;

  const top = (): Frame => stack[stack.length - 1] ?? root;
  const emitText = (value: string): void => {
    if (value !== '') frameChildren(top()).push({ kind: 'text', value });
  };

  while (cursor < source.length) {
    const open = source.indexOf('{{', cursor);
    if (open === -1) {
      emitText(source.slice(cursor));
      break;
    }
    emitText(source.slice(cursor, open));
    const at = positionAt(open);
    const close = source.indexOf('}}', open + 2);
    if (close === -1) {
      return err(fail('unclosed_tag', 'This {{ is never closed with }}', at));
    }
    cursor = close + 2;
    const content = source.slice(open + 2, close).trim();
    if (content === '') return err(fail('empty_tag', 'An empty {{}} tag has nothing to show', at));

    if (content.startsWith('#')) {
      const [keyword = '', ...rest] = content.slice(1).trim().split(/\s+/);
      if (keyword !== 'if' && keyword !== 'each') {
        return err(fail('unknown_block', `Unknown block {{#${keyword}}}: use #if or #each`, at));
      }
      if (stack.length > MAX_NESTING_DEPTH) {
        return err(
          fail('too_deep', `Blocks nest at most ${String(MAX_NESTING_DEPTH)} levels deep`, at),
        );
      }
      const path = checkPath(rest.join(' '), at, eachDepth);
      if (!path.ok) return path;
      if (keyword === 'if') {
        stack.push({ kind: 'if', path: path.value, at, then: [], otherwise: [], inElse: false });
      } else {
        stack.push({ kind: 'each', path: path.value, at, body: [] });
        eachDepth++;
      }
      continue;
    }

    if (content.startsWith('/')) {
      const keyword = content.slice(1).trim();
      if (keyword !== 'if' && keyword !== 'each') {
        return err(fail('unknown_block', `Unknown closing tag {{/${keyword}}}`, at));
      }
      const frame = top();
      if (frame.kind === 'root') {
        return err(fail('stray_close', `{{/${keyword}}} closes a block that was never opened`, at));
      }
      if (frame.kind !== keyword) {
        return err(
          fail(
            'mismatched_close',
            `{{/${keyword}}} closes the {{#${frame.kind}}} opened on line ${String(frame.at.line)}`,
            at,
          ),
        );
      }
      stack.pop();
      const node: TemplateNode =
        frame.kind === 'if'
          ? {
              kind: 'if',
              path: frame.path,
              then: frame.then,
              otherwise: frame.otherwise,
              ...frame.at,
            }
          : { kind: 'each', path: frame.path, body: frame.body, ...frame.at };
      if (frame.kind === 'each') eachDepth--;
      frameChildren(top()).push(node);
      continue;
    }

    if (content === 'else') {
      const frame = top();
      if (frame.kind !== 'if') {
        return err(fail('stray_else', '{{else}} belongs inside {{#if}}…{{/if}}', at));
      }
      if (frame.inElse) {
        return err(fail('duplicate_else', 'This {{#if}} already has an {{else}}', at));
      }
      frame.inElse = true;
      continue;
    }

    // A literal writes its text as is: `{{"{"}}` is a brace that would otherwise open a tag.
    if (content.length >= 2 && content.startsWith('"') && content.endsWith('"')) {
      emitText(content.slice(1, -1));
      continue;
    }

    if (content.startsWith('>')) {
      const name = content.slice(1).trim();
      if (!SNIPPET_NAME.test(name)) {
        return err(
          fail(
            'bad_snippet_name',
            `"${name}" is not a snippet name: use letters, digits, _ or -`,
            at,
          ),
        );
      }
      frameChildren(top()).push({ kind: 'include', name, ...at });
      continue;
    }

    const [pathText = '', ...filterTexts] = content.split('|');
    const path = checkPath(pathText, at, eachDepth);
    if (!path.ok) return path;
    const filters: TemplateFilter[] = [];
    for (const filterText of filterTexts) {
      const filter = filterText.trim();
      if (!isFilter(filter)) {
        return err(
          fail(
            'unknown_filter',
            `Unknown filter "${filter}": use ${templateFilters.join(', ')}`,
            at,
          ),
        );
      }
      filters.push(filter);
    }
    frameChildren(top()).push({ kind: 'variable', path: path.value, filters, ...at });
  }

  const unclosed = top();
  if (unclosed.kind !== 'root') {
    return err(fail('unclosed_block', `This {{#${unclosed.kind}}} is never closed`, unclosed.at));
  }
  return ok({ kind: 'template', nodes: root.nodes });
}
