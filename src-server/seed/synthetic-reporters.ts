// Synthetic reporters: Indonesian names (with regional surnames for the eastern regencies), a
// 16-digit NIK laid out like a real one (region code, birth date with +40 for women, serial),
// mobile numbers and sometimes an e-mail address. No real person's data.

import type { Reporter } from '../../src-shared/domain/report';
import type { TimeZone } from '../../src-shared/domain/time-zone';
import type { Prng } from './prng';

/** Space-separated words as a list: keeps the name pools compact. */
const words = (text: string): readonly string[] => text.split(' ');

const maleNames = words(
  'Agus Budi Dedi Eko Fajar Hendra Irfan Joko Rudi Slamet Teguh Wahyu Yusuf Andi Bayu ' +
    'Dimas Rizky Ahmad Muhammad Hasan Arif Taufik Gilang Ilham Asep Ujang Dadang Ridwan ' +
    'Hadi Sugeng',
);
const femaleNames = words(
  'Siti Sri Dewi Ayu Rina Nur Wulan Lestari Fitri Indah Yuni Ratna Putri Nabila Aisyah ' +
    'Rahmawati Intan Mega Eka Dian Nining Euis Tuti Wati Kartini Maya Anisa Fatimah ' +
    'Larasati Novi',
);
const westernSurnames = words(
  'Setiawan Saputra Hidayat Kurniawan Pratama Wibowo Santoso Nugroho Susanto Gunawan ' +
    'Hermawan Rahmat Permana Suryadi Firmansyah Maulana Sitompul Simanjuntak Nasution ' +
    'Harahap Siregar Lubis Syahputra Sembiring Wijaya Kusuma Rahayu Handayani Purnamasari ' +
    'Anggraini',
);
const nusaTenggaraSurnames = words('Seran Bria Manek Kewa Ola Lamanepa Tefa Nahak Bere Sogen');
const nusaTenggaraGiven = words(
  'Yohanes Maria Fransiskus Yosefina Petrus Agustina Stefanus Theresia',
);
const papuanSurnames = words(
  'Wanggai Rumbiak Kafiar Mandowen Rumaropen Ayomi Yoku Sawaki Msen Korwa',
);
const papuanGiven = words('Yakobus Naomi Markus Yuliana Otto Debora Yermias Ester');

const mobilePrefixes = words('0811 0812 0813 0821 0822 0852 0853 0857 0877 0878 0881 0895 0896');
const mailDomains = words('gmail.com gmail.com gmail.com yahoo.co.id yahoo.com outlook.com');

const digits = (prng: Prng, count: number): string => {
  let text = '';
  for (let i = 0; i < count; i++) text += String(prng.int(0, 9));
  return text;
};
const pad2 = (n: number): string => String(n).padStart(2, '0');

export interface ReporterOptions {
  /** The reporter's kecamatan code, `99.71.01`: the first six NIK digits. */
  readonly districtCode: string;
  readonly timeZone: TimeZone;
}

/** A reporter with a plausible identity for the region they live in. */
export function syntheticReporter(prng: Prng, options: ReporterOptions): Reporter {
  const isFemale = prng.chance(0.48);
  let given: string;
  let surname: string;
  const local = prng.chance(0.7);
  if (options.timeZone === 'WIT' && local) {
    given = prng.pick(papuanGiven);
    surname = prng.pick(papuanSurnames);
  } else if (options.timeZone === 'WITA' && local) {
    given = prng.pick(nusaTenggaraGiven);
    surname = prng.pick(nusaTenggaraSurnames);
  } else {
    given = prng.pick(isFemale ? femaleNames : maleNames);
    surname = prng.pick(westernSurnames);
  }
  // Many Javanese and Sundanese people carry a single name.
  const name = options.timeZone === 'WIB' && prng.chance(0.15) ? given : `${given} ${surname}`;

  const day = prng.int(1, 28) + (isFemale ? 40 : 0);
  const birth = `${pad2(day)}${pad2(prng.int(1, 12))}${pad2(prng.int(55, 106) % 100)}`;
  const nik =
    `${options.districtCode.replace(/\./g, '')}${birth}${pad2(0)}${digits(prng, 2)}`.slice(0, 16);

  const phone = prng.chance(0.1)
    ? `+62${prng.pick(mobilePrefixes).slice(1)}${digits(prng, 8)}`
    : `${prng.pick(mobilePrefixes)}${digits(prng, prng.int(7, 8))}`;

  const reporter: Reporter = { name, nik, phone };
  if (prng.chance(0.3)) {
    const local = `${given}.${surname}`.toLowerCase().replace(/[^a-z.]/g, '');
    return { ...reporter, email: `${local}${String(prng.int(1, 99))}@${prng.pick(mailDomains)}` };
  }
  return reporter;
}
