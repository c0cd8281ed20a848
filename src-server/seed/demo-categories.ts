// The report category tree of the demo (DOMAIN.md: kesehatan, pendidikan, transportasi, adminduk,
// perizinan, lingkungan hidup, dana desa, infrastruktur, ketenagakerjaan, …), with the service
// that handles each leaf and its share of incoming complaints, for the generator.

import type { Category } from '../../src-shared/domain/category';
import type { ServiceKind } from './demo-directory';

export interface DemoCategoryGroup {
  readonly code: string;
  readonly name: string;
  readonly leaves: readonly DemoCategoryLeaf[];
}

export interface DemoCategoryLeaf {
  readonly code: string;
  readonly name: string;
  readonly service: ServiceKind;
  /** Relative share of complaints. */
  readonly weight: number;
}

const leaf = (
  code: string,
  name: string,
  service: ServiceKind,
  weight: number,
): DemoCategoryLeaf => ({ code, name, service, weight });

export const demoCategoryTree: readonly DemoCategoryGroup[] = [
  {
    code: 'kesehatan',
    name: 'Kesehatan',
    leaves: [
      leaf('bpjs_kesehatan', 'Layanan JKN/BPJS Kesehatan', 'kesehatan', 6),
      leaf('puskesmas', 'Pelayanan Puskesmas', 'kesehatan', 5),
      leaf('rumah_sakit', 'Pelayanan Rumah Sakit Daerah', 'kesehatan', 4),
    ],
  },
  {
    code: 'pendidikan',
    name: 'Pendidikan',
    leaves: [
      leaf('ppdb', 'Penerimaan Peserta Didik Baru', 'pendidikan', 5),
      leaf('pungutan_sekolah', 'Pungutan di Sekolah', 'pendidikan', 4),
      leaf('guru_honorer', 'Guru Honorer dan Tenaga Kependidikan', 'pendidikan', 2),
      leaf('bantuan_pendidikan', 'Program Indonesia Pintar (KIP)', 'pendidikan', 2),
    ],
  },
  {
    code: 'transportasi',
    name: 'Transportasi dan Perhubungan',
    leaves: [
      leaf('angkutan_umum', 'Angkutan Umum', 'perhubungan', 2),
      leaf('parkir', 'Parkir dan Juru Parkir Liar', 'perhubungan', 3),
      leaf('lalu_lintas', 'Rambu dan Lampu Lalu Lintas', 'perhubungan', 2),
    ],
  },
  {
    code: 'adminduk',
    name: 'Administrasi Kependudukan',
    leaves: [
      leaf('ktp_el', 'KTP Elektronik', 'adminduk', 6),
      leaf('kartu_keluarga', 'Kartu Keluarga', 'adminduk', 3),
      leaf('akta', 'Akta Kelahiran dan Akta Kematian', 'adminduk', 2),
    ],
  },
  {
    code: 'perizinan',
    name: 'Perizinan dan Penanaman Modal',
    leaves: [
      leaf('izin_usaha', 'Perizinan Berusaha (NIB/OSS)', 'perizinan', 3),
      leaf('pbg', 'Persetujuan Bangunan Gedung', 'perizinan', 1),
    ],
  },
  {
    code: 'lingkungan_hidup',
    name: 'Lingkungan Hidup',
    leaves: [
      leaf('sampah', 'Sampah dan Kebersihan', 'lingkungan', 6),
      leaf('pencemaran', 'Pencemaran Lingkungan', 'lingkungan', 2),
    ],
  },
  {
    code: 'dana_desa',
    name: 'Dana Desa',
    leaves: [
      leaf('penggunaan_dana_desa', 'Penggunaan Dana Desa', 'desa', 4),
      leaf('blt_dana_desa', 'BLT Dana Desa', 'desa', 3),
    ],
  },
  {
    code: 'infrastruktur',
    name: 'Infrastruktur',
    leaves: [
      leaf('jalan_rusak', 'Jalan Rusak', 'pekerjaan_umum', 9),
      leaf('drainase_banjir', 'Drainase dan Banjir', 'pekerjaan_umum', 5),
      leaf('penerangan_jalan', 'Penerangan Jalan Umum', 'pekerjaan_umum', 3),
    ],
  },
  {
    code: 'ketenagakerjaan',
    name: 'Ketenagakerjaan',
    leaves: [
      leaf('upah_thr', 'Upah dan THR', 'ketenagakerjaan', 2),
      leaf('phk', 'Pemutusan Hubungan Kerja', 'ketenagakerjaan', 1),
      leaf('bpjs_ketenagakerjaan', 'Kepesertaan BPJS Ketenagakerjaan', 'ketenagakerjaan', 1),
    ],
  },
  {
    code: 'perlindungan_sosial',
    name: 'Perlindungan Sosial',
    leaves: [leaf('bansos', 'Bantuan Sosial (PKH/BPNT)', 'sosial', 5)],
  },
  {
    code: 'pelayanan_publik',
    name: 'Pelayanan Publik dan Integritas',
    leaves: [leaf('pungli', 'Pungutan Liar', 'pengawasan', 3)],
  },
];

export const categoryIdOf = (code: string): string => `cat-${code.replace(/_/g, '-')}`;

/** The tree as Category records, groups before their leaves. */
export function demoCategories(): Category[] {
  return demoCategoryTree.flatMap((group) => [
    {
      id: categoryIdOf(group.code),
      parentId: null,
      code: group.code,
      name: group.name,
      isActive: true,
    },
    ...group.leaves.map((item) => ({
      id: categoryIdOf(item.code),
      parentId: categoryIdOf(group.code),
      code: item.code,
      name: item.name,
      isActive: true,
    })),
  ]);
}
