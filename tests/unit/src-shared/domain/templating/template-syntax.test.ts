import { describe, expect, it } from 'vitest';
import {
  MAX_NESTING_DEPTH,
  MAX_TEMPLATE_LENGTH,
  escapeTemplateText,
  parseTemplate,
  type TemplateErrorCode,
} from '../../../../../src-shared/domain/templating/template-syntax';

function errorOf(source: string): { code: TemplateErrorCode; line: number; column: number } {
  const result = parseTemplate(source);
  if (result.ok) throw new Error(`expected "${source}" to fail`);
  return { code: result.error.code, line: result.error.line, column: result.error.column };
}

describe('parseTemplate', () => {
  it('parses text, placeholders with filters, blocks and includes into an AST', () => {
    const result = parseTemplate(
      'Yth. {{pelapor.sapaan}},\n{{#if laporan.anonim}}A{{else}}B{{/if}}' +
        '{{#each disposisi}}{{this.instansi | upper}}{{/each}}{{> penutup}}',
    );
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'template',
        nodes: [
          { kind: 'text', value: 'Yth. ' },
          { kind: 'variable', path: ['pelapor', 'sapaan'], filters: [], line: 1, column: 6 },
          { kind: 'text', value: ',\n' },
          {
            kind: 'if',
            path: ['laporan', 'anonim'],
            then: [{ kind: 'text', value: 'A' }],
            otherwise: [{ kind: 'text', value: 'B' }],
            line: 2,
            column: 1,
          },
          {
            kind: 'each',
            path: ['disposisi'],
            body: [
              {
                kind: 'variable',
                path: ['this', 'instansi'],
                filters: ['upper'],
                line: 2,
                column: 59,
              },
            ],
            line: 2,
            column: 40,
          },
          { kind: 'include', name: 'penutup', line: 2, column: 93 },
        ],
      },
    });
  });

  it('accepts whitespace inside tags and chains of filters', () => {
    const result = parseTemplate('{{  laporan.tanggal | tanggal | upper  }}');
    expect(result.ok && result.value.nodes[0]).toMatchObject({
      kind: 'variable',
      path: ['laporan', 'tanggal'],
      filters: ['tanggal', 'upper'],
    });
  });

  it('keeps single braces and stray closing braces as text', () => {
    expect(parseTemplate('a { b } c }}')).toEqual({
      ok: true,
      value: { kind: 'template', nodes: [{ kind: 'text', value: 'a { b } c }}' }] },
    });
  });

  it('writes a quoted literal as text, which is how text holds "{{"', () => {
    expect(parseTemplate('a{{"{"}}{{ "{{x}" }}{{""}}b')).toEqual({
      ok: true,
      value: {
        kind: 'template',
        nodes: [
          { kind: 'text', value: 'a' },
          { kind: 'text', value: '{' },
          { kind: 'text', value: '{{x}' },
          { kind: 'text', value: 'b' },
        ],
      },
    });
    expect(errorOf('{{"}}')).toEqual({ code: 'bad_path', line: 1, column: 1 });
  });

  it('escapes text so that it parses back to exactly that text', () => {
    for (const text of ['plain', '{', '{{laporan.nomor}}', 'a {{{ b', '{{"{"}}', '}}{']) {
      const parsed = parseTemplate(escapeTemplateText(text));
      expect(parsed.ok && parsed.value.nodes.every((node) => node.kind === 'text')).toBe(true);
      const joined = parsed.ok
        ? parsed.value.nodes.map((node) => (node.kind === 'text' ? node.value : '')).join('')
        : null;
      expect(joined).toBe(text);
    }
    expect(escapeTemplateText('tanpa kurung')).toBe('tanpa kurung');
  });

  it('parses the empty template to no nodes', () => {
    expect(parseTemplate('')).toEqual({ ok: true, value: { kind: 'template', nodes: [] } });
  });

  it.each<[string, string, TemplateErrorCode, number, number]>([
    ['an unclosed tag', 'Halo\n  {{laporan.nomor', 'unclosed_tag', 2, 3],
    ['an empty tag', 'a {{ }} b', 'empty_tag', 1, 3],
    ['an unknown filter', 'x\n\n{{laporan.nomor | kapital}}', 'unknown_filter', 3, 1],
    ['a mismatched close', 'x\n{{#if a}}y{{/each}}', 'mismatched_close', 2, 11],
    ['a stray else', 'ok {{else}}', 'stray_else', 1, 4],
    ['an else inside each', '{{#each disposisi}}{{else}}{{/each}}', 'stray_else', 1, 20],
    ['a second else', '{{#if a}}{{else}}{{else}}{{/if}}', 'duplicate_else', 1, 18],
    ['bad path characters', 'ab {{laporan-nomor}}', 'bad_path', 1, 4],
    ['a path with an empty segment', '{{laporan..nomor}}', 'bad_path', 1, 1],
    ['an if without a path', '{{#if}}x{{/if}}', 'bad_path', 1, 1],
    ['this in the middle of a path', '{{#each d}}{{a.this}}{{/each}}', 'bad_path', 1, 12],
    ['this outside each', '  {{this.catatan}}', 'this_outside_each', 1, 3],
    ['a stray close', 'x {{/if}}', 'stray_close', 1, 3],
    ['an unclosed block', '\n\n  {{#each disposisi}}x', 'unclosed_block', 3, 3],
    ['an unknown block', '{{#unless a}}{{/unless}}', 'unknown_block', 1, 1],
    ['an unknown closing tag', '{{#if a}}{{/unless}}', 'unknown_block', 1, 10],
    ['a bad snippet name', 'x\n {{> salam pembuka}}', 'bad_snippet_name', 2, 2],
  ])('reports %s with its line and column', (_, source, code, line, column) => {
    expect(errorOf(source)).toEqual({ code, line, column });
  });

  it('gives errors a message a person can act on', () => {
    const result = parseTemplate('{{laporan.nomor | kapital}}');
    expect(!result.ok && result.error.message).toContain('kapital');
  });

  it('rejects a template longer than a stored template may be, at the first extra character', () => {
    expect(parseTemplate('a'.repeat(MAX_TEMPLATE_LENGTH)).ok).toBe(true);
    expect(errorOf('a'.repeat(MAX_TEMPLATE_LENGTH + 1))).toEqual({
      code: 'too_long',
      line: 1,
      column: MAX_TEMPLATE_LENGTH + 1,
    });
  });

  it('rejects blocks nested deeper than the limit at the first block too deep', () => {
    const nested = (depth: number): string =>
      '{{#if a}}'.repeat(depth) + 'x' + '{{/if}}'.repeat(depth);
    expect(parseTemplate(nested(MAX_NESTING_DEPTH)).ok).toBe(true);
    expect(errorOf(nested(MAX_NESTING_DEPTH + 1))).toEqual({
      code: 'too_deep',
      line: 1,
      column: MAX_NESTING_DEPTH * '{{#if a}}'.length + 1,
    });
  });
});
