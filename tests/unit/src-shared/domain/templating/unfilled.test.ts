import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unfilledPlaceholders } from '../../../../../src-shared/domain/templating/unfilled';

describe('unfilledPlaceholders', () => {
  it('finds nothing in plain text', () => {
    expect(unfilledPlaceholders('')).toEqual([]);
    expect(unfilledPlaceholders('Yth. Bapak Budi, laporan Anda sudah kami terima.')).toEqual([]);
  });

  it('lists each variable still written as a placeholder, once, in order', () => {
    expect(
      unfilledPlaceholders(
        'Yth. {{pelapor.sapaan}}, laporan {{laporan.nomor}} ditangani {{petugas.nama}}. ' +
          'Nomor: {{laporan.nomor | upper}}',
      ),
    ).toEqual(['pelapor.sapaan', 'laporan.nomor', 'petugas.nama']);
  });

  it('counts the conditions and lists of blocks, and the variables inside them', () => {
    expect(
      unfilledPlaceholders(
        '{{#if laporan.anonim}}Yth. Pelapor{{else}}Yth. {{pelapor.nama}}{{/if}}\n' +
          '{{#each disposisi}}- {{this.catatan}}\n{{/each}}',
      ),
    ).toEqual(['laporan.anonim', 'pelapor.nama', 'disposisi', 'disposisi[].catatan']);
  });

  it('counts a snippet include as a hole, even when no such snippet exists', () => {
    expect(unfilledPlaceholders('{{> salam_pembuka}}\nTerima kasih.')).toEqual(['> salam_pembuka']);
    expect(
      unfilledPlaceholders('{{#if laporan.anonim}}{{> salam_anonim}}{{/if}} {{instansi.nama}}'),
    ).toEqual(['laporan.anonim', 'instansi.nama', '> salam_anonim']);
  });

  it('treats text that does not parse as a template as plain text', () => {
    // A citizen quoted in the reply: "harga naik {{ tanpa pemberitahuan".
    expect(unfilledPlaceholders('Anda menulis: "harga naik {{ tanpa pemberitahuan"')).toEqual([]);
    expect(unfilledPlaceholders('{{#if laporan.anonim}} tanpa penutup')).toEqual([]);
    expect(unfilledPlaceholders('{{/if}}')).toEqual([]);
  });

  it('ignores words in braces that are not variables of the catalogue (a citizen wrote them)', () => {
    expect(unfilledPlaceholders('Perihal: "Jalan {{rusak}} parah". Terima kasih.')).toEqual([]);
    expect(unfilledPlaceholders('Perihal: "{{rusak}}", oleh {{petugas.nama}}')).toEqual([
      'petugas.nama',
    ]);
  });

  it('never throws, and finds nothing in text without braces', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        expect(Array.isArray(unfilledPlaceholders(text))).toBe(true);
        expect(unfilledPlaceholders(text.replaceAll('{', '(').replaceAll('}', ')'))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
