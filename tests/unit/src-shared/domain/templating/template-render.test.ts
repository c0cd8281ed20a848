import { describe, expect, it } from 'vitest';
import {
  NEUTRAL_REPORTER_NAME,
  NEUTRAL_SALUTATION,
  templateVariables,
} from '../../../../../src-shared/domain/templating/template-context';
import {
  MAX_RENDERED_LENGTH,
  MAX_SNIPPET_DEPTH,
  analyze,
  escapeHtml,
  formatIndonesianDate,
  render,
  type RenderOptions,
  type RenderedTemplate,
} from '../../../../../src-shared/domain/templating/template-render';
import { parseTemplate } from '../../../../../src-shared/domain/templating/template-syntax';
import type { TemplateContext } from '../../../../../src-shared/domain/templating/template-context';
import { dueAt, makeContext, reportedAt } from './template-fixtures';

const wib: RenderOptions = { timeZone: 'WIB' };

function rendered(
  source: string,
  context: TemplateContext = makeContext(),
  options: RenderOptions = wib,
): RenderedTemplate {
  const result = render(source, context, options);
  if (!result.ok) throw new Error(`render failed: ${result.error.message}`);
  return result.value;
}

function textOf(source: string, context?: TemplateContext, options?: RenderOptions): string {
  return rendered(source, context, options).text;
}

describe('formatIndonesianDate', () => {
  it.each([
    [0, 'Januari'],
    [1, 'Februari'],
    [2, 'Maret'],
    [3, 'April'],
    [4, 'Mei'],
    [5, 'Juni'],
    [6, 'Juli'],
    [7, 'Agustus'],
    [8, 'September'],
    [9, 'Oktober'],
    [10, 'November'],
    [11, 'Desember'],
  ])('names month %i as %s', (month, name) => {
    expect(formatIndonesianDate(Date.UTC(2026, month, 15, 3), 'WIB')).toBe(`15 ${name} 2026`);
  });

  it('writes the day without a leading zero', () => {
    expect(formatIndonesianDate(Date.UTC(2026, 0, 1, 3), 'WIB')).toBe('1 Januari 2026');
  });

  it('uses the calendar day of the given time zone around midnight', () => {
    const instant = Date.UTC(2026, 10, 23, 16, 30); // 23:30 WIB, 00:30 WITA, 01:30 WIT
    expect(formatIndonesianDate(instant, 'WIB')).toBe('23 November 2026');
    expect(formatIndonesianDate(instant, 'WITA')).toBe('24 November 2026');
    expect(formatIndonesianDate(instant, 'WIT')).toBe('24 November 2026');
  });

  it('turns the day exactly at local midnight', () => {
    expect(formatIndonesianDate(Date.UTC(2026, 11, 31, 16, 59, 59, 999), 'WIB')).toBe(
      '31 Desember 2026',
    );
    expect(formatIndonesianDate(Date.UTC(2026, 11, 31, 17, 0), 'WIB')).toBe('1 Januari 2027');
  });
});

