import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeZones } from '../../../../../src-shared/domain/time-zone';
import {
  templateVariables,
  type TemplateContext,
} from '../../../../../src-shared/domain/templating/template-context';
import { withFills } from '../../../../../src-shared/domain/templating/template-context-build';
import { escapeHtml, render } from '../../../../../src-shared/domain/templating/template-render';
import {
  parseTemplate,
  type TemplateNode,
} from '../../../../../src-shared/domain/templating/template-syntax';

// Fragments that make random strings hit the parser's interesting paths far more often than
// uniform characters would.
const fragment = fc.constantFrom(
  '{{',
  '}}',
  '{',
  '}',
  '#if ',
  '#each ',
  '/if',
  '/each',
  'else',
  '> ',
  'laporan.nomor',
  'this',
  '.',
  '|',
  ' upper',
  ' tanggal',
  'x',
  ' ',
  '\n',
  '-',
);
const templateLike = fc.array(fragment, { maxLength: 40 }).map((parts) => parts.join(''));
const anySource = fc.oneof(
  templateLike,
  fc.string({ maxLength: 200 }),
  fc.string({ unit: 'grapheme' }),
);

/** True when line/column point at a character of `source`. */
function isInside(source: string, line: number, column: number): boolean {
  const lines = source.split('\n');
  const text = lines[line - 1];
  return line >= 1 && column >= 1 && text !== undefined && column <= text.length;
}

const variableName = fc.constantFrom(
  ...templateVariables.filter((v) => !v.name.includes('[]')).map((v) => v.name),
  'tidak.ada',
  'laporan',
);
const itemField = fc.constantFrom(
  'this.instansi',
  'this.unit',
  'this.tanggal',
  'this.catatan',
  'this',
);
const filters = fc
  .array(fc.constantFrom(' | upper', ' | lower', ' | tanggal'), { maxLength: 2 })
  .map((parts) => parts.join(''));

/** Well-formed templates: text, placeholders, conditionals and loops, nested a few levels. */
const wellFormed = fc.letrec<{ top: string; inEach: string }>((tie) => ({
  top: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    // No braces at all: a lone { next to a tag would read as {{{.
    fc.string({ maxLength: 10 }).filter((text) => !text.includes('{')),
    fc.tuple(variableName, filters).map(([name, filter]) => `{{${name}${filter}}}`),
    fc
      .tuple(variableName, tie('top'), tie('top'))
      .map(([name, then, otherwise]) => `{{#if ${name}}}${then}{{else}}${otherwise}{{/if}}`),
    fc
      .tuple(tie('inEach'), tie('top'))
      .map(([body, rest]) => `{{#each disposisi}}${body}{{/each}}${rest}`),
    fc.tuple(tie('top'), tie('top')).map(([a, b]) => a + b),
  ),
  inEach: fc.oneof(
    { depthSize: 'small' },
    fc.tuple(itemField, filters).map(([name, filter]) => `{{${name}${filter}}}`),
    fc.tuple(itemField, tie('inEach')).map(([name, body]) => `{{#if ${name}}}${body}{{/if}}`),
    fc.tuple(tie('inEach'), tie('top')).map(([a, b]) => a + b),
  ),
})).top;

const text = fc.string({ maxLength: 20 });
const instant = fc.option(fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) }));
const context: fc.Arbitrary<TemplateContext> = fc.record({
  laporan: fc.record({
    nomor: text,
    judul: text,
    tanggal: instant,
    kategori: text,
    lokasi: text,
    anonim: fc.boolean(),
    rahasia: fc.boolean(),
  }),
  pelapor: fc.record({ nama: text, sapaan: text }),
  instansi: fc.record({ nama: text, alamat: text }),
  unit: fc.record({ nama: text }),
  petugas: fc.record({ nama: text }),
  batas_waktu: instant,
  hari_kerja_tersisa: fc.option(fc.integer({ min: -30, max: 30 })),
  disposisi: fc.array(fc.record({ instansi: text, unit: text, tanggal: instant, catatan: text }), {
    maxLength: 4,
  }),
});

/** A context where every value is there (texts not blank, dates and numbers set). */
const filledText = fc
  .string({ minLength: 1, maxLength: 20 })
  .filter((value) => value.trim() !== '');
