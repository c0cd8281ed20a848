// The preview with holes (`parts`) and the template with holes written back (`keepMissing`).

import { describe, expect, it } from 'vitest';
import type { TemplateContext } from '../../../../../src-shared/domain/templating/template-context';
import {
  MAX_RENDERED_LENGTH,
  render,
  type RenderOptions,
  type RenderedTemplate,
} from '../../../../../src-shared/domain/templating/template-render';
import { withFills } from '../../../../../src-shared/domain/templating/template-context-build';
import { dueAt, makeContext } from './template-fixtures';

function rendered(
  source: string,
  context: TemplateContext,
  options: Partial<RenderOptions> = {},
): RenderedTemplate {
  const result = render(source, context, { timeZone: 'WIB', ...options });
  if (!result.ok) throw new Error(`render failed: ${result.error.message}`);
  return result.value;
}

const partial = makeContext({
  petugas: { nama: '' },
  batas_waktu: null,
  disposisi: [
    { instansi: 'Dinas PU', unit: 'Bina Marga', tanggal: null, catatan: 'Segera cek' },
    { instansi: 'Kecamatan Coblong', unit: '', tanggal: null, catatan: '' },
  ],
});

describe('render with parts', () => {
  it('cuts the text at every hole, in order, keeping the hole positions', () => {
    const result = rendered(
      'Nomor {{laporan.nomor}}\nPetugas: {{petugas.nama}}, batas {{batas_waktu | tanggal}}.',
      partial,
      { parts: true },
    );
    expect(result.parts).toEqual([
      { kind: 'text', text: 'Nomor LPR-2026-000123\nPetugas: ' },
      { kind: 'missing', variable: 'petugas.nama', line: 2, column: 10 },
      { kind: 'text', text: ', batas ' },
      { kind: 'missing', variable: 'batas_waktu', line: 2, column: 34 },
      { kind: 'text', text: '.' },
    ]);
    expect(result.text).toBe('Nomor LPR-2026-000123\nPetugas: , batas .');
  });

  it('gives holes next to each other and at the ends without empty text between them', () => {
    const result = rendered('{{petugas.nama}}{{batas_waktu}}', partial, { parts: true });
    expect(result.parts).toEqual([
      { kind: 'missing', variable: 'petugas.nama', line: 1, column: 1 },
      { kind: 'missing', variable: 'batas_waktu', line: 1, column: 17 },
    ]);
  });

  it('names the snippet of a hole inside one and repeats a loop hole per item', () => {
    const result = rendered('{{> ttd}}{{#each disposisi}}[{{this.catatan}}]{{/each}}', partial, {
      parts: true,
      snippets: { ttd: 'Hormat kami, {{petugas.nama}}\n' },
    });
    expect(result.parts).toEqual([
      { kind: 'text', text: 'Hormat kami, ' },
      { kind: 'missing', variable: 'petugas.nama', line: 1, column: 14, snippet: 'ttd' },
      { kind: 'text', text: '\n[Segera cek][' },
      { kind: 'missing', variable: 'disposisi[].catatan', line: 1, column: 30 },
      { kind: 'text', text: ']' },
    ]);
  });

  it('is left out unless asked for', () => {
    expect(rendered('{{petugas.nama}}', partial)).not.toHaveProperty('parts');
  });
});

