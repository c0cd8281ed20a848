// The demo province as data: a fictional Provinsi Nusa Harapan (Kemendagri-style code 99, which no
// real province uses) with a city and three regencies, their OPDs and units, villages, and staff.
// Its geography is invented so that one regency lies in WITA and one in WIT: no real province
// spans time zones, but the demo must exercise all three.

import {
  DEFAULT_AGENCY_SETTINGS,
  DEFAULT_LETTER_NUMBER_PATTERN,
  type AgencySettings,
  type Letterhead,
} from '../../src-shared/domain/agency';
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

/** The province's emblem (a star over the sea on a shield), printed on every demo letterhead. */
const DEMO_EMBLEM =
  'data:image/png;base64,' +
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABgCAMAAADVRocKAAAAElBMVEX////UoBcOSoz///8YeDwUFBTGwdnKAAAABn' +
  'RSTlMA//////96eeD+AAABHUlEQVR42u2a7Q6CMAxFN/X9n9lE/CBk0HtvW5Ws/cdczknZgOCltaqqwOqBVQJdcAmo' +
  'EpSgBF4BNGVqATpnXsFysz+x4PW8KsGIuV/eDmg+fYpYvrAGFF5aZIov7SKGL25TGC9fBzBfvtBQ/t8K0k/R6QXp2/' +
  'SDTRVAD06HYHgQI9j+Zs1VBMaAVwANOW7X8GC94UwuCDLs80uACXoEv7fEFo74D8HNWb8VBBiO+d8R9KujuiFoEQL7' +
  'H/jEBrwt2PylBc8KW4LmFWA5SGIDDgPIzxeoBpgvGgi+ZKD4z7iI5uMC2sDyWQPP5wwK/x3boXiaDxtkPqbw4Ffppo' +
  'GX+ev8dJ/u4W8i2hHcibdT4OQsPjfvT/2ooD6xOFPdAVorMEGZ9jLAAAAAAElFTkSuQmCC';

function kop(
  head: Pick<Letterhead, 'address' | 'city' | 'phone' | 'email' | 'website' | 'code'> &
    Partial<Letterhead>,
): Letterhead {
  return { logo: null, numberPattern: DEFAULT_LETTER_NUMBER_PATTERN, signerTitle: '', ...head };
}

/**
 * The kop surat of the regional governments and their offices, by agency id. The emblem is set on
 * the governments only: their offices print it from there (src-shared/letter/letter-model.ts).
 */
