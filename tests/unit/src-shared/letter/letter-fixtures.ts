// A small agency tree with letterheads, a liaison, a report and its published response: what the
// letter tests build letters from.
import type { Agency, Letterhead } from '../../../../src-shared/domain/agency';
import { DEFAULT_LETTER_NUMBER_PATTERN } from '../../../../src-shared/domain/agency';
import type { Report } from '../../../../src-shared/domain/report';
import type { ReportResponse } from '../../../../src-shared/domain/response';
import type { User } from '../../../../src-shared/domain/user';
import type { LetterReadyResponse, LetterSource } from '../../../../src-shared/letter/letter-model';

/** A 1×1 PNG. */
export const PNG_LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export function letterhead(overrides: Partial<Letterhead> = {}): Letterhead {
  return {
    address: '',
    city: '',
    phone: '',
    email: '',
    website: '',
    logo: null,
    code: '',
    numberPattern: DEFAULT_LETTER_NUMBER_PATTERN,
    signerTitle: '',
    ...overrides,
  };
}

const baseSettings = { resolutionDays: 14, adminsMayPublish: false, pendingInfoWaitDays: 10 };

export function agency(
  id: string,
  parentId: string | null,
  name: string,
  level: Agency['level'],
  head?: Letterhead,
  timeZone: Agency['timeZone'] = 'WIB',
): Agency {
  return {
    id,
    parentId,
    name,
    level,
    timeZone,
    settings: head === undefined ? baseSettings : { ...baseSettings, letterhead: head },
    version: 1,
  };
}

export function agencyMap(...list: Agency[]): ReadonlyMap<string, Agency> {
  return new Map(list.map((a) => [a.id, a]));
}

export const kota = agency(
  'kota-sukamaju',
  null,
  'Pemerintah Kota Sukamaju',
  'regency_city',
  letterhead({
    city: 'Sukamaju',
    logo: PNG_LOGO,
    signerTitle: 'Pejabat Penghubung Kota Sukamaju',
  }),
);
export const dinkes = agency(
  'sukamaju-dinkes',
  'kota-sukamaju',
  'Dinas Kesehatan Kota Sukamaju',
  'opd',
  letterhead({
    address: 'Jalan Merdeka No. 12\nSukamaju 43111',
    phone: '(0266) 221234',
    email: 'dinkes@sukamajukota.go.id',
    website: 'dinkes.sukamajukota.go.id',
    code: 'DINKES',
  }),
);
export const yankes = agency(
  'sukamaju-dinkes-u1',
  'sukamaju-dinkes',
  'Bidang Pelayanan Kesehatan',
  'unit',
);
export const agencies = agencyMap(kota, dinkes, yankes);

export const liaison: User = {
  id: 'user-penghubung',
  username: 'penghubung',
  displayName: 'Drs. Bambang Hermawan, M.Si.',
  role: 'pejabat_penghubung',
  agencyId: 'kota-sukamaju',
};
export const operator: User = {
  id: 'user-operator',
  username: 'operator',
  displayName: 'Siti Rahmawati, A.Md.Kes.',
  role: 'operator_unit',
  agencyId: 'sukamaju-dinkes',
};
export const users: ReadonlyMap<string, User> = new Map([
  [liaison.id, liaison],
  [operator.id, operator],
]);

/** 30 November 2026, 18:30 UTC: 1 December 01:30 WIB. */
export const PUBLISHED_AT = Date.UTC(2026, 10, 30, 18, 30);

export function report(overrides: Partial<Report> = {}): Report {
  return {
    id: 'r-1',
    trackingId: '1916449',
    title: 'Antrean Puskesmas terlalu panjang',
    body: 'Isi laporan',
    categoryId: null,
    tags: [],
    location: { text: 'Kelurahan Cempaka' },
    incidentDate: null,
    channel: 'web',
    type: 'pengaduan',
    privacy: { rahasia: false, anonim: false },
    reporter: { name: 'Warga Teladan', phone: '081234567890' },
    attachments: [],
    agencyId: 'sukamaju-dinkes',
    unitId: 'sukamaju-dinkes-u1',
    assigneeId: null,
    timeZone: 'WIB',
    status: 'responded',
    archiveReason: null,
    duplicateOf: null,
    createdAt: PUBLISHED_AT - 10 * 86_400_000,
    routedAt: PUBLISHED_AT - 10 * 86_400_000,
    disposedAt: null,
    firstResponseAt: PUBLISHED_AT,
    respondedAt: PUBLISHED_AT,
    closedAt: null,
    pausedAt: null,
    pausedWorkingMs: 0,
    extendedResolutionDays: null,
    dueAt: null,
    updatedAt: PUBLISHED_AT,
    version: 3,
    ...overrides,
  };
}

export function published(overrides: Partial<LetterReadyResponse> = {}): LetterReadyResponse {
  return {
    id: 'resp-1',
    reportId: 'r-1',
    agencyId: 'sukamaju-dinkes',
    authorId: operator.id,
    body: 'Terima kasih atas laporan Bapak/Ibu.\n\nPetugas telah menambah loket pendaftaran.',
    createdAt: PUBLISHED_AT - 86_400_000,
    updatedAt: PUBLISHED_AT,
    version: 2,
    state: 'published',
    submittedAt: PUBLISHED_AT - 3_600_000,
    reviewedById: liaison.id,
    reviewedAt: PUBLISHED_AT - 60_000,
    publishedAt: PUBLISHED_AT,
    publishedById: liaison.id,
    ...overrides,
  };
}

/** Approved by a liaison, not yet published. */
export function approved(
  overrides: Partial<Extract<LetterReadyResponse, { state: 'approved' }>> = {},
): LetterReadyResponse {
  return {
    id: 'resp-1',
    reportId: 'r-1',
    agencyId: 'sukamaju-dinkes',
    authorId: operator.id,
    body: 'Terima kasih atas laporan Bapak/Ibu.',
    createdAt: PUBLISHED_AT - 86_400_000,
    updatedAt: PUBLISHED_AT,
    version: 2,
    state: 'approved',
    submittedAt: PUBLISHED_AT - 3_600_000,
    reviewedById: liaison.id,
    reviewedAt: PUBLISHED_AT,
    ...overrides,
  };
}

export function draft(overrides: Partial<ReportResponse> = {}): ReportResponse {
  return {
    id: 'resp-draft',
    reportId: 'r-1',
    agencyId: 'sukamaju-dinkes',
    authorId: operator.id,
    body: 'Draf',
    createdAt: PUBLISHED_AT,
    updatedAt: PUBLISHED_AT,
    version: 1,
    state: 'draft',
    ...overrides,
  } as ReportResponse;
}

export function source(overrides: Partial<LetterSource> = {}): LetterSource {
  return { response: published(), report: report(), agencies, users, ...overrides };
}
