// Shared test data for the domain core: an agency tree spanning two time zones, the Indonesian SLA
// calendar, and builders for reports and actors with sensible defaults.

import type { Actor } from '../../../../src-shared/domain/actor';
import type { Agency } from '../../../../src-shared/domain/agency';
import { DEFAULT_AGENCY_SETTINGS, agenciesById } from '../../../../src-shared/domain/agency';
import { indonesianHolidays } from '../../../../src-shared/domain/holidays-id';
import type { Report } from '../../../../src-shared/domain/report';
import { createSlaCalendar } from '../../../../src-shared/domain/sla-calendar';
import { utcOffsetMs, type TimeZone } from '../../../../src-shared/domain/time-zone';
import type { UserRole } from '../../../../src-shared/domain/user';

export const calendar = createSlaCalendar(indonesianHolidays);

/** The instant of a local wall-clock time, e.g. `at('2025-03-27T10:00', 'WIB')`. */
export function at(localDateTime: string, tz: TimeZone = 'WIB'): number {
  const ms = Date.parse(`${localDateTime}Z`);
  if (Number.isNaN(ms)) throw new Error(`bad test time ${localDateTime}`);
  return ms - utcOffsetMs(tz);
}

/** The last millisecond of a local day, e.g. `endOf('2025-04-10', 'WIB')`. */
export function endOf(date: string, tz: TimeZone = 'WIB'): number {
  return at(`${date}T23:59:59.999`, tz);
}

function agency(
  id: string,
  parentId: string | null,
  level: Agency['level'],
  timeZone: TimeZone,
): Agency {
  return {
    id,
    parentId,
    name: id,
    level,
    timeZone,
    settings: { ...DEFAULT_AGENCY_SETTINGS },
    version: 1,
  };
}

/**
 * nasional
 * ├─ prov-jabar (WIB) ─ kota-bandung ─┬─ dinkes (OPD) ─ dinkes-yankes (unit)
 * │                                    └─ disdik (OPD) ─ disdik-sd (unit)
 * └─ prov-papua (WIT) ─ kota-jayapura ─ dinkes-jayapura (OPD)
 */
export const agencyList: readonly Agency[] = [
  agency('nasional', null, 'national', 'WIB'),
  agency('prov-jabar', 'nasional', 'province', 'WIB'),
  agency('kota-bandung', 'prov-jabar', 'regency_city', 'WIB'),
  agency('dinkes', 'kota-bandung', 'opd', 'WIB'),
  agency('dinkes-yankes', 'dinkes', 'unit', 'WIB'),
  agency('disdik', 'kota-bandung', 'opd', 'WIB'),
  agency('disdik-sd', 'disdik', 'unit', 'WIB'),
  agency('prov-papua', 'nasional', 'province', 'WIT'),
  agency('kota-jayapura', 'prov-papua', 'regency_city', 'WIT'),
  agency('dinkes-jayapura', 'kota-jayapura', 'opd', 'WIT'),
];
export const agencies = agenciesById(agencyList);

export function user(role: UserRole, agencyId: string, id = `${role}@${agencyId}`): Actor {
  return { kind: 'user', id, role, agencyId };
}

export const system: Actor = { kind: 'system' };

const ARRIVAL = at('2025-02-03T09:00');

/** A valid report, unverified at kota-bandung, arrived Monday 3 February 2025 09:00 WIB. */
export function makeReport(overrides: Partial<Report> = {}): Report {
  return {
    id: 'r-1',
    trackingId: '1916449',
    title: 'Jalan berlubang di Jl. Soekarno-Hatta',
    body: 'Lubang besar membahayakan pengendara motor sejak dua minggu.',
    categoryId: null,
    tags: [],
    location: { text: 'Jl. Soekarno-Hatta, Bandung', regionCode: '32.73' },
    incidentDate: '2025-01-20',
    channel: 'web',
    type: 'pengaduan',
    privacy: { rahasia: false, anonim: false },
    reporter: { name: 'Siti Rahmawati', phone: '081234567890' },
    attachments: [],
    agencyId: 'kota-bandung',
    unitId: null,
    assigneeId: null,
    timeZone: 'WIB',
    status: 'unverified',
    archiveReason: null,
    duplicateOf: null,
    createdAt: ARRIVAL,
    routedAt: ARRIVAL,
    disposedAt: null,
    firstResponseAt: null,
    respondedAt: null,
    closedAt: null,
    pausedAt: null,
    pausedWorkingMs: 0,
    extendedResolutionDays: null,
    dueAt: null,
    updatedAt: ARRIVAL,
    version: 1,
    ...overrides,
  };
}
