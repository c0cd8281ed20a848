// The demo province as data: a fictional Provinsi Nusa Harapan (Kemendagri-style code 99, which no
// real province uses) with a city and three regencies, their OPDs and units, villages, and staff.
// Its geography is invented so that one regency lies in WITA and one in WIT: no real province
// spans time zones, but the demo must exercise all three.

import { DEFAULT_AGENCY_SETTINGS, type AgencySettings } from '../../src-shared/domain/agency';
import type { TimeZone } from '../../src-shared/domain/time-zone';
import type { UserRole } from '../../src-shared/domain/user';
import type { NewAgency } from '../directory/agencies';
import type { NewUser } from '../directory/users';

/** The published password of every demo user (README; the CLI refuses it on exposed hosts). */
export const DEMO_PASSWORD = 'posko-demo';
export const DEMO_ROOT_ID = 'prov-nusa-harapan';

/** What an OPD is responsible for; categories name the service that handles them. */
export const serviceKinds = [
  'kesehatan',
  'pendidikan',
  'perhubungan',
  'adminduk',
  'perizinan',
  'lingkungan',
  'desa',
  'pekerjaan_umum',
  'sosial',
  'ketenagakerjaan',
  /** Inspektorat: extortion (pungli) and staff misconduct. */
  'pengawasan',
] as const;
export type ServiceKind = (typeof serviceKinds)[number];

export interface DemoStaff {
  /** Also the user id, prefixed with `user-`. */
  readonly username: string;
  readonly displayName: string;
}

export interface DemoUnit {
  readonly id: string;
  readonly name: string;
}

export interface DemoOpd {
  readonly id: string;
  readonly name: string;
  readonly services: readonly ServiceKind[];
  readonly units: readonly DemoUnit[];
  /** The Operator Unit who drafts this OPD's answers. */
  readonly operator: DemoStaff;
  readonly settings?: Partial<AgencySettings>;
}

export type VillageKind = 'kelurahan' | 'desa' | 'kampung';

export interface DemoVillage {
  readonly name: string;
  /** Full Kemendagri-style code, e.g. `99.71.01.1001` (1xxx kelurahan, 2xxx desa/kampung). */
  readonly code: string;
  readonly kind: VillageKind;
}

export interface DemoDistrict {
  /** `Kecamatan …`, or `Distrik …` in the Papuan regency. */
  readonly name: string;
  readonly code: string;
  readonly villages: readonly DemoVillage[];
}

export interface DemoRegion {
  readonly id: string;
  readonly name: string;
  /** The name citizens use: `Kota Sukamaju`, `Kabupaten Tanjung Harapan`. */
  readonly shortName: string;
  readonly level: 'province' | 'regency_city';
  readonly timeZone: TimeZone;
  readonly regionCode: string;
  /** Verifies and disposes reports that arrive here (Admin Koordinator at the province). */
  readonly admin: DemoStaff & { readonly role: 'admin_koordinator' | 'admin_instansi' };
  /** Approves and publishes the answers of this region's OPDs. */
  readonly liaison: DemoStaff;
  readonly opds: readonly DemoOpd[];
  /** Where complaints happen; the province's reports happen anywhere in its regencies. */
  readonly districts: readonly DemoDistrict[];
  /** Relative share of incoming complaints. */
  readonly weight: number;
}

const staff = (username: string, displayName: string): DemoStaff => ({ username, displayName });

function district(
  name: string,
  code: string,
  villages: readonly (readonly [string, VillageKind])[],
): DemoDistrict {
  let kelurahan = 1000;
  let desa = 2000;
  return {
    name,
    code,
    villages: villages.map(([villageName, kind]) => ({
      name: villageName,
      kind,
      code: `${code}.${String(kind === 'kelurahan' ? ++kelurahan : ++desa)}`,
    })),
  };
}

const sukamajuDistricts: readonly DemoDistrict[] = [
  district('Kecamatan Sukamaju Utara', '99.71.01', [
    ['Cempaka', 'kelurahan'],
    ['Sindangsari', 'kelurahan'],
    ['Pasirjaya', 'kelurahan'],
  ]),
  district('Kecamatan Sukamaju Selatan', '99.71.02', [
    ['Margahayu', 'kelurahan'],
    ['Sukaraja', 'kelurahan'],
    ['Cibeureum Hilir', 'kelurahan'],
  ]),
  district('Kecamatan Tamansari', '99.71.03', [
    ['Tamansari', 'kelurahan'],
    ['Babakan Asih', 'kelurahan'],
    ['Kebonwaru', 'kelurahan'],
  ]),
  district('Kecamatan Bojongsari', '99.71.04', [
    ['Bojongsari', 'kelurahan'],
    ['Sukamulya', 'kelurahan'],
  ]),
];