describe('render', () => {
  it('fills placeholders from the context', () => {
    expect(
      textOf('Laporan {{laporan.nomor}} tentang "{{laporan.judul}}" di {{laporan.lokasi}}'),
    ).toBe('Laporan LPR-2026-000123 tentang "Jalan berlubang di Jl. Merdeka" di Kota Bandung');
  });

  it('formats date variables in Indonesian in the report time zone', () => {
    expect(textOf('{{laporan.tanggal}} / {{batas_waktu}}')).toBe(
      '24 November 2026 / 8 Desember 2026',
    );
    const lateEvening = makeContext({ batas_waktu: Date.UTC(2026, 11, 8, 16, 30) });
    expect(textOf('{{batas_waktu}}', lateEvening, { timeZone: 'WIB' })).toBe('8 Desember 2026');
    expect(textOf('{{batas_waktu}}', lateEvening, { timeZone: 'WIT' })).toBe('9 Desember 2026');
  });

  it('applies the upper, lower and tanggal filters', () => {
    expect(textOf('{{unit.nama | upper}}|{{unit.nama | lower}}')).toBe(
      'BIDANG BINA MARGA|bidang bina marga',
    );
    expect(textOf('{{laporan.tanggal | tanggal | upper}}')).toBe('24 NOVEMBER 2026');
    const withDateText = makeContext({
      laporan: { ...makeContext().laporan, judul: '2026-03-05' },
    });
    expect(textOf('{{laporan.judul | tanggal}}', withDateText)).toBe('5 Maret 2026');
  });

  it('renders numbers including zero', () => {
    expect(textOf('{{hari_kerja_tersisa}} hari')).toBe('5 hari');
    expect(rendered('{{hari_kerja_tersisa}}', makeContext({ hari_kerja_tersisa: 0 }))).toEqual({
      text: '0',
      missing: [],
    });
  });

  it('chooses the if branch by truthiness', () => {
    const template = '{{#if hari_kerja_tersisa}}sisa{{else}}habis{{/if}}';
    expect(textOf(template)).toBe('sisa');
    expect(textOf(template, makeContext({ hari_kerja_tersisa: 0 }))).toBe('habis');
    expect(textOf(template, makeContext({ hari_kerja_tersisa: null }))).toBe('habis');
    expect(textOf('{{#if disposisi}}ada{{else}}kosong{{/if}}')).toBe('ada');
    expect(
      textOf('{{#if disposisi}}ada{{else}}kosong{{/if}}', makeContext({ disposisi: [] })),
    ).toBe('kosong');
    expect(textOf('{{#if laporan.rahasia}}R{{else}}B{{/if}}')).toBe('B');
    expect(textOf('{{#if unit.nama}}U{{/if}}')).toBe('U');
    expect(textOf('{{#if unit.nama}}U{{/if}}', makeContext({ unit: { nama: '  ' } }))).toBe('');
  });

  it('repeats an each block per list item with this bound to the item', () => {
    expect(
      textOf('{{#each disposisi}}- {{this.instansi}} ({{this.unit}}), {{this.tanggal}}\n{{/each}}'),
    ).toBe(
      '- Dinas PU (Bina Marga), 24 November 2026\n' +
        '- Kecamatan Coblong (Seksi Trantib), 8 Desember 2026\n',
    );
  });

  it('lets each items decide conditionals without counting them missing', () => {
    expect(
      rendered(
        '{{#each disposisi}}[{{#if this.catatan}}{{this.catatan}}{{else}}-{{/if}}]{{/each}}',
      ),
    ).toEqual({ text: '[Segera cek][-]', missing: [] });
  });

  it('lists every empty or missing placeholder with its position', () => {
    const context = makeContext({
      petugas: { nama: '' },
      batas_waktu: null,
      unit: { nama: '   ' },
    });
    expect(
      rendered(
        'A {{petugas.nama}}\nB {{batas_waktu | tanggal}} {{unit.nama}} {{tidak.ada}}\n' +
          '{{#each disposisi}}{{this.catatan}}{{/each}}',
        context,
      ),
    ).toEqual({
      text: 'A \nB   \nSegera cek',
      missing: [
        { variable: 'petugas.nama', line: 1, column: 3 },
        { variable: 'batas_waktu', line: 2, column: 3 },
        { variable: 'unit.nama', line: 2, column: 29 },
        { variable: 'tidak.ada', line: 2, column: 43 },
        { variable: 'disposisi[].catatan', line: 3, column: 20 },
      ],
    });
  });

  it('counts an empty list placeholder as missing', () => {
    expect(rendered('{{disposisi}}', makeContext({ disposisi: [] })).missing).toEqual([
      { variable: 'disposisi', line: 1, column: 1 },
    ]);
  });

  it('never reaches into prototypes of the context', () => {
    expect(rendered('{{constructor}}{{laporan.nomor.length}}{{__proto__}}')).toEqual({
      text: '',
      missing: [
        { variable: 'constructor', line: 1, column: 1 },
        { variable: 'laporan.nomor.length', line: 1, column: 16 },
        { variable: '__proto__', line: 1, column: 40 },
      ],
    });
  });

  it('inserts values as plain text without interpreting or escaping them', () => {
    const context = makeContext({ unit: { nama: '<b>{{pelapor.nama}}</b> & co' } });
    expect(textOf('{{unit.nama}}', context)).toBe('<b>{{pelapor.nama}}</b> & co');
  });

  it('accepts an already parsed template', () => {
    const parsed = parseTemplate('No. {{laporan.nomor}}');
    if (!parsed.ok) throw new Error('parse failed');
    expect(render(parsed.value, makeContext(), wib)).toEqual({
      ok: true,
      value: { text: 'No. LPR-2026-000123', missing: [] },
    });
  });

  it('returns a syntax error instead of throwing', () => {
    expect(render('{{#if a}}', makeContext(), wib)).toMatchObject({
      ok: false,
      error: { code: 'unclosed_block', line: 1, column: 1 },
    });
  });
});

