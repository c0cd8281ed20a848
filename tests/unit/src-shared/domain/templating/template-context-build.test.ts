import { describe, expect, it } from 'vitest';
import { LetterheadSchema } from '../../../../../src-shared/domain/agency';
import type { Report } from '../../../../../src-shared/domain/report';
import {
  NEUTRAL_REPORTER_NAME,
  NEUTRAL_SALUTATION,
  type TemplateContext,
} from '../../../../../src-shared/domain/templating/template-context';
import {
  buildTemplateContext,
  snippetsOf,
  suggestTemplates,
  withFills,
} from '../../../../../src-shared/domain/templating/template-context-build';
import { render } from '../../../../../src-shared/domain/templating/template-render';
import {
  agencyList,
  agencyTemplate,
  at,
  contextInput,
  disposedReport,
  disposition,
  endOf,
  personalTemplate,
} from './context-fixtures';

function contextFor(report: Partial<Report>, now = at('2025-02-04T10:00')): TemplateContext {
  return buildTemplateContext(contextInput({ report: disposedReport(report), now }));
}

function textOf(source: string, context: TemplateContext): string {
  const result = render(source, context, { timeZone: 'WIB' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.text;
}

describe('buildTemplateContext', () => {
  it('fills every variable from the report, its agency, unit, category, officer and dispositions', () => {
    expect(buildTemplateContext(contextInput())).toEqual({
      laporan: {
        nomor: '1916449',
        judul: 'Jalan berlubang di Jl. Soekarno-Hatta',
        tanggal: at('2025-02-03T09:00'),
        kategori: 'Jalan Rusak',
        lokasi: 'Jl. Soekarno-Hatta, Bandung',
        anonim: false,
        rahasia: false,
      },
      pelapor: { nama: 'Siti Rahmawati', sapaan: 'Bapak/Ibu Siti Rahmawati' },
      instansi: { nama: 'Dinas Pekerjaan Umum Kota Bandung', alamat: '' },
      unit: { nama: 'Bidang Bina Marga' },
      petugas: { nama: 'Agus Santoso' },
      // First follow-up: 5 working days after Monday 3 February.
      batas_waktu: endOf('2025-02-10'),
      hari_kerja_tersisa: 4,
      disposisi: [
        {
          instansi: 'Dinas Pekerjaan Umum Kota Bandung',
          unit: 'Bidang Bina Marga',
          tanggal: at('2025-02-03T13:00'),
          catatan: 'Mohon segera dicek ke lokasi',
        },
      ],
    } satisfies TemplateContext);
  });

  it('takes the agency address from its letterhead', () => {
    const agencies = new Map(
      agencyList.map((agency) => [
        agency.id,
        agency.id === 'dpu'
          ? {
              ...agency,
              settings: {
                ...agency.settings,
                letterhead: LetterheadSchema.parse({ address: 'Jl. Cianjur No. 34, Bandung' }),
              },
            }
          : agency,
      ]),
    );
    expect(buildTemplateContext(contextInput({ agencies })).instansi.alamat).toBe(
      'Jl. Cianjur No. 34, Bandung',
    );
  });

  it('leaves unknown category, unit, agency and officer empty, to be filled', () => {
    const context = buildTemplateContext(
      contextInput({
        report: disposedReport({ categoryId: null, unitId: null, agencyId: 'elsewhere' }),
        officerId: 'u-unknown',
      }),
    );
    expect(context.laporan.kategori).toBe('');
    expect(context.unit.nama).toBe('');
    expect(context.instansi).toEqual({ nama: '', alamat: '' });
    expect(context.petugas.nama).toBe('');
  });

  describe('the reporter', () => {
    it('is only ever the neutral forms for an anonymous report, even when the client holds the name', () => {
      const context = contextFor({ privacy: { anonim: true, rahasia: false } });
      expect(context.pelapor).toEqual({ nama: NEUTRAL_REPORTER_NAME, sapaan: NEUTRAL_SALUTATION });
      expect(context.laporan.anonim).toBe(true);
      expect(textOf('{{pelapor.nama}} {{pelapor.sapaan}}', context)).not.toContain('Siti');
    });

    it('is greeted neutrally with an empty name when withheld from this user', () => {
      expect(contextFor({ reporter: null }).pelapor).toEqual({
        nama: '',
        sapaan: NEUTRAL_SALUTATION,
      });
    });

    it.each([
      ['SITI RAHMAWATI', 'Siti Rahmawati', 'Bapak/Ibu Siti Rahmawati'],
      ['  budi   santoso ', 'Budi Santoso', 'Bapak/Ibu Budi Santoso'],
      ["ma'ruf amin", "Ma'ruf Amin", "Bapak/Ibu Ma'ruf Amin"],
      ['siti-nur aisyah', 'Siti-Nur Aisyah', 'Bapak/Ibu Siti-Nur Aisyah'],
      ['Siti binti AHMAD', 'Siti binti AHMAD', 'Bapak/Ibu Siti binti AHMAD'],
      ['Bpk. Budi Santoso', 'Budi Santoso', 'Bapak Budi Santoso'],
      ['pak budi', 'Budi', 'Bapak Budi'],
      ['IBU ANI', 'Ani', 'Ibu Ani'],
      ['Sdri. Rina', 'Rina', 'Saudari Rina'],
      ['Ibunda', 'Ibunda', 'Bapak/Ibu Ibunda'],
    ])('addresses %j formally', (name, nama, sapaan) => {
      expect(contextFor({ reporter: { name } }).pelapor).toEqual({ nama, sapaan });
    });
  });

  describe('dispositions', () => {
    it("lists the report's own, oldest first, with blank units and notes empty", () => {
      const context = buildTemplateContext(
        contextInput({
          dispositions: [
            disposition({
              id: 'd-2',
              kind: 'redispose',
              toAgencyId: 'kec-coblong',
              toUnitId: null,
              at: at('2025-02-04T08:00'),
              note: null,
            }),
            disposition({ id: 'd-other', reportId: 'r-2' }),
            disposition(),
          ],
        }),
      );
      expect(context.disposisi).toEqual([
        {
          instansi: 'Dinas Pekerjaan Umum Kota Bandung',
          unit: 'Bidang Bina Marga',
          tanggal: at('2025-02-03T13:00'),
          catatan: 'Mohon segera dicek ke lokasi',
        },
        { instansi: 'Kecamatan Coblong', unit: '', tanggal: at('2025-02-04T08:00'), catatan: '' },
      ]);
    });
  });

  describe('deadlines', () => {
    it('counts the verify deadline for a report not yet disposed', () => {
      const context = contextFor({
        status: 'unverified',
        agencyId: 'kota-bandung',
        unitId: null,
        disposedAt: null,
      });
      expect(context.batas_waktu).toBe(endOf('2025-02-06'));
      expect(context.hari_kerja_tersisa).toBe(2);
    });

    it('counts the first follow-up a disposition note starts from now', () => {
      const context = buildTemplateContext(
        contextInput({
          report: disposedReport({ status: 'unverified', disposedAt: null }),
          kind: 'disposisi',
        }),
      );
      expect(context.batas_waktu).toBe(endOf('2025-02-11'));
      expect(context.hari_kerja_tersisa).toBe(5);
    });

    it('counts the wait a request for information is about to start from now', () => {
      const context = buildTemplateContext(
        contextInput({
          report: disposedReport({ status: 'unverified', disposedAt: null }),
          kind: 'permintaan_informasi',
        }),
      );
      expect(context.batas_waktu).toBe(endOf('2025-02-18'));
      expect(context.hari_kerja_tersisa).toBe(10);
    });

    it('counts the wait of a postponed report from the start of the pause, with the agency setting', () => {
      const pending = disposedReport({
        status: 'pending_info',
        disposedAt: null,
        pausedAt: at('2025-02-05T11:00'),
      });
      const now = at('2025-02-07T10:00');
      const standard = buildTemplateContext(contextInput({ report: pending, now }));
      expect(standard.batas_waktu).toBe(endOf('2025-02-19'));
      expect(standard.hari_kerja_tersisa).toBe(8);

      const agencies = new Map(
        agencyList.map((agency) => [
          agency.id,
          { ...agency, settings: { ...agency.settings, pendingInfoWaitDays: 5 } },
        ]),
      );
      const shorter = buildTemplateContext(
        contextInput({ report: pending, now, agencies, kind: 'permintaan_informasi' }),
      );
      expect(shorter.batas_waktu).toBe(endOf('2025-02-12'));
      expect(shorter.hari_kerja_tersisa).toBe(3);
    });

    it('says 0 working days on the due day and leaves the count empty once it has passed', () => {
      expect(contextFor({}, at('2025-02-10T08:00')).hari_kerja_tersisa).toBe(0);
      const late = contextFor({}, at('2025-02-12T08:00'));
      expect(late.batas_waktu).toBe(endOf('2025-02-10'));
      expect(late.hari_kerja_tersisa).toBeNull();
    });

    it('has no deadline for a closed report', () => {
      const context = contextFor({ status: 'completed', closedAt: at('2025-02-04T08:00') });
      expect(context.batas_waktu).toBeNull();
      expect(context.hari_kerja_tersisa).toBeNull();
    });

    it('gives a responded report the automatic-completion day', () => {
      const context = contextFor({
        status: 'responded',
        firstResponseAt: at('2025-02-04T09:00'),
        respondedAt: at('2025-02-04T09:00'),
      });
      expect(context.batas_waktu).toBe(endOf('2025-02-18'));
    });
  });
});

describe('withFills', () => {
  const base = buildTemplateContext(contextInput());
  const holes: TemplateContext = {
    ...base,
    petugas: { nama: '' },
    batas_waktu: null,
    hari_kerja_tersisa: null,
    disposisi: [
      { instansi: 'Dinas A', unit: '', tanggal: 0, catatan: '' },
      { instansi: 'Dinas B', unit: 'Unit B', tanggal: 0, catatan: 'Sudah ada' },
    ],
  };

  it('writes fills over the context by dotted name and ignores blank ones', () => {
    const filled = withFills(holes, { 'petugas.nama': ' Rina ', 'unit.nama': '   ' });
    expect(filled.petugas.nama).toBe('Rina');
    expect(filled.unit.nama).toBe('Bidang Bina Marga');
  });

  it('types values per the catalogue: dates stay as typed unless picked as a date', () => {
    expect(withFills(holes, { batas_waktu: '24 November 2026' }).batas_waktu).toBe(
      '24 November 2026',
    );
    expect(withFills(holes, { batas_waktu: '2026-11-24' }).batas_waktu).toBe('24 November 2026');
    expect(withFills(holes, { hari_kerja_tersisa: '7' }).hari_kerja_tersisa).toBe(7);
    expect(withFills(holes, { hari_kerja_tersisa: 'tujuh' }).hari_kerja_tersisa).toBe('tujuh');
    const text = textOf(
      '{{batas_waktu}} / {{batas_waktu | tanggal}}',
      withFills(holes, { batas_waktu: 'akhir bulan ini' }),
    );
    expect(text).toBe('akhir bulan ini / akhir bulan ini');
  });

  it('never changes privacy or lists', () => {
    const anonymous = { ...holes, laporan: { ...holes.laporan, anonim: true } };
    const filled = withFills(anonymous, {
      'laporan.anonim': 'tidak',
      disposisi: 'x',
      'pelapor.nama': 'Siti',
    });
    expect(filled.laporan.anonim).toBe(true);
    expect(filled.disposisi).toBe(anonymous.disposisi);
    expect(textOf('{{pelapor.nama}}', filled)).toBe(NEUTRAL_REPORTER_NAME);
  });

  it("fills a list item's field where it is blank, leaving written ones", () => {
    const filled = withFills(holes, {
      'disposisi[].catatan': 'Segera',
      'disposisi[].unit': 'Umum',
    });
    expect(filled.disposisi.map((item) => [item.unit, item.catatan])).toEqual([
      ['Umum', 'Segera'],
      ['Unit B', 'Sudah ada'],
    ]);
  });

  it('sets names outside the catalogue as text, so a custom placeholder can be filled', () => {
    const filled = withFills(holes, { 'surat.perihal': 'Tanggapan' });
    expect(textOf('{{surat.perihal}}', filled)).toBe('Tanggapan');
  });

  it('ignores names that are not paths, reach object machinery or run through a value', () => {
    const filled = withFills(holes, {
      'laporan.nomor.x': 'a',
      laporan: 'b',
      '__proto__.polluted': 'c',
      'constructor.prototype': 'd',
      'a..b': 'e',
      'disposisi[]': 'f',
      'petugas[].nama': 'g',
    });
    expect(filled).toEqual(holes);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('leaves the given context unchanged', () => {
    const before = structuredClone(holes);
    withFills(holes, { 'petugas.nama': 'Rina', 'disposisi[].catatan': 'x', 'a.b': 'c' });
    expect(holes).toEqual(before);
  });
});

describe('snippetsOf', () => {
  it("gives the agency's snippets, the user's own shadowing them, never another user's", () => {
    const templates = [
      agencyTemplate({ id: 's1', kind: 'cuplikan', name: 'salam_pembuka', body: 'Yth.' }),
      agencyTemplate({ id: 's2', kind: 'cuplikan', name: 'penutup', body: 'Hormat kami' }),
      personalTemplate('u-agus', { id: 's3', kind: 'cuplikan', name: 'penutup', body: 'Salam' }),
      personalTemplate('u-rina', {
        id: 's4',
        kind: 'cuplikan',
        name: 'salam_pembuka',
        body: 'Hai',
      }),
      personalTemplate('u-rina', { id: 's5', kind: 'cuplikan', name: 'milik_rina', body: 'R' }),
      agencyTemplate({ id: 't1', kind: 'arsip', name: 'arsip', body: 'Bukan cuplikan' }),
      agencyTemplate({ id: 's6', kind: 'cuplikan', name: 'Salam Pembuka', body: 'Tidak bisa' }),
    ];
    expect(snippetsOf(templates, 'u-agus')).toEqual({ salam_pembuka: 'Yth.', penutup: 'Salam' });
  });

  it('takes the snippet edited last when two of one scope share a name, whatever the order', () => {
    const older = agencyTemplate({
      id: 'a',
      kind: 'cuplikan',
      name: 'x',
      body: 'old',
      updatedAt: 1,
    });
    const newer = agencyTemplate({
      id: 'b',
      kind: 'cuplikan',
      name: 'x',
      body: 'new',
      updatedAt: 2,
    });
    expect(snippetsOf([older, newer], 'u')).toEqual({ x: 'new' });
    expect(snippetsOf([newer, older], 'u')).toEqual({ x: 'new' });
  });
});

describe('suggestTemplates', () => {
  const templates = [
    agencyTemplate({ id: 'a-umum', name: 'Tindak lanjut umum' }),
    agencyTemplate({ id: 'a-jalan', name: 'Jalan dijadwalkan', categoryIds: ['cat-jalan-rusak'] }),
    agencyTemplate({ id: 'a-pungli', name: 'Pungli', categoryIds: ['cat-pungli'] }),
    personalTemplate('u-agus', { id: 'p-umum', name: 'Versi saya' }),
    personalTemplate('u-agus', {
      id: 'p-jalan',
      name: 'Zebra jalan',
      categoryIds: ['cat-jalan-rusak'],
    }),
    personalTemplate('u-rina', { id: 'p-rina', name: 'Milik Rina' }),
    agencyTemplate({ id: 'a-arsip', kind: 'arsip', name: 'Arsip' }),
    agencyTemplate({ id: 'a-cuplikan', kind: 'cuplikan', name: 'salam' }),
  ];
  const ids = (list: readonly { id: string }[]): string[] => list.map((item) => item.id);

  it("puts the report's category first, then any-category ones, then other categories'; the user's own first within each", () => {
    expect(ids(suggestTemplates(templates, 'tindak_lanjut', 'cat-jalan-rusak', 'u-agus'))).toEqual([
      'p-jalan',
      'a-jalan',
      'p-umum',
      'a-umum',
      'a-pungli',
    ]);
  });

  it('ranks category-specific templates last for a report without a category', () => {
    expect(ids(suggestTemplates(templates, 'tindak_lanjut', null, 'u-agus'))).toEqual([
      'p-umum',
      'a-umum',
      'p-jalan',
      'a-jalan',
      'a-pungli',
    ]);
  });

  it('offers every kind but snippets without a kind filter, never another user’s personal ones', () => {
    const all = ids(suggestTemplates(templates, null, null, 'u-rina'));
    expect(all).toContain('a-arsip');
    expect(all).toContain('p-rina');
    expect(all).not.toContain('a-cuplikan');
    expect(all).not.toContain('p-umum');
    expect(ids(suggestTemplates(templates, 'cuplikan', null, 'u-agus'))).toEqual([]);
  });

  it('orders names the Indonesian way: case-insensitive, numbers by value', () => {
    const named = ['Template 10', 'template 2', 'Ärsip', 'balasan'].map((name, i) =>
      agencyTemplate({ id: `t${String(i)}`, name }),
    );
    expect(suggestTemplates(named, null, null, 'u').map((item) => item.name)).toEqual([
      'Ärsip',
      'balasan',
      'template 2',
      'Template 10',
    ]);
  });
});