export const demoLetterheads: Readonly<Record<string, Letterhead>> = {
  [DEMO_ROOT_ID]: kop({
    address: 'Jalan Gubernur Suryo No. 1, Kelurahan Cempaka, Sukamaju 43101',
    city: 'Sukamaju',
    phone: '(0266) 210001',
    email: 'diskominfo@nusaharapanprov.go.id',
    website: 'nusaharapanprov.go.id',
    code: 'PROV-NH',
    logo: DEMO_EMBLEM,
    signerTitle: 'Pejabat Penghubung Pemerintah Provinsi Nusa Harapan',
  }),
  'prov-disdik': kop({
    address: 'Jalan Pramuka No. 14, Kelurahan Sindangsari, Sukamaju 43102',
    city: 'Sukamaju',
    phone: '(0266) 210455',
    email: 'disdik@nusaharapanprov.go.id',
    website: 'disdik.nusaharapanprov.go.id',
    code: 'DISDIK-PROV',
  }),
  'prov-disnakertrans': kop({
    address: 'Jalan Industri No. 7, Kelurahan Margahayu, Sukamaju 43103',
    city: 'Sukamaju',
    phone: '(0266) 210732',
    email: 'disnakertrans@nusaharapanprov.go.id',
    website: 'disnakertrans.nusaharapanprov.go.id',
    code: 'DISNAKERTRANS',
  }),
  'kota-sukamaju': kop({
    address: 'Jalan Balai Kota No. 1, Kelurahan Cempaka, Sukamaju 43111',
    city: 'Sukamaju',
    phone: '(0266) 221001',
    email: 'humas@sukamajukota.go.id',
    website: 'sukamajukota.go.id',
    code: 'PEMKOT',
    logo: DEMO_EMBLEM,
    signerTitle: 'Pejabat Penghubung Pemerintah Kota Sukamaju',
  }),
  'sukamaju-dinkes': kop({
    address: 'Jalan Merdeka No. 12, Kelurahan Cempaka, Sukamaju 43113',
    city: 'Sukamaju',
    phone: '(0266) 221234',
    email: 'dinkes@sukamajukota.go.id',
    website: 'dinkes.sukamajukota.go.id',
    code: 'DINKES',
  }),
  'sukamaju-disdik': kop({
    address: 'Jalan Pendidikan No. 5, Kelurahan Margahayu, Sukamaju 43121',
    city: 'Sukamaju',
    phone: '(0266) 221350',
    email: 'disdik@sukamajukota.go.id',
    website: 'disdik.sukamajukota.go.id',
    code: 'DISDIK',
  }),
  'sukamaju-dishub': kop({
    address: 'Jalan Raya Terminal No. 2, Kelurahan Tamansari, Sukamaju 43131',
    city: 'Sukamaju',
    phone: '(0266) 222411',
    email: 'dishub@sukamajukota.go.id',
    website: 'dishub.sukamajukota.go.id',
    code: 'DISHUB',
  }),
  'sukamaju-disdukcapil': kop({
    address: 'Jalan Veteran No. 21, Kelurahan Sindangsari, Sukamaju 43112',
    city: 'Sukamaju',
    phone: '(0266) 221877',
    email: 'disdukcapil@sukamajukota.go.id',
    website: 'disdukcapil.sukamajukota.go.id',
    code: 'DISDUKCAPIL',
  }),
  'sukamaju-dpmptsp': kop({
    address: 'Mal Pelayanan Publik Lantai 2, Jalan Ahmad Yani No. 30, Sukamaju 43114',
    city: 'Sukamaju',
    phone: '(0266) 223300',
    email: 'dpmptsp@sukamajukota.go.id',
    website: 'dpmptsp.sukamajukota.go.id',
    code: 'DPMPTSP',
  }),
  'sukamaju-dlh': kop({
    address: 'Jalan Lingkar Selatan No. 88, Kelurahan Sukaraja, Sukamaju 43122',
    city: 'Sukamaju',
    phone: '(0266) 224105',
    email: 'dlh@sukamajukota.go.id',
    website: 'dlh.sukamajukota.go.id',
    code: 'DLH',
  }),
  'sukamaju-pupr': kop({
    address: 'Jalan Siliwangi No. 47, Kelurahan Babakan Asih, Sukamaju 43132',
    city: 'Sukamaju',
    phone: '(0266) 221560',
    email: 'dpupr@sukamajukota.go.id',
    website: 'dpupr.sukamajukota.go.id',
    code: 'DPUPR',
  }),
  'sukamaju-dinsos': kop({
    address: 'Jalan Kapten Tendean No. 9, Kelurahan Pasirjaya, Sukamaju 43115',
    city: 'Sukamaju',
    phone: '(0266) 222078',
    email: 'dinsos@sukamajukota.go.id',
    website: 'dinsos.sukamajukota.go.id',
    code: 'DINSOS',
  }),
  'sukamaju-inspektorat': kop({
    address: 'Jalan Pahlawan No. 3, Kelurahan Bojongsari, Sukamaju 43141',
    city: 'Sukamaju',
    phone: '(0266) 221019',
    email: 'inspektorat@sukamajukota.go.id',
    website: 'inspektorat.sukamajukota.go.id',
    code: 'ITKO',
  }),
  'kab-tanjung-harapan': kop({
    address: 'Jalan Jenderal Sudirman No. 45, Kelurahan Tanjung, Tanjung 39111',
    city: 'Tanjung',
    phone: '(0739) 21045',
    email: 'setda@tanjungharapankab.go.id',
    website: 'tanjungharapankab.go.id',
    code: 'PEMKAB-TH',
    logo: DEMO_EMBLEM,
    signerTitle: 'Pejabat Penghubung Pemerintah Kabupaten Tanjung Harapan',
  }),
  'tanjung-dinkes': kop({
    address: 'Jalan Kesehatan No. 2, Kelurahan Pelabuhan, Tanjung 39112',
    city: 'Tanjung',
    phone: '(0739) 21210',
    email: 'dinkes@tanjungharapankab.go.id',
    website: 'dinkes.tanjungharapankab.go.id',
    code: 'DINKES',
  }),
  'tanjung-disdukcapil': kop({
    address: 'Jalan Diponegoro No. 17, Kelurahan Tanjung, Tanjung 39111',
    city: 'Tanjung',
    phone: '(0739) 21322',
    email: 'disdukcapil@tanjungharapankab.go.id',
    website: 'disdukcapil.tanjungharapankab.go.id',
    code: 'DISDUKCAPIL',
  }),
  'tanjung-dpmd': kop({
    address: 'Jalan Lintas Tanjung Km 3, Desa Sungai Rengas, Tanjung 39115',
    city: 'Tanjung',
    phone: '(0739) 21487',
    email: 'dpmd@tanjungharapankab.go.id',
    website: 'dpmd.tanjungharapankab.go.id',
    code: 'DPMD',
  }),
  'tanjung-pupr': kop({
    address: 'Jalan Gatot Subroto No. 60, Kelurahan Pelabuhan, Tanjung 39112',
    city: 'Tanjung',
    phone: '(0739) 21530',
    email: 'dpupr@tanjungharapankab.go.id',
    website: 'dpupr.tanjungharapankab.go.id',
    code: 'DPUPR',
  }),
  'kab-kepulauan-lontar': kop({
    address: 'Jalan El Tari No. 3, Kelurahan Watu Lontar, Watu Lontar 85311',
    city: 'Watu Lontar',
    phone: '(0383) 21003',
    email: 'setda@kepulauanlontarkab.go.id',
    website: 'kepulauanlontarkab.go.id',
    code: 'PEMKAB-KL',
    logo: DEMO_EMBLEM,
    signerTitle: 'Pejabat Penghubung Pemerintah Kabupaten Kepulauan Lontar',
  }),
  'lontar-dinkes': kop({
    address: 'Jalan Soekarno No. 11, Kelurahan Watu Lontar, Watu Lontar 85311',
    city: 'Watu Lontar',
    phone: '(0383) 21150',
    email: 'dinkes@kepulauanlontarkab.go.id',
    website: 'dinkes.kepulauanlontarkab.go.id',
    code: 'DINKES',
  }),
  'lontar-dpmd': kop({
    address: 'Jalan Frans Seda No. 6, Desa Tanjung Bunga, Watu Lontar 85312',
    city: 'Watu Lontar',
    phone: '(0383) 21276',
    email: 'dpmd@kepulauanlontarkab.go.id',
    website: 'dpmd.kepulauanlontarkab.go.id',
    code: 'DPMD',
  }),
  'kab-teluk-kasuari': kop({
    address: 'Jalan Trikora No. 1, Kelurahan Kasuari, Kasuari 98311',
    city: 'Kasuari',
    phone: '(0986) 21001',
    email: 'setda@telukkasuarikab.go.id',
    website: 'telukkasuarikab.go.id',
    code: 'PEMKAB-TK',
    logo: DEMO_EMBLEM,
    signerTitle: 'Pejabat Penghubung Pemerintah Kabupaten Teluk Kasuari',
  }),
  'kasuari-dinkes': kop({
    address: 'Jalan Sam Ratulangi No. 8, Kelurahan Kasuari, Kasuari 98311',
    city: 'Kasuari',
    phone: '(0986) 21114',
    email: 'dinkes@telukkasuarikab.go.id',
    website: 'dinkes.telukkasuarikab.go.id',
    code: 'DINKES',
  }),
  'kasuari-dpmk': kop({
    address: 'Jalan Yos Sudarso No. 22, Kampung Harapan Jaya, Kasuari 98312',
    city: 'Kasuari',
    phone: '(0986) 21239',
    email: 'dpmk@telukkasuarikab.go.id',
    website: 'dpmk.telukkasuarikab.go.id',
    code: 'DPMK',
  }),
};

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
  const settingsWith = (overrides?: Partial<AgencySettings>, agencyId?: string): AgencySettings => {
    const letterhead = agencyId === undefined ? undefined : demoLetterheads[agencyId];
    return {
      ...DEFAULT_AGENCY_SETTINGS,
      ...overrides,
      ...(letterhead === undefined ? {} : { letterhead }),
    };
  };
  for (const region of demoRegions) {
    agencies.push({
      id: region.id,
      parentId: region.level === 'province' ? null : DEMO_ROOT_ID,
      name: region.name,
      level: region.level,
      timeZone: region.timeZone,
      settings: settingsWith(undefined, region.id),
    });
    for (const office of region.opds) {
      agencies.push({
        id: office.id,
        parentId: region.id,
        name: office.name,
        level: 'opd',
        timeZone: region.timeZone,
        settings: settingsWith(office.settings, office.id),
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