describe('anonymity rule', () => {
  const anonymous = makeContext({
    laporan: { ...makeContext().laporan, anonim: true },
  });

  it('renders the reporter name and salutation in neutral form for an anonymous report', () => {
    expect(rendered('Yth. {{pelapor.sapaan}} {{pelapor.nama}}', anonymous)).toEqual({
      text: `Yth. ${NEUTRAL_SALUTATION} ${NEUTRAL_REPORTER_NAME}`,
      missing: [],
    });
    expect(textOf('{{pelapor.nama | upper}}', anonymous)).toBe('BAPAK/IBU PELAPOR');
  });

  it('does not count neutralised variables missing even when the context holds nothing', () => {
    const empty = makeContext({
      laporan: { ...makeContext().laporan, anonim: true },
      pelapor: { nama: '', sapaan: '' },
    });
    expect(rendered('{{pelapor.sapaan}} {{pelapor.nama}}', empty)).toEqual({
      text: 'Bapak/Ibu Bapak/Ibu Pelapor',
      missing: [],
    });
  });

  it('shows the real name for a report that is not anonymous', () => {
    expect(textOf('{{pelapor.sapaan}} {{pelapor.nama}}')).toBe('Ibu Siti Rahmawati');
    expect(
      rendered('{{pelapor.nama}}', makeContext({ pelapor: { nama: '', sapaan: 'Ibu' } })).missing,
    ).toEqual([{ variable: 'pelapor.nama', line: 1, column: 1 }]);
  });

  it('neutralises identifying variables inside conditionals and snippets too', () => {
    expect(
      textOf('{{#if pelapor.nama}}{{> salam}}{{/if}}', anonymous, {
        timeZone: 'WIB',
        snippets: { salam: 'Halo {{pelapor.nama}}' },
      }),
    ).toBe('Halo Bapak/Ibu Pelapor');
  });

  it('gives every identifying variable in the catalogue a neutral form', () => {
    const identifying = templateVariables.filter((variable) => variable.identifiesReporter);
    expect(identifying.map((variable) => variable.name)).toEqual([
      'pelapor.nama',
      'pelapor.sapaan',
    ]);
    for (const variable of identifying) expect(variable.neutralForm).toMatch(/Bapak\/Ibu/);
  });
});

describe('snippets', () => {
  const snippets = {
    salam_pembuka: 'Yth. {{pelapor.sapaan}} {{pelapor.nama}},\n{{> pengantar}}',
    pengantar: 'Terima kasih atas laporan {{laporan.nomor}}.',
    penutup: 'Hormat kami,\n{{petugas.nama}}',
  };

  it('includes snippets by name, nested', () => {
    expect(
      textOf('{{> salam_pembuka}}\n\n{{> penutup}}', makeContext(), { timeZone: 'WIB', snippets }),
    ).toBe(
      'Yth. Ibu Siti Rahmawati,\nTerima kasih atas laporan LPR-2026-000123.\n\nHormat kami,\nAgus Santoso',
    );
  });

  it('allows the same snippet to be included twice without calling it a cycle', () => {
    expect(
      textOf('{{> pengantar}} {{> pengantar}}', makeContext(), { timeZone: 'WIB', snippets }),
    ).toBe('Terima kasih atas laporan LPR-2026-000123. Terima kasih atas laporan LPR-2026-000123.');
  });

  it('reports missing placeholders inside a snippet with the snippet name', () => {
    const result = rendered('{{> penutup}}', makeContext({ petugas: { nama: '' } }), {
      timeZone: 'WIB',
      snippets,
    });
    expect(result.missing).toEqual([
      { variable: 'petugas.nama', line: 2, column: 1, snippet: 'penutup' },
    ]);
  });

  it('detects a cycle and names it', () => {
    const result = render('x\n {{> a}}', makeContext(), {
      timeZone: 'WIB',
      snippets: { a: 'A {{> b}}', b: 'B\n{{> a}}' },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'snippet_cycle', line: 2, column: 1, snippet: 'b' },
    });
    expect(!result.ok && result.error.message).toContain('a → b → a');
  });

  it('detects a snippet that includes itself', () => {
    const result = render('{{> a}}', makeContext(), {
      timeZone: 'WIB',
      snippets: { a: '{{> a}}' },
    });
    expect(!result.ok && result.error.message).toContain('a → a');
  });

  it('reports a missing snippet at the include', () => {
    expect(render('Halo\n  {{> tidak_ada}}', makeContext(), wib)).toMatchObject({
      ok: false,
      error: { code: 'snippet_missing', line: 2, column: 3 },
    });
    const nested = render('{{> a}}', makeContext(), {
      timeZone: 'WIB',
      snippets: { a: 'x {{> b}}' },
    });
    expect(nested).toMatchObject({
      ok: false,
      error: { code: 'snippet_missing', line: 1, column: 3, snippet: 'a' },
    });
  });

  it('reports a syntax error inside a snippet with the snippet name and its position', () => {
    expect(
      render('{{> a}}', makeContext(), { timeZone: 'WIB', snippets: { a: 'ok\n{{#if x}}' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'unclosed_block', line: 2, column: 1, snippet: 'a' },
    });
  });

  it('stops with an error instead of rendering snippets that multiply without bound', () => {
    const tenTimes = (name: string): string => `{{> ${name}}}`.repeat(10);
    const result = render('Awal\n{{> a}}', makeContext(), {
      timeZone: 'WIB',
      snippets: {
        a: tenTimes('b'),
        b: tenTimes('c'),
        c: tenTimes('d'),
        d: tenTimes('e'),
        e: 'x'.repeat(50),
      },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'output_too_long', line: 1, column: 1, snippet: 'e' },
    });
    const atTheLimit = render('{{> e}}'.repeat(10), makeContext(), {
      timeZone: 'WIB',
      snippets: { e: 'x'.repeat(MAX_RENDERED_LENGTH / 10) },
    });
    expect(atTheLimit.ok && atTheLimit.value.text.length).toBe(MAX_RENDERED_LENGTH);
  });

  it('rejects snippet chains deeper than the limit', () => {
    const chain: Record<string, string> = {};
    for (let i = 0; i <= MAX_SNIPPET_DEPTH; i++) chain[`s${String(i)}`] = `{{> s${String(i + 1)}}}`;
    chain[`s${String(MAX_SNIPPET_DEPTH + 1)}`] = 'end';
    expect(render('{{> s0}}', makeContext(), { timeZone: 'WIB', snippets: chain })).toMatchObject({
      ok: false,
      error: { code: 'snippet_too_deep' },
    });
  });
});