describe('render with keepMissing', () => {
  it('writes each hole back as its tag, filters kept, and everything else as text', () => {
    const result = rendered(
      '{{laporan.nomor}}: {{petugas.nama | upper}} sampai {{batas_waktu | tanggal}}',
      partial,
      { keepMissing: true },
    );
    expect(result.text).toBe(
      'LPR-2026-000123: {{petugas.nama | upper}} sampai {{batas_waktu | tanggal}}',
    );
    expect(result.missing.map((use) => use.variable)).toEqual(['petugas.nama', 'batas_waktu']);
  });

  it('fills the holes when the result is rendered with the fuller context', () => {
    const source =
      '{{#if laporan.rahasia}}R{{else}}Terbuka{{/if}}: {{petugas.nama}}, {{batas_waktu}} ({{laporan.judul | upper}})';
    const draft = rendered(source, partial, { keepMissing: true }).text;
    expect(draft).toBe(
      'Terbuka: {{petugas.nama}}, {{batas_waktu}} (JALAN BERLUBANG DI JL. MERDEKA)',
    );
    const fuller = withFills(partial, { 'petugas.nama': 'Agus', batas_waktu: '2026-12-08' });
    expect(rendered(draft, fuller)).toEqual(rendered(source, fuller));
    expect(rendered(draft, fuller).text).toBe(
      'Terbuka: Agus, 8 Desember 2026 (JALAN BERLUBANG DI JL. MERDEKA)',
    );
  });

  it('writes braces of the text as literals so a citizen’s "{{" never becomes a tag', () => {
    const context = { ...partial, laporan: { ...partial.laporan, judul: 'Atap {{bocor}} {' } };
    const draft = rendered('{{laporan.judul}}{{petugas.nama}}', context, { keepMissing: true });
    expect(draft.text).toBe('Atap {{"{"}}{{"{"}}bocor}} {{"{"}}{{petugas.nama}}');
    const again = rendered(draft.text, context, { parts: true });
    expect(again.parts).toEqual([
      { kind: 'text', text: 'Atap {{bocor}} {' },
      { kind: 'missing', variable: 'petugas.nama', line: 1, column: 35 },
    ]);
  });

  it('writes a loop with an item hole back whole, so the item can be filled later', () => {
    const source =
      'Tujuan:\n{{#each disposisi}}- {{this.instansi}}: {{this.catatan}}\n{{/each}}Selesai';
    const result = rendered(source, partial, { keepMissing: true, parts: true });
    expect(result.text).toBe(
      'Tujuan:\n{{#each disposisi}}- {{this.instansi}}: {{this.catatan}}\n{{/each}}Selesai',
    );
    // The preview still shows the expansion with the hole in place.
    expect(result.parts?.map((part) => (part.kind === 'text' ? part.text : '▢')).join('')).toBe(
      'Tujuan:\n- Dinas PU: Segera cek\n- Kecamatan Coblong: ▢\nSelesai',
    );
    const fuller = withFills(partial, { 'disposisi[].catatan': 'Mohon dikoordinasikan' });
    expect(rendered(result.text, fuller).text).toBe(
      'Tujuan:\n- Dinas PU: Segera cek\n- Kecamatan Coblong: Mohon dikoordinasikan\nSelesai',
    );
  });

  it('inlines snippets and keeps conditionals and outer holes inside a loop written back', () => {
    const result = rendered('{{#each disposisi}}{{this.catatan}}{{> baris}}{{/each}}', partial, {
      keepMissing: true,
      snippets: { baris: ' {{#if laporan.rahasia}}R{{else}}-{{/if}} {{petugas.nama}} {x}\n' },
    });
    expect(result.text).toBe(
      '{{#each disposisi}}{{this.catatan}} {{#if laporan.rahasia}}R{{else}}-{{/if}} {{petugas.nama}} {{"{"}}x}\n{{/each}}',
    );
  });

  it('expands a loop whose only holes are outside the items', () => {
    const result = rendered(
      '{{#each disposisi}}{{this.instansi}} {{petugas.nama}};{{/each}}',
      partial,
      {
        keepMissing: true,
      },
    );
    expect(result.text).toBe('Dinas PU {{petugas.nama}};Kecamatan Coblong {{petugas.nama}};');
  });

  it('keeps the neutral forms of an anonymous reporter, never a tag to fill with a name', () => {
    const anonymous = makeContext({
      laporan: { ...partial.laporan, anonim: true },
      pelapor: { nama: '', sapaan: '' },
    });
    expect(
      rendered('{{pelapor.sapaan}} {{pelapor.nama}}', anonymous, { keepMissing: true }).text,
    ).toBe('Bapak/Ibu Bapak/Ibu Pelapor');
  });

  it('returns a complete rendering unchanged but for literal braces', () => {
    const full = makeContext();
    expect(rendered('{{laporan.nomor}} {{batas_waktu}}', full, { keepMissing: true }).text).toBe(
      `LPR-2026-000123 ${rendered('{{batas_waktu}}', makeContext({ batas_waktu: dueAt })).text}`,
    );
  });

  it('stops with an error when the template written back would be too long', () => {
    const braces = '{'.repeat(MAX_RENDERED_LENGTH / 4);
    const context = { ...partial, laporan: { ...partial.laporan, judul: braces } };
    expect(rendered('{{laporan.judul}}', context).text).toBe(braces);
    const result = render('{{laporan.judul}}', context, { timeZone: 'WIB', keepMissing: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'output_too_long' } });
  });
});

describe('parsed template cache', () => {
  it('renders the same source the same way many times, and a changed source anew', () => {
    const first = rendered('{{laporan.nomor}}', makeContext());
    for (let i = 0; i < 200; i++) {
      // Other sources push the first out of the cache and back in.
      rendered(`{{laporan.nomor}} ${String(i)}`, makeContext());
      expect(rendered('{{laporan.nomor}}', makeContext())).toEqual(first);
    }
    expect(rendered('{{laporan.judul}}', makeContext()).text).toBe(
      'Jalan berlubang di Jl. Merdeka',
    );
  });

  it('caches syntax errors as errors', () => {
    for (let i = 0; i < 3; i++) {
      expect(render('{{#if a}}', makeContext(), { timeZone: 'WIB' })).toMatchObject({
        ok: false,
        error: { code: 'unclosed_block' },
      });
    }
  });
});
