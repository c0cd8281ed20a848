import { describe, expect, it } from 'vitest';
import type { Template } from '../../../../../src-shared/domain/template';
import type { TemplateContext } from '../../../../../src-shared/domain/templating/template-context';
import {
  draftBody,
  filterTemplates,
  previewReply,
  replyTemplateChoices,
  type ReplyInput,
} from '../../../../../src-renderer/features/reply/reply-rendering';

const context: TemplateContext = {
  laporan: {
    nomor: '1916449',
    judul: 'Jalan berlubang',
    tanggal: null,
    kategori: '',
    lokasi: 'Jl. Melati',
    anonim: false,
    rahasia: false,
  },
  pelapor: { nama: 'Sari', sapaan: 'Ibu Sari' },
  instansi: { nama: 'Dinas PU', alamat: '' },
  unit: { nama: '' },
  petugas: { nama: '' },
  batas_waktu: null,
  hari_kerja_tersisa: null,
  disposisi: [],
};

const input = (source: string, fills: Record<string, string> = {}): ReplyInput => ({
  source,
  context,
  fills,
  snippets: {},
  timeZone: 'WIB',
});

const SOURCE =
  'Yth. {{pelapor.sapaan}}, laporan {{laporan.nomor}} ({{laporan.kategori}}).\n{{petugas.nama}}';

describe('the reply preview', () => {
  it('cuts the text at every empty variable and lists each once', () => {
    const preview = previewReply(input(`${SOURCE} {{petugas.nama}}`));
    if (!preview.ok) throw new Error('expected a preview');
    expect(preview.missing).toEqual(['laporan.kategori', 'petugas.nama']);
    expect(preview.parts.map((p) => (p.kind === 'text' ? p.text : `[${p.variable}]`))).toEqual([
      'Yth. Ibu Sari, laporan 1916449 (',
      '[laporan.kategori]',
      ').\n',
      '[petugas.nama]',
      ' ',
      '[petugas.nama]',
    ]);
  });

  it('renders the final text with the fills, while the holes keep their inputs', () => {
    const preview = previewReply(
      input(SOURCE, { 'laporan.kategori': 'Infrastruktur', 'petugas.nama': 'Budi' }),
    );
    if (!preview.ok) throw new Error('expected a preview');
    expect(preview.text).toBe('Yth. Ibu Sari, laporan 1916449 (Infrastruktur).\nBudi');
    expect(preview.missing).toEqual([]);
    expect(preview.parts.filter((p) => p.kind === 'missing')).toHaveLength(2);
  });

  it('reports a syntax error with its line and column', () => {
    const preview = previewReply(input('Halo\n{{laporan.nomor'));
    expect(preview.ok).toBe(false);
    if (preview.ok) return;
    expect(preview.error).toMatchObject({ code: 'unclosed_tag', line: 2, column: 1 });
  });

  it('lists variables outside the catalogue', () => {
    const preview = previewReply(input('Halo {{pelapor.alamat_rumah}}'));
    if (!preview.ok) throw new Error('expected a preview');
    expect(preview.unknown.map((u) => u.variable)).toEqual(['pelapor.alamat_rumah']);
    expect(preview.missing).toEqual(['pelapor.alamat_rumah']);
  });
});

describe('the body of a synced draft', () => {
  it('keeps the holes still empty as placeholders and writes the fills in', () => {
    expect(draftBody(input(SOURCE, { 'petugas.nama': 'Budi' }))).toBe(
      'Yth. Ibu Sari, laporan 1916449 ({{laporan.kategori}}).\nBudi',
    );
  });

  it('is the source itself while the source does not parse', () => {
    expect(draftBody(input('Halo {{#if laporan.anonim}}'))).toBe('Halo {{#if laporan.anonim}}');
  });
});

describe('templates offered for a reply', () => {
  const template = (
    id: string,
    kind: Template['kind'],
    name: string,
    extra: Partial<Pick<Template, 'categoryIds' | 'description'>> = {},
  ): Template => ({
    id,
    kind,
    name,
    body: 'Isi',
    description: '',
    categoryIds: [],
    revision: 1,
    agencyId: 'dinkes',
    version: 1,
    updatedBy: 'u-admin',
    updatedAt: 0,
    scope: 'agency',
    ...extra,
  });
  const library = [
    template('t-arsip', 'arsip', 'Arsip umum'),
    template('t-final', 'jawaban_akhir', 'Jawaban akhir umum'),
    template('t-follow', 'tindak_lanjut', 'Tindak lanjut umum'),
    template('t-follow-health', 'tindak_lanjut', 'Tindak lanjut kesehatan', {
      categoryIds: ['cat-kes'],
      description: 'Untuk layanan puskesmas',
    }),
    template('salam_pembuka', 'cuplikan', 'salam_pembuka'),
  ];

  it('offers follow-ups and final answers first, the category’s first, never snippets', () => {
    expect(replyTemplateChoices(library, 'cat-kes', 'u-op').map((t) => t.id)).toEqual([
      't-follow-health',
      't-follow',
      't-final',
      't-arsip',
    ]);
  });

  it('finds templates by every word of the search, ignoring case and accents', () => {
    const kindLabel = (kind: Template['kind']) => (kind === 'arsip' ? 'Arsip' : 'Tanggapan');
    expect(filterTemplates(library, 'PUSKÉSMAS tindak', kindLabel).map((t) => t.id)).toEqual([
      't-follow-health',
    ]);
    expect(filterTemplates(library, '   ', kindLabel)).toHaveLength(library.length);
    expect(filterTemplates(library, 'tidak ada', kindLabel)).toEqual([]);
  });
});