describe('analyze', () => {
  it('lists used, unknown and identifying variables and the snippets used', () => {
    const result = analyze(
      'Yth. {{pelapor.nama}}\n{{#if laporan.anonim}}{{nomor_tiket}}{{/if}}' +
        '{{#each disposisi}}{{this.instansi}}{{this.salah}}{{/each}}{{> penutup}}',
      { penutup: '{{petugas.nama}} {{pelapor.sapaan}} {{jabatan}}' },
    );
    expect(result).toEqual({
      ok: true,
      value: {
        variables: [
          'pelapor.nama',
          'laporan.anonim',
          'nomor_tiket',
          'disposisi',
          'disposisi[].instansi',
          'disposisi[].salah',
          'petugas.nama',
          'pelapor.sapaan',
          'jabatan',
        ],
        unknown: [
          { variable: 'nomor_tiket', line: 2, column: 23 },
          { variable: 'disposisi[].salah', line: 2, column: 81 },
          { variable: 'jabatan', line: 1, column: 37, snippet: 'penutup' },
        ],
        identifying: ['pelapor.nama', 'pelapor.sapaan'],
        snippets: ['penutup'],
      },
    });
  });

  it('treats a list item field used outside each as unknown', () => {
    const result = analyze('{{disposisi.instansi}}');
    expect(result.ok && result.value.unknown).toEqual([
      { variable: 'disposisi.instansi', line: 1, column: 1 },
    ]);
  });

  it('returns the error of a template or snippet that does not parse', () => {
    expect(analyze('{{x | kapital}}')).toMatchObject({
      ok: false,
      error: { code: 'unknown_filter' },
    });
    expect(analyze('{{> a}}', { a: '{{> a}}' })).toMatchObject({
      ok: false,
      error: { code: 'snippet_cycle' },
    });
  });

  it('finds every catalogued variable known', () => {
    const source = templateVariables
      .filter((variable) => !variable.name.includes('[]'))
      .map((variable) => `{{${variable.name}}}`)
      .join(' ');
    const result = analyze(source);
    expect(result.ok && result.value.unknown).toEqual([]);
  });

  it('keeps catalogue names unique', () => {
    const names = templateVariables.map((variable) => variable.name);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>Tom & Jerry</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;Tom &amp; Jerry&lt;/a&gt;',
    );
  });

  it('escapes an ampersand that already looks like an entity', () => {
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });
});

// Keeps the fixture dates honest: the tests above spell them out.
describe('template fixtures', () => {
  it('place the report and due dates on the days the tests expect', () => {
    expect(formatIndonesianDate(reportedAt, 'WIB')).toBe('24 November 2026');
    expect(formatIndonesianDate(dueAt, 'WIB')).toBe('8 Desember 2026');
  });
});
