import { describe, expect, it } from 'vitest';
import {
  insertAt,
  snippetInsertion,
  variableInsertion,
} from '../../../../../src-renderer/features/templates/template-insert';
import {
  markedSegments,
  offsetOf,
  templateMarks,
  tokenRange,
} from '../../../../../src-renderer/features/templates/template-marks';
import { checkTemplate } from '../../../../../src-renderer/features/templates/template-check';
import { findTemplateVariable } from '../../../../../src-shared/domain/templating/template-context';

const marked = (source: string) =>
  markedSegments(source, checkTemplate(source, {}).marks)
    .filter((s) => s.kind !== null)
    .map((s) => [s.kind, s.text]);

describe('underline marks', () => {
  it('turns 1-based line and column into an offset of the same text', () => {
    const source = 'ab\ncdef\n{{x}}';
    expect(offsetOf(source, { line: 1, column: 1 })).toBe(0);
    expect(offsetOf(source, { line: 2, column: 3 })).toBe(5);
    expect(offsetOf(source, { line: 3, column: 1 })).toBe(8);
    // Past the end of a line or of the text: clamped.
    expect(offsetOf(source, { line: 2, column: 40 })).toBe(7);
    expect(offsetOf(source, { line: 9, column: 1 })).toBe(source.length);
  });

  it('takes the whole tag at a position, to the line end when it is never closed', () => {
    expect(tokenRange('a {{#if x}} b', 2)).toEqual({ start: 2, end: 11 });
    expect(tokenRange('a {{laporan.nomor\nb}}', 2)).toEqual({ start: 2, end: 17 });
    expect(tokenRange('kata salah lagi', 5)).toEqual({ start: 5, end: 10 });
  });

  it('underlines the tag a syntax error points at', () => {
    const source = 'Yth. Bapak/Ibu,\n{{#if laporan.anonim}}Terima kasih.';
    const check = checkTemplate(source, {});
    expect(check.error).toMatchObject({ code: 'unclosed_block', line: 2, column: 1 });
    expect(check.blocksSave).toBe(true);
    expect(marked(source)).toEqual([['error', '{{#if laporan.anonim}}']]);
    expect(check.marks).toEqual([{ start: 16, end: 38, kind: 'error' }]);
  });

  it('underlines every place an unknown variable is written, and nothing else', () => {
    const source = 'Nomor {{laporan.nomr}} ({{laporan.nomor}})\ndari {{pelapor.alamat | upper}}';
    const check = checkTemplate(source, {});
    expect(check.error).toBeNull();
    expect(check.blocksSave).toBe(false);
    expect(marked(source)).toEqual([
      ['unknown', '{{laporan.nomr}}'],
      ['unknown', '{{pelapor.alamat | upper}}'],
    ]);
  });

  it('lists problems inside an included snippet without underlining this text', () => {
    const check = checkTemplate('{{> salam}} {{laporan.nomor}}', { salam: 'Halo {{siapa}}' });
    expect(check.analysis?.unknown).toEqual([
      { variable: 'siapa', line: 1, column: 6, snippet: 'salam' },
    ]);
    expect(check.marks).toEqual([]);
    const broken = checkTemplate('{{> salam}}', { salam: 'Halo {{#if x}}' });
    expect(broken.error?.snippet).toBe('salam');
    expect(broken.marks).toEqual([]);
    // Not this template's fault: it may still be saved.
    expect(broken.blocksSave).toBe(false);
  });

  it('gives an overlap to the syntax error and skips positions in snippets', () => {
    const source = 'a {{x}} b';
    expect(
      templateMarks(source, { line: 1, column: 3 }, [{ variable: 'x', line: 1, column: 3 }]),
    ).toEqual([{ start: 2, end: 7, kind: 'error' }]);
    expect(
      templateMarks(source, { line: 1, column: 3, snippet: 'salam' }, [
        { variable: 'x', line: 1, column: 3, snippet: 'salam' },
      ]),
    ).toEqual([]);
  });

  it('keeps the whole text in the segments, marks and plain runs in turn', () => {
    const source = 'a {{x}} b {{y}}';
    const segments = markedSegments(source, checkTemplate(source, {}).marks);
    expect(segments.map((s) => s.text).join('')).toBe(source);
    expect(segments.map((s) => s.kind)).toEqual([null, 'unknown', null, 'unknown']);
  });
});

describe('inserting at the cursor', () => {
  it('replaces the selection and puts the caret after the insertion', () => {
    const insertion = { text: '{{unit.nama}}', caret: 13 };
    expect(insertAt('Halo  dunia', 5, 5, insertion)).toEqual({
      text: 'Halo {{unit.nama}} dunia',
      caret: 18,
    });
    expect(insertAt('Halo XXX dunia', 5, 8, insertion).text).toBe('Halo {{unit.nama}} dunia');
  });

  it('writes list fields as inside a loop, lists as the loop, snippets as includes', () => {
    const variable = (name: string) => {
      const found = findTemplateVariable(name);
      if (found === undefined) throw new Error(name);
      return variableInsertion(found);
    };
    expect(variable('laporan.nomor')).toEqual({ text: '{{laporan.nomor}}', caret: 17 });
    expect(variable('disposisi[].catatan').text).toBe('{{this.catatan}}');
    expect(variable('disposisi')).toEqual({
      text: '{{#each disposisi}}{{/each}}',
      caret: '{{#each disposisi}}'.length,
    });
    expect(snippetInsertion('salam_pembuka').text).toBe('{{> salam_pembuka}}');
  });
});
