// Test data for the shared sync code: a mutator context over the domain fixtures' agency tree, a
// few categories and users, and builders for responses and templates.

import type { Actor } from '../../../../src-shared/domain/actor';
import type { Report } from '../../../../src-shared/domain/report';
import type { ReportResponse } from '../../../../src-shared/domain/response';
import { currentDueAt } from '../../../../src-shared/domain/sla-calendar';
import type { Template } from '../../../../src-shared/domain/template';
import type { User } from '../../../../src-shared/domain/user';
import type { MutatorContext, MutatorState } from '../../../../src-shared/sync/mutators';
import { emptyMutatorState } from '../../../../src-shared/sync/mutators';
import { agencies, at, calendar, makeReport, user } from '../domain/domain-fixtures';

export { agencies, at, calendar, makeReport, user };

/** Tuesday 4 February 2025, 10:00 WIB: the day after the fixture report arrived. */
export const NOW = at('2025-02-04T10:00');

export const categories = new Map([
  ['kesehatan', { id: 'kesehatan', isActive: true }],
  ['lama', { id: 'lama', isActive: false }],
]);

const people: Pick<User, 'id' | 'agencyId' | 'role'>[] = [
  { id: 'op-yankes', agencyId: 'dinkes-yankes', role: 'operator_unit' },
  { id: 'op-disdik', agencyId: 'disdik-sd', role: 'operator_unit' },
  { id: 'kepala', agencyId: 'dinkes', role: 'pimpinan' },
  { id: 'admin-dinkes', agencyId: 'dinkes', role: 'admin_instansi' },
];
export const users = new Map(people.map((p) => [p.id, p]));

export function ctxFor(actor: Actor, overrides: Partial<MutatorContext> = {}): MutatorContext {
  return {
    actor,
    now: NOW,
    agencies,
    calendar,
    categories,
    users,
    idPrefix: 'client-a:7',
    ...overrides,
  };
}

export function stateWith(overrides: Partial<MutatorState>): MutatorState {
  return { ...emptyMutatorState, ...overrides };
}

/** A report with its stored deadline right, as the server keeps it. */
export function consistent(report: Report): Report {
  return {
    ...report,
    dueAt: currentDueAt(report, calendar, agencies.get(report.agencyId)?.settings),
  };
}

/** A report disposed to dinkes / dinkes-yankes on Monday 3 February and now in the given status. */
export function disposedReport(overrides: Partial<Report> = {}): Report {
  return consistent(
    makeReport({
      agencyId: 'dinkes',
      unitId: 'dinkes-yankes',
      status: 'disposed',
      disposedAt: at('2025-02-03T11:00'),
      ...overrides,
    }),
  );
}

export function response(
  state: ReportResponse['state'],
  overrides: Partial<{ id: string; reportId: string; body: string; authorId: string }> = {},
): ReportResponse {
  const base = {
    id: overrides.id ?? 'resp-1',
    reportId: overrides.reportId ?? 'r-1',
    agencyId: 'dinkes',
    authorId: overrides.authorId ?? 'op-yankes',
    body: overrides.body ?? 'Terima kasih, jalan akan diperbaiki pekan depan.',
    createdAt: at('2025-02-03T12:00'),
    updatedAt: at('2025-02-03T12:00'),
    version: 3,
  };
  const reviewed = {
    submittedAt: at('2025-02-03T13:00'),
    reviewedById: 'u-penghubung',
    reviewedAt: at('2025-02-03T14:00'),
  };
  switch (state) {
    case 'draft':
      return { ...base, state };
    case 'submitted':
      return { ...base, state, submittedAt: reviewed.submittedAt };
    case 'approved':
      return { ...base, ...reviewed, state };
    case 'returned':
      return { ...base, ...reviewed, state, returnComment: 'Lengkapi jadwal perbaikan' };
    case 'published':
      return {
        ...base,
        ...reviewed,
        state,
        publishedAt: at('2025-02-03T15:00'),
        publishedById: 'u-penghubung',
      };
  }
}

export function template(overrides: Partial<Template> = {}): Template {
  return {
    id: 'tpl-1',
    kind: 'tindak_lanjut',
    name: 'Tindak lanjut umum',
    body: 'Yth. {{nama}}, laporan Anda sedang kami tindak lanjuti.',
    description: 'Jawaban bahwa laporan sedang ditindaklanjuti',
    categoryIds: [],
    agencyId: 'dinkes',
    version: 4,
    updatedBy: 'admin-dinkes',
    updatedAt: at('2025-01-10T09:00'),
    scope: 'agency',
    ...overrides,
  } as Template;
}
