// The typed context templates render against, and the one catalogue of the variables it offers:
// analyze() checks templates against it and the editor's variable picker lists it.

import type { EpochMs } from '../epoch-ms';

export interface TemplateDisposition {
  readonly instansi: string;
  readonly unit: string;
  readonly tanggal: EpochMs | null;
  readonly catatan: string;
}

/** Everything a template may mention. Empty strings and nulls stand for "not known yet". */
export interface TemplateContext {
  readonly laporan: {
    readonly nomor: string;
    readonly judul: string;
    readonly tanggal: EpochMs | null;
    readonly kategori: string;
    readonly lokasi: string;
    readonly anonim: boolean;
    readonly rahasia: boolean;
  };
  readonly pelapor: { readonly nama: string; readonly sapaan: string };
  readonly instansi: { readonly nama: string; readonly alamat: string };
  readonly unit: { readonly nama: string };
  readonly petugas: { readonly nama: string };
  readonly batas_waktu: EpochMs | null;
  readonly hari_kerja_tersisa: number | null;
  readonly disposisi: readonly TemplateDisposition[];
}

export type TemplateVariableType = 'teks' | 'tanggal' | 'angka' | 'ya_tidak' | 'daftar';

export interface TemplateVariable {
  /** The path as written in a template; fields of list items read `list[].field`. */
  readonly name: string;
  readonly description: string;
  readonly type: TemplateVariableType;
  /** Would reveal who an anonymous reporter is; rendered as `neutralForm` when laporan.anonim. */
  readonly identifiesReporter: boolean;
  readonly neutralForm?: string;
}

export const NEUTRAL_REPORTER_NAME = 'Bapak/Ibu Pelapor';
export const NEUTRAL_SALUTATION = 'Bapak/Ibu';

export const templateVariables: readonly TemplateVariable[] = [
  { name: 'laporan.nomor', description: 'Nomor laporan', type: 'teks', identifiesReporter: false },
  { name: 'laporan.judul', description: 'Judul laporan', type: 'teks', identifiesReporter: false },
  {
    name: 'laporan.tanggal',
    description: 'Tanggal laporan diterima',
    type: 'tanggal',
    identifiesReporter: false,
  },
  {
    name: 'laporan.kategori',
    description: 'Kategori laporan',
    type: 'teks',
    identifiesReporter: false,
  },
  {
    name: 'laporan.lokasi',
    description: 'Lokasi kejadian yang dilaporkan',
    type: 'teks',
    identifiesReporter: false,
  },
  {
    name: 'laporan.anonim',
    description: 'Apakah pelapor meminta identitasnya dirahasiakan (anonim)',
    type: 'ya_tidak',
    identifiesReporter: false,
  },
  {
    name: 'laporan.rahasia',
    description: 'Apakah isi laporan bersifat rahasia',
    type: 'ya_tidak',
    identifiesReporter: false,
  },
  {
    name: 'pelapor.nama',
    description: 'Nama pelapor',
    type: 'teks',
    identifiesReporter: true,
    neutralForm: NEUTRAL_REPORTER_NAME,
  },
  {
    name: 'pelapor.sapaan',
    description: 'Sapaan pelapor (Bapak/Ibu/Saudara)',
    type: 'teks',
    identifiesReporter: true,
    neutralForm: NEUTRAL_SALUTATION,
  },
  { name: 'instansi.nama', description: 'Nama instansi', type: 'teks', identifiesReporter: false },
  {
    name: 'instansi.alamat',
    description: 'Alamat instansi',
    type: 'teks',
    identifiesReporter: false,
  },
  {
    name: 'unit.nama',
    description: 'Nama unit kerja yang menangani',
    type: 'teks',
    identifiesReporter: false,
  },
  {
    name: 'petugas.nama',
    description: 'Nama petugas yang menulis jawaban',
    type: 'teks',
    identifiesReporter: false,
  },
  {
    name: 'batas_waktu',
    description: 'Batas waktu tindak lanjut',
    type: 'tanggal',
    identifiesReporter: false,
  },
  {
    name: 'hari_kerja_tersisa',
    description: 'Sisa hari kerja sampai batas waktu',
    type: 'angka',
    identifiesReporter: false,
  },
  {
    name: 'disposisi',
    description: 'Daftar disposisi laporan (untuk {{#each disposisi}})',
    type: 'daftar',
    identifiesReporter: false,
  },
  {
    name: 'disposisi[].instansi',
    description: 'Instansi tujuan disposisi ({{this.instansi}} di dalam {{#each disposisi}})',
    type: 'teks',
    identifiesReporter: false,
  },
  {
    name: 'disposisi[].unit',
    description: 'Unit tujuan disposisi ({{this.unit}} di dalam {{#each disposisi}})',
    type: 'teks',
    identifiesReporter: false,
  },
  {
    name: 'disposisi[].tanggal',
    description: 'Tanggal disposisi ({{this.tanggal}} di dalam {{#each disposisi}})',
    type: 'tanggal',
    identifiesReporter: false,
  },
  {
    name: 'disposisi[].catatan',
    description: 'Catatan disposisi ({{this.catatan}} di dalam {{#each disposisi}})',
    type: 'teks',
    identifiesReporter: false,
  },
];

const byName = new Map(templateVariables.map((variable) => [variable.name, variable]));

export function findTemplateVariable(name: string): TemplateVariable | undefined {
  return byName.get(name);
}