const tanjungDistricts: readonly DemoDistrict[] = [
  district('Kecamatan Tanjung Kota', '99.01.01', [
    ['Tanjung', 'kelurahan'],
    ['Pelabuhan', 'kelurahan'],
    ['Sungai Rengas', 'desa'],
  ]),
  district('Kecamatan Sukadamai', '99.01.02', [
    ['Sukadamai', 'desa'],
    ['Mekarsari', 'desa'],
    ['Karanganyar', 'desa'],
  ]),
  district('Kecamatan Bukit Raya', '99.01.03', [
    ['Bukit Raya', 'desa'],
    ['Sumberrejo', 'desa'],
    ['Talang Padang', 'desa'],
  ]),
];

const lontarDistricts: readonly DemoDistrict[] = [
  district('Kecamatan Lontar Barat', '99.02.01', [
    ['Watu Lontar', 'kelurahan'],
    ['Tanjung Bunga', 'desa'],
    ['Oesapa Timur', 'desa'],
  ]),
  district('Kecamatan Pulau Kenari', '99.02.02', [
    ['Kenari', 'desa'],
    ['Batu Putih', 'desa'],
  ]),
];

const kasuariDistricts: readonly DemoDistrict[] = [
  district('Distrik Kasuari', '99.03.01', [
    ['Kasuari', 'kelurahan'],
    ['Harapan Jaya', 'kampung'],
    ['Sentosa', 'kampung'],
  ]),
  district('Distrik Teluk Timur', '99.03.02', [
    ['Pantai Indah', 'kampung'],
    ['Bukit Cenderawasih', 'kampung'],
  ]),
];

function opd(
  id: string,
  name: string,
  services: readonly ServiceKind[],
  units: readonly string[],
  operator: DemoStaff,
  settings?: Partial<AgencySettings>,
): DemoOpd {
  return {
    id,
    name,
    services,
    units: units.map((unitName, i) => ({ id: `${id}-u${String(i + 1)}`, name: unitName })),
    operator,
    ...(settings === undefined ? {} : { settings }),
  };
}

