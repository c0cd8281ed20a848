// A complete template context for a non-anonymous report, with overrides per test.

import type { TemplateContext } from '../../../../../src-shared/domain/templating/template-context';

export const reportedAt = Date.UTC(2026, 10, 24, 3, 0); // 24 November 2026, 10:00 WIB
export const dueAt = Date.UTC(2026, 11, 8, 9, 0); // 8 Desember 2026, 16:00 WIB

export function makeContext(overrides: Partial<TemplateContext> = {}): TemplateContext {
  return {
    laporan: {
      nomor: 'LPR-2026-000123',
      judul: 'Jalan berlubang di Jl. Merdeka',
      tanggal: reportedAt,
      kategori: 'Infrastruktur',
      lokasi: 'Kota Bandung',
      anonim: false,
      rahasia: false,
    },
    pelapor: { nama: 'Siti Rahmawati', sapaan: 'Ibu' },
    instansi: { nama: 'Dinas Pekerjaan Umum', alamat: 'Jl. Asia Afrika 1, Bandung' },
    unit: { nama: 'Bidang Bina Marga' },
    petugas: { nama: 'Agus Santoso' },
    batas_waktu: dueAt,
    hari_kerja_tersisa: 5,
    disposisi: [
      { instansi: 'Dinas PU', unit: 'Bina Marga', tanggal: reportedAt, catatan: 'Segera cek' },
      { instansi: 'Kecamatan Coblong', unit: 'Seksi Trantib', tanggal: dueAt, catatan: '' },
    ],
    ...overrides,
  };
}
