// Indonesia's libur nasional and cuti bersama for 2024–2027 as data for createSlaCalendar, from
// the yearly SKB 3 Menteri, their amendments, and Keppres declaring election days holidays.

import type { Holiday } from './holiday';

const libur = (date: string, name: string): Holiday => ({ date, name, kind: 'libur_nasional' });
const cuti = (date: string, name: string): Holiday => ({ date, name, kind: 'cuti_bersama' });

/**
 * 2024: SKB No. 855/2023, 3/2023, 4/2023; election days by Keppres (Pemilu 14 February,
 * Pilkada 27 November: Keppres No. 33/2024).
 */
const holidays2024: readonly Holiday[] = [
  libur('2024-01-01', 'Tahun Baru 2024 Masehi'),
  libur('2024-02-08', 'Isra Mikraj Nabi Muhammad SAW'),
  cuti('2024-02-09', 'Cuti Bersama Tahun Baru Imlek 2575 Kongzili'),
  libur('2024-02-10', 'Tahun Baru Imlek 2575 Kongzili'),
  libur('2024-02-14', 'Hari Pemungutan Suara Pemilihan Umum 2024'),
  libur('2024-03-11', 'Hari Suci Nyepi Tahun Baru Saka 1946'),
  cuti('2024-03-12', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1946'),
  libur('2024-03-29', 'Wafat Isa Al Masih'),
  libur('2024-03-31', 'Hari Paskah'),
  cuti('2024-04-08', 'Cuti Bersama Idul Fitri 1445 Hijriah'),
  cuti('2024-04-09', 'Cuti Bersama Idul Fitri 1445 Hijriah'),
  libur('2024-04-10', 'Hari Raya Idul Fitri 1445 Hijriah'),
  libur('2024-04-11', 'Hari Raya Idul Fitri 1445 Hijriah'),
  cuti('2024-04-12', 'Cuti Bersama Idul Fitri 1445 Hijriah'),
  cuti('2024-04-15', 'Cuti Bersama Idul Fitri 1445 Hijriah'),
  libur('2024-05-01', 'Hari Buruh Internasional'),
  libur('2024-05-09', 'Kenaikan Isa Al Masih'),
  cuti('2024-05-10', 'Cuti Bersama Kenaikan Isa Al Masih'),
  libur('2024-05-23', 'Hari Raya Waisak 2568 BE'),
  cuti('2024-05-24', 'Cuti Bersama Hari Raya Waisak 2568 BE'),
  libur('2024-06-01', 'Hari Lahir Pancasila'),
  libur('2024-06-17', 'Hari Raya Idul Adha 1445 Hijriah'),
  cuti('2024-06-18', 'Cuti Bersama Idul Adha 1445 Hijriah'),
  libur('2024-07-07', 'Tahun Baru Islam 1446 Hijriah'),
  libur('2024-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia'),
  libur('2024-09-16', 'Maulid Nabi Muhammad SAW'),
  libur('2024-11-27', 'Hari Pemungutan Suara Pemilihan Kepala Daerah Serentak 2024'),
  libur('2024-12-25', 'Hari Raya Natal'),
  cuti('2024-12-26', 'Cuti Bersama Hari Raya Natal'),
];

/** 2025: SKB No. 1017/2024, 2/2024, 2/2024, amended by SKB No. 933/2025, 1/2025, 3/2025 (18 August). */
const holidays2025: readonly Holiday[] = [
  libur('2025-01-01', 'Tahun Baru 2025 Masehi'),
  libur('2025-01-27', 'Isra Mikraj Nabi Muhammad SAW'),
  cuti('2025-01-28', 'Cuti Bersama Tahun Baru Imlek 2576 Kongzili'),
  libur('2025-01-29', 'Tahun Baru Imlek 2576 Kongzili'),
  cuti('2025-03-28', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1947'),
  libur('2025-03-29', 'Hari Suci Nyepi Tahun Baru Saka 1947'),
  libur('2025-03-31', 'Hari Raya Idul Fitri 1446 Hijriah'),
  libur('2025-04-01', 'Hari Raya Idul Fitri 1446 Hijriah'),
  cuti('2025-04-02', 'Cuti Bersama Idul Fitri 1446 Hijriah'),
  cuti('2025-04-03', 'Cuti Bersama Idul Fitri 1446 Hijriah'),
  cuti('2025-04-04', 'Cuti Bersama Idul Fitri 1446 Hijriah'),
  cuti('2025-04-07', 'Cuti Bersama Idul Fitri 1446 Hijriah'),
  libur('2025-04-18', 'Wafat Yesus Kristus'),
  libur('2025-04-20', 'Kebangkitan Yesus Kristus (Paskah)'),
  libur('2025-05-01', 'Hari Buruh Internasional'),
  libur('2025-05-12', 'Hari Raya Waisak 2569 BE'),
  cuti('2025-05-13', 'Cuti Bersama Hari Raya Waisak 2569 BE'),
  libur('2025-05-29', 'Kenaikan Yesus Kristus'),
  cuti('2025-05-30', 'Cuti Bersama Kenaikan Yesus Kristus'),
  libur('2025-06-01', 'Hari Lahir Pancasila'),
  libur('2025-06-06', 'Hari Raya Idul Adha 1446 Hijriah'),
  cuti('2025-06-09', 'Cuti Bersama Idul Adha 1446 Hijriah'),
  libur('2025-06-27', '1 Muharam Tahun Baru Islam 1447 Hijriah'),
  libur('2025-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia'),
  cuti('2025-08-18', 'Cuti Bersama Hari Ulang Tahun ke-80 Republik Indonesia'),
  libur('2025-09-05', 'Maulid Nabi Muhammad SAW'),
  libur('2025-12-25', 'Kelahiran Yesus Kristus'),
  cuti('2025-12-26', 'Cuti Bersama Kelahiran Yesus Kristus'),
];

/** 2026: SKB No. 1497/2025, 2/2025, 5/2025 (17 libur nasional, 8 cuti bersama). */
const holidays2026: readonly Holiday[] = [
  libur('2026-01-01', 'Tahun Baru 2026 Masehi'),
  libur('2026-01-16', 'Isra Mikraj Nabi Muhammad SAW'),
  cuti('2026-02-16', 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili'),
  libur('2026-02-17', 'Tahun Baru Imlek 2577 Kongzili'),
  cuti('2026-03-18', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1948'),
  libur('2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948'),
  cuti('2026-03-20', 'Cuti Bersama Idul Fitri 1447 Hijriah'),
  libur('2026-03-21', 'Hari Raya Idul Fitri 1447 Hijriah'),
  libur('2026-03-22', 'Hari Raya Idul Fitri 1447 Hijriah'),
  cuti('2026-03-23', 'Cuti Bersama Idul Fitri 1447 Hijriah'),
  cuti('2026-03-24', 'Cuti Bersama Idul Fitri 1447 Hijriah'),
  libur('2026-04-03', 'Wafat Yesus Kristus'),
  libur('2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)'),
  libur('2026-05-01', 'Hari Buruh Internasional'),
  libur('2026-05-14', 'Kenaikan Yesus Kristus'),
  cuti('2026-05-15', 'Cuti Bersama Kenaikan Yesus Kristus'),
  libur('2026-05-27', 'Hari Raya Idul Adha 1447 Hijriah'),
  cuti('2026-05-28', 'Cuti Bersama Idul Adha 1447 Hijriah'),
  libur('2026-05-31', 'Hari Raya Waisak 2570 BE'),
  libur('2026-06-01', 'Hari Lahir Pancasila'),
  libur('2026-06-16', '1 Muharam Tahun Baru Islam 1448 Hijriah'),
  libur('2026-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia'),
  libur('2026-08-25', 'Maulid Nabi Muhammad SAW'),
  cuti('2026-12-24', 'Cuti Bersama Kelahiran Yesus Kristus'),
  libur('2026-12-25', 'Kelahiran Yesus Kristus'),
];

/**
 * 2027 is PROVISIONAL: no SKB had been published when this list was written. Fixed-date holidays
 * and the Easter-based ones are certain; the Islamic, Chinese, Balinese and Buddhist dates are
 * estimates (±1 day), and the cuti bersama follow the pattern of earlier years. Replace the whole
 * year with the SKB's list once it is signed.
 */
const holidays2027: readonly Holiday[] = [
  libur('2027-01-01', 'Tahun Baru 2027 Masehi'),
  libur('2027-01-05', 'Isra Mikraj Nabi Muhammad SAW'),
  cuti('2027-02-05', 'Cuti Bersama Tahun Baru Imlek 2578 Kongzili'),
  libur('2027-02-06', 'Tahun Baru Imlek 2578 Kongzili'),
  cuti('2027-03-08', 'Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1949'),
  libur('2027-03-09', 'Hari Suci Nyepi Tahun Baru Saka 1949'),
  libur('2027-03-10', 'Hari Raya Idul Fitri 1448 Hijriah'),
  libur('2027-03-11', 'Hari Raya Idul Fitri 1448 Hijriah'),
  cuti('2027-03-12', 'Cuti Bersama Idul Fitri 1448 Hijriah'),
  cuti('2027-03-15', 'Cuti Bersama Idul Fitri 1448 Hijriah'),
  libur('2027-03-26', 'Wafat Yesus Kristus'),
  libur('2027-03-28', 'Kebangkitan Yesus Kristus (Paskah)'),
  libur('2027-05-01', 'Hari Buruh Internasional'),
  libur('2027-05-06', 'Kenaikan Yesus Kristus'),
  cuti('2027-05-07', 'Cuti Bersama Kenaikan Yesus Kristus'),
  libur('2027-05-16', 'Hari Raya Idul Adha 1448 Hijriah'),
  libur('2027-05-20', 'Hari Raya Waisak 2571 BE'),
  cuti('2027-05-21', 'Cuti Bersama Hari Raya Waisak 2571 BE'),
  libur('2027-06-01', 'Hari Lahir Pancasila'),
  libur('2027-06-06', '1 Muharam Tahun Baru Islam 1449 Hijriah'),
  libur('2027-08-15', 'Maulid Nabi Muhammad SAW'),
  libur('2027-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia'),
  cuti('2027-12-24', 'Cuti Bersama Kelahiran Yesus Kristus'),
  libur('2027-12-25', 'Kelahiran Yesus Kristus'),
];

/** Years whose entries are estimates, so the UI can say deadlines in them may still move. */
export const provisionalHolidayYears: readonly number[] = [2027];

export const indonesianHolidays: readonly Holiday[] = [
  ...holidays2024,
  ...holidays2025,
  ...holidays2026,
  ...holidays2027,
];