/** The province first, then its regencies and city; each with its OPDs and their units. */
export const demoRegions: readonly DemoRegion[] = [
  {
    id: DEMO_ROOT_ID,
    // The province's Admin Koordinator desk is run by its Diskominfo (see the koordinator user).
    name: 'Pemerintah Provinsi Nusa Harapan',
    shortName: 'Provinsi Nusa Harapan',
    level: 'province',
    timeZone: 'WIB',
    regionCode: '99',
    admin: {
      ...staff('koordinator', 'Rina Marlina, S.Kom. (Diskominfo Provinsi)'),
      role: 'admin_koordinator',
    },
    liaison: staff('penghubung.provinsi', 'Drs. Haryanto Wibisono, M.AP.'),
    opds: [
      opd(
        'prov-disdik',
        'Dinas Pendidikan Provinsi Nusa Harapan',
        ['pendidikan'],
        ['Bidang Pembinaan SMA', 'Bidang Pembinaan SMK'],
        staff('operator.prov-disdik', 'Lestari Handayani, S.Pd.'),
      ),
      opd(
        'prov-disnakertrans',
        'Dinas Tenaga Kerja dan Transmigrasi Provinsi Nusa Harapan',
        ['ketenagakerjaan'],
        ['Bidang Pengawasan Ketenagakerjaan', 'Bidang Hubungan Industrial dan Jaminan Sosial'],
        staff('operator.prov-disnakertrans', 'Fajar Nugroho, S.H.'),
      ),
    ],
    districts: [...sukamajuDistricts, ...tanjungDistricts, ...lontarDistricts, ...kasuariDistricts],
    weight: 12,
  },
  {
    id: 'kota-sukamaju',
    name: 'Pemerintah Kota Sukamaju',
    shortName: 'Kota Sukamaju',
    level: 'regency_city',
    timeZone: 'WIB',
    regionCode: '99.71',
    admin: { ...staff('admin', 'Agus Setiawan, S.Sos.'), role: 'admin_instansi' },
    liaison: staff('penghubung', 'Drs. Bambang Hermawan, M.Si.'),
    opds: [
      opd(
        'sukamaju-dinkes',
        'Dinas Kesehatan Kota Sukamaju',
        ['kesehatan'],
        ['Bidang Pelayanan Kesehatan', 'UPTD Puskesmas Sukamaju Utara'],
        staff('operator', 'Siti Rahmawati, A.Md.Kes.'),
      ),
      opd(
        'sukamaju-disdik',
        'Dinas Pendidikan Kota Sukamaju',
        ['pendidikan'],
        ['Bidang Pembinaan Sekolah Dasar', 'Bidang Pendidik dan Tenaga Kependidikan'],
        staff('operator.sukamaju-disdik', 'Nur Aini Rahayu, S.Pd.'),
      ),
      opd(
        'sukamaju-dishub',
        'Dinas Perhubungan Kota Sukamaju',
        ['perhubungan'],
        ['Bidang Lalu Lintas', 'UPT Perparkiran'],
        staff('operator.sukamaju-dishub', 'Rudi Hartono'),
      ),
      opd(
        'sukamaju-disdukcapil',
        'Dinas Kependudukan dan Pencatatan Sipil Kota Sukamaju',
        ['adminduk'],
        ['Bidang Pelayanan Pendaftaran Penduduk', 'Bidang Pelayanan Pencatatan Sipil'],
        staff('operator.sukamaju-disdukcapil', 'Yuliana Purba, S.Kom.'),
      ),
      opd(
        'sukamaju-dpmptsp',
        'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu Kota Sukamaju',
        ['perizinan'],
        ['Bidang Pelayanan Perizinan', 'Bidang Pengaduan dan Informasi Layanan'],
        staff('operator.sukamaju-dpmptsp', 'Hendra Saputra, S.E.'),
      ),
      opd(
        'sukamaju-dlh',
        'Dinas Lingkungan Hidup Kota Sukamaju',
        ['lingkungan'],
        ['Bidang Pengelolaan Sampah', 'Bidang Pengendalian Pencemaran'],
        staff('operator.sukamaju-dlh', 'Wulan Sari Dewi, S.T.'),
      ),
      opd(
        'sukamaju-pupr',
        'Dinas Pekerjaan Umum dan Penataan Ruang Kota Sukamaju',
        ['pekerjaan_umum'],
        ['Bidang Bina Marga', 'Bidang Sumber Daya Air'],
        staff('operator.sukamaju-pupr', 'Dedi Kurniawan, S.T.'),
        // Physical repairs need budgeting and procurement: this office resolves in 21 working days.
        { resolutionDays: 21 },
      ),
      opd(
        'sukamaju-dinsos',
        'Dinas Sosial Kota Sukamaju',
        ['sosial'],
        ['Bidang Perlindungan dan Jaminan Sosial'],
        staff('operator.sukamaju-dinsos', 'Maria Magdalena Sitompul, S.Sos.'),
      ),
      opd(
        'sukamaju-inspektorat',
        'Inspektorat Kota Sukamaju',
        ['pengawasan'],
        ['Inspektur Pembantu Wilayah I'],
        staff('operator.sukamaju-inspektorat', 'Andi Firmansyah, S.E., Ak.'),
      ),
    ],
    districts: sukamajuDistricts,
    weight: 42,
  },
  {
    id: 'kab-tanjung-harapan',
    name: 'Pemerintah Kabupaten Tanjung Harapan',
    shortName: 'Kabupaten Tanjung Harapan',
    level: 'regency_city',
    timeZone: 'WIB',
    regionCode: '99.01',
    admin: { ...staff('admin.tanjung-harapan', 'Rahmat Hidayat, S.IP.'), role: 'admin_instansi' },
    liaison: staff('penghubung.tanjung-harapan', 'Hj. Sri Wahyuni, S.H., M.H.'),
    opds: [
      opd(
        'tanjung-dinkes',
        'Dinas Kesehatan Kabupaten Tanjung Harapan',
        ['kesehatan'],
        ['Bidang Pelayanan Kesehatan'],
        staff('operator.tanjung-dinkes', 'Ayu Lestari, S.KM.'),
      ),
      opd(
        'tanjung-disdukcapil',
        'Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tanjung Harapan',
        ['adminduk'],
        ['Bidang Pelayanan Pendaftaran Penduduk'],
        staff('operator.tanjung-disdukcapil', 'Irfan Maulana'),
      ),
      opd(
        'tanjung-dpmd',
        'Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Tanjung Harapan',
        ['desa', 'sosial'],
        ['Bidang Pemerintahan Desa', 'Bidang Keuangan dan Aset Desa'],
        staff('operator.tanjung-dpmd', 'Supriyadi, S.Sos.'),
      ),
      opd(
        'tanjung-pupr',
        'Dinas Pekerjaan Umum dan Penataan Ruang Kabupaten Tanjung Harapan',
        ['pekerjaan_umum'],
        ['Bidang Bina Marga'],
        staff('operator.tanjung-pupr', 'Eko Prasetyo, S.T.'),
      ),
    ],
    districts: tanjungDistricts,
    weight: 26,
  },
  {
    id: 'kab-kepulauan-lontar',
    name: 'Pemerintah Kabupaten Kepulauan Lontar',
    shortName: 'Kabupaten Kepulauan Lontar',
    level: 'regency_city',
    timeZone: 'WITA',
    regionCode: '99.02',
    admin: {
      ...staff('admin.kepulauan-lontar', 'Yohanes Bria Seran, S.Kom.'),
      role: 'admin_instansi',
    },
    liaison: staff('penghubung.kepulauan-lontar', 'Maria Goreti Lamanepa, S.Sos.'),
    opds: [
      opd(
        'lontar-dinkes',
        'Dinas Kesehatan Kabupaten Kepulauan Lontar',
        ['kesehatan'],
        ['UPTD Puskesmas Lontar Barat'],
        staff('operator.lontar-dinkes', 'Fransiska Ina Kewa, A.Md.Keb.'),
      ),
      opd(
        'lontar-dpmd',
        'Dinas Pemberdayaan Masyarakat dan Desa Kabupaten Kepulauan Lontar',
        ['desa', 'sosial'],
        ['Bidang Pemerintahan Desa'],
        staff('operator.lontar-dpmd', 'Petrus Kanisius Ola'),
      ),
    ],
    districts: lontarDistricts,
    weight: 11,
  },
  {
    id: 'kab-teluk-kasuari',
    name: 'Pemerintah Kabupaten Teluk Kasuari',
    shortName: 'Kabupaten Teluk Kasuari',
    level: 'regency_city',
    timeZone: 'WIT',
    regionCode: '99.03',
    admin: { ...staff('admin.teluk-kasuari', 'Yakobus Wanggai, S.IP.'), role: 'admin_instansi' },
    liaison: staff('penghubung.teluk-kasuari', 'Naomi Rumbiak, S.E.'),
    opds: [
      opd(
        'kasuari-dinkes',
        'Dinas Kesehatan Kabupaten Teluk Kasuari',
        ['kesehatan'],
        ['Bidang Pelayanan Kesehatan'],
        staff('operator.kasuari-dinkes', 'Yuliana Kafiar, S.Kep.'),
      ),
      opd(
        'kasuari-dpmk',
        'Dinas Pemberdayaan Masyarakat Kampung Kabupaten Teluk Kasuari',
        ['desa', 'sosial'],
        ['Bidang Pemerintahan Kampung'],
        staff('operator.kasuari-dpmk', 'Markus Ansaka Mandowen'),
      ),
    ],
    districts: kasuariDistricts,
    weight: 9,
  },
];