const filledInstant = fc.integer({ min: 0, max: Date.UTC(2100, 0, 1) });
const fullContext: fc.Arbitrary<TemplateContext> = fc.record({
  laporan: fc.record({
    nomor: filledText,
    judul: filledText,
    tanggal: filledInstant,
    kategori: filledText,
    lokasi: filledText,
    anonim: fc.boolean(),
    rahasia: fc.boolean(),
  }),
  pelapor: fc.record({ nama: filledText, sapaan: filledText }),
  instansi: fc.record({ nama: filledText, alamat: filledText }),
  unit: fc.record({ nama: filledText }),
  petugas: fc.record({ nama: filledText }),
  batas_waktu: filledInstant,
  hari_kerja_tersisa: fc.integer({ min: -30, max: 30 }),
  disposisi: fc.array(
    fc.record({
      instansi: filledText,
      unit: filledText,
      tanggal: filledInstant,
      catatan: filledText,
    }),
    { maxLength: 4 },
  ),
});

/** The variables a context may lack, as `missing` names them. */
const blankable = templateVariables
  .filter((variable) => variable.type !== 'ya_tidak' && variable.type !== 'daftar')
  .map((variable) => variable.name);

/** `context` with the named values emptied; list item fields only in the items `mask` picks. */
function blanked(
  context: TemplateContext,
  names: readonly string[],
  mask: readonly boolean[],
): TemplateContext {
  const empty = (name: string): '' | null =>
    templateVariables.find((variable) => variable.name === name)?.type === 'teks' ? '' : null;
  let result: unknown = context;
  for (const name of names) {
    const copy = structuredClone(result) as Record<string, unknown>;
    const [head = '', field = ''] = name.split('.');
    if (head === 'disposisi[]') {
      (copy['disposisi'] as Record<string, unknown>[]).forEach((item, index) => {
        if (mask[index] === true) item[field] = empty(name);
      });
    } else if (field === '') {
      copy[head] = empty(name);
    } else {
      (copy[head] as Record<string, unknown>)[field] = empty(name);
    }
    result = copy;
  }
  return result as TemplateContext;
}

/** The variables a template decides conditionals and loops on, by catalogue name. */
function conditionNames(nodes: readonly TemplateNode[], into = new Set<string>()): Set<string> {
  const nameOf = (path: readonly string[]): string =>
    path[0] === 'this' ? ['disposisi[]', ...path.slice(1)].join('.') : path.join('.');
  for (const node of nodes) {
    if (node.kind === 'if') {
      into.add(nameOf(node.path));
      conditionNames(node.then, into);
      conditionNames(node.otherwise, into);
    } else if (node.kind === 'each') {
      into.add(nameOf(node.path));
      conditionNames(node.body, into);
    }
  }
  return into;
}

