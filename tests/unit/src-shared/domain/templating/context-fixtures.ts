// A report with its agency, unit, category, officer and dispositions, as the composer has them
// locally, for building template contexts. Times are in February 2025, which has no holidays.

import { DEFAULT_AGENCY_SETTINGS, type Agency } from '../../../../../src-shared/domain/agency';
import type { Category } from '../../../../../src-shared/domain/category';
import type { Disposition } from '../../../../../src-shared/domain/disposition';
import type { Report } from '../../../../../src-shared/domain/report';
import type { Template } from '../../../../../src-shared/domain/template';
import type { TemplateContextInput } from '../../../../../src-shared/domain/templating/template-context-build';
import type { User } from '../../../../../src-shared/domain/user';
import { at, calendar, makeReport } from '../domain-fixtures';

export { at, calendar, endOf } from '../domain-fixtures';

function agency(id: string, name: string, parentId: string | null, level: Agency['level']): Agency {
  return {
    id,
    parentId,
    name,
    level,
    timeZone: 'WIB',
    settings: { ...DEFAULT_AGENCY_SETTINGS },
    version: 1,
  };
}

export const agencyList: readonly Agency[] = [
  agency('kota-bandung', 'Pemerintah Kota Bandung', null, 'regency_city'),
  agency('dpu', 'Dinas Pekerjaan Umum Kota Bandung', 'kota-bandung', 'opd'),
  agency('dpu-bm', 'Bidang Bina Marga', 'dpu', 'unit'),
  agency('kec-coblong', 'Kecamatan Coblong', 'kota-bandung', 'opd'),
];

export const categoryList: readonly Category[] = [
  {
    id: 'cat-infrastruktur',
    parentId: null,
    code: 'infrastruktur',
    name: 'Infrastruktur',
    isActive: true,
  },
  {
    id: 'cat-jalan-rusak',
    parentId: 'cat-infrastruktur',
    code: 'jalan_rusak',
    name: 'Jalan Rusak',
    isActive: true,
  },
];

export const officer: User = {
  id: 'u-agus',
  username: 'agus',
  displayName: 'Agus Santoso',
  role: 'operator_unit',
  agencyId: 'dpu-bm',
};

/** Arrived Monday 3 February 2025 09:00 WIB; disposed the same day to the DPU's Bina Marga. */
export function disposedReport(overrides: Partial<Report> = {}): Report {
  return makeReport({
    categoryId: 'cat-jalan-rusak',
    agencyId: 'dpu',
    unitId: 'dpu-bm',
    status: 'in_progress',
    disposedAt: at('2025-02-03T13:00'),
    ...overrides,
  });
}

export function disposition(overrides: Partial<Disposition> = {}): Disposition {
  return {
    id: 'd-1',
    reportId: 'r-1',
    kind: 'dispose',
    fromAgencyId: 'kota-bandung',
    toAgencyId: 'dpu',
    toUnitId: 'dpu-bm',
    byUserId: 'u-admin',
    at: at('2025-02-03T13:00'),
    note: 'Mohon segera dicek ke lokasi',
    version: 1,
    ...overrides,
  };
}

export function contextInput(overrides: Partial<TemplateContextInput> = {}): TemplateContextInput {
  return {
    report: disposedReport(),
    dispositions: [disposition()],
    agencies: new Map(agencyList.map((item) => [item.id, item])),
    categories: new Map(categoryList.map((item) => [item.id, item])),
    users: new Map([[officer.id, officer]]),
    officerId: officer.id,
    now: at('2025-02-04T10:00'),
    calendar,
    ...overrides,
  };
}

type TemplateFields = Omit<Template, 'scope' | 'ownerId'>;

const templateDefaults: Omit<TemplateFields, 'id'> = {
  kind: 'tindak_lanjut',
  name: '',
  body: '',
  description: '',
  categoryIds: [],
  revision: 1,
  agencyId: 'dpu',
  version: 1,
  updatedBy: 'u-admin',
  updatedAt: 1,
};

export function agencyTemplate(
  fields: Partial<TemplateFields> & Pick<TemplateFields, 'id'>,
): Template {
  return { ...templateDefaults, name: fields.id, ...fields, scope: 'agency' };
}

export function personalTemplate(
  ownerId: string,
  fields: Partial<TemplateFields> & Pick<TemplateFields, 'id'>,
): Template {
  return { ...templateDefaults, name: fields.id, ...fields, scope: 'personal', ownerId };
}