/** The named demo users beyond the region staff: one per role that is not staffed above. */
const extraUsers: readonly (DemoStaff & { role: UserRole; agencyId: string })[] = [
  { ...staff('pimpinan', 'Ir. Hendra Gunawan, M.T.'), role: 'pimpinan', agencyId: 'kota-sukamaju' },
  {
    ...staff('pelatih', 'Dewi Kartika Sari, S.Sos., M.Si.'),
    role: 'pelatih',
    agencyId: DEMO_ROOT_ID,
  },
  { ...staff('peserta', 'Yusuf Maulana'), role: 'peserta', agencyId: 'kota-sukamaju' },
];

export const userIdOf = (username: string): string => `user-${username}`;

export function demoAgencies(): NewAgency[] {
  const agencies: NewAgency[] = [];
  const settingsWith = (overrides?: Partial<AgencySettings>): AgencySettings => ({
    ...DEFAULT_AGENCY_SETTINGS,
    ...overrides,
  });
  for (const region of demoRegions) {
    agencies.push({
      id: region.id,
      parentId: region.level === 'province' ? null : DEMO_ROOT_ID,
      name: region.name,
      level: region.level,
      timeZone: region.timeZone,
      settings: settingsWith(),
    });
    for (const office of region.opds) {
      agencies.push({
        id: office.id,
        parentId: region.id,
        name: office.name,
        level: 'opd',
        timeZone: region.timeZone,
        settings: settingsWith(office.settings),
      });
      for (const unit of office.units) {
        agencies.push({
          id: unit.id,
          parentId: office.id,
          name: unit.name,
          level: 'unit',
          timeZone: region.timeZone,
          settings: settingsWith(office.settings),
        });
      }
    }
  }
  return agencies;
}

/** Every demo user, the named ones (README) and the staff who appear in generated histories. */
export function demoUsers(): NewUser[] {
  const users: NewUser[] = [];
  const add = (person: DemoStaff, role: UserRole, agencyId: string) => {
    users.push({
      id: userIdOf(person.username),
      username: person.username,
      displayName: person.displayName,
      role,
      agencyId,
      password: DEMO_PASSWORD,
    });
  };
  for (const region of demoRegions) {
    add(region.admin, region.admin.role, region.id);
    add(region.liaison, 'pejabat_penghubung', region.id);
    for (const office of region.opds) add(office.operator, 'operator_unit', office.id);
  }
  for (const person of extraUsers) add(person, person.role, person.agencyId);
  return users;
}