describe('template language properties', () => {
  it('parses any string or reports an error positioned on a character of it', () => {
    fc.assert(
      fc.property(anySource, (source) => {
        const result = parseTemplate(source);
        if (!result.ok) expect(isInside(source, result.error.line, result.error.column)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('parses every well-formed template', () => {
    fc.assert(
      fc.property(wellFormed, (source) => {
        expect(parseTemplate(source).ok).toBe(true);
      }),
    );
  });

  it('renders every parsed template against any context without throwing', () => {
    fc.assert(
      fc.property(
        fc.oneof(wellFormed, templateLike),
        context,
        fc.constantFrom(...timeZones),
        (source, ctx, timeZone) => {
          fc.pre(parseTemplate(source).ok);
          const result = render(source, ctx, { timeZone });
          // Without snippets, a parsed template can only fail on an include it cannot resolve.
          if (!result.ok) {
            expect(result.error.code).toBe('snippet_missing');
            expect(isInside(source, result.error.line, result.error.column)).toBe(true);
            return;
          }
          for (const use of result.value.missing) {
            expect(isInside(source, use.line, use.column)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('cuts the text into parts that join to it, the holes among them being exactly the missing', () => {
    fc.assert(
      fc.property(fc.oneof(wellFormed, templateLike), context, (source, ctx) => {
        const result = render(source, ctx, { timeZone: 'WIB', parts: true });
        if (!result.ok) return;
        const parts = result.value.parts ?? [];
        expect(parts.map((part) => (part.kind === 'text' ? part.text : '')).join('')).toBe(
          result.value.text,
        );
        expect(parts.flatMap(({ kind, ...use }) => (kind === 'missing' ? [use] : []))).toEqual(
          result.value.missing,
        );
        // Never an empty text part, never two in a row.
        parts.forEach((part, index) => {
          if (part.kind !== 'text') return;
          expect(part.text).not.toBe('');
          expect(parts[index + 1]?.kind).not.toBe('text');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('writes holes back as a template that renders, once filled, as the original would', () => {
    fc.assert(
      fc.property(
        wellFormed,
        fullContext,
        fc.subarray(blankable),
        fc.array(fc.boolean(), { maxLength: 4 }),
        fc.constantFrom(...timeZones),
        (source, full, names, mask, timeZone) => {
          const parsed = parseTemplate(source);
          if (!parsed.ok) throw new Error(parsed.error.message);
          // Conditionals are decided with the context at hand: only values they do not read go.
          const decided = conditionNames(parsed.value.nodes);
          const partial = blanked(
            full,
            names.filter((name) => !decided.has(name)),
            mask,
          );
          const draft = render(source, partial, { timeZone, keepMissing: true });
          if (!draft.ok) throw new Error(draft.error.message);
          expect(parseTemplate(draft.value.text).ok).toBe(true);
          const again = render(draft.value.text, full, { timeZone });
          const original = render(source, full, { timeZone });
          expect(again.ok && original.ok && again.value.text).toBe(
            original.ok && original.value.text,
          );
          expect(again.ok && again.value.missing.map((use) => use.variable)).toEqual(
            original.ok && original.value.missing.map((use) => use.variable),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('renders with any fills without throwing', () => {
    const fillName = fc.oneof(
      fc.constantFrom(...templateVariables.map((variable) => variable.name)),
      fc.string({ maxLength: 20 }),
      fc.constantFrom('__proto__.x', 'constructor', 'laporan.nomor.x', 'disposisi[].x', 'a.b'),
    );
    fc.assert(
      fc.property(
        wellFormed,
        context,
        fc.dictionary(fillName, fc.string({ maxLength: 12 })),
        (source, ctx, fills) => {
          const result = render(source, withFills(ctx, fills), {
            timeZone: 'WIT',
            parts: true,
            keepMissing: true,
          });
          expect(result.ok).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never reveals an anonymous reporter whose name the template prints', () => {
    fc.assert(
      fc.property(context, fc.string({ minLength: 3, maxLength: 20 }), (ctx, name) => {
        fc.pre(!'Bapak/Ibu Pelapor'.includes(name));
        const anonymous: TemplateContext = {
          ...ctx,
          laporan: { ...ctx.laporan, anonim: true },
          pelapor: { nama: name, sapaan: name },
        };
        const result = render('{{pelapor.sapaan}}{{pelapor.nama | upper}}', anonymous, {
          timeZone: 'WIB',
        });
        expect(result).toEqual({
          ok: true,
          value: { text: 'Bapak/IbuBAPAK/IBU PELAPOR', missing: [] },
        });
      }),
    );
  });

  it('returns a template made only of text unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 500, unit: 'grapheme' }), context, (source, ctx) => {
        fc.pre(!source.includes('{{'));
        expect(render(source, ctx, { timeZone: 'WITA' })).toEqual({
          ok: true,
          value: { text: source, missing: [] },
        });
      }),
    );
  });

  it('escapes HTML so no markup character or bare ampersand survives, and reverses exactly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (input) => {
        const escaped = escapeHtml(input);
        expect(escaped).not.toMatch(/[<>"']/);
        expect(escaped).not.toMatch(/&(?!(?:amp|lt|gt|quot|#39);)/);
        const unescaped = escaped
          .replaceAll('&lt;', '<')
          .replaceAll('&gt;', '>')
          .replaceAll('&quot;', '"')
          .replaceAll('&#39;', "'")
          .replaceAll('&amp;', '&');
        expect(unescaped).toBe(input);
      }),
    );
  });
});
