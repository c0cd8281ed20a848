import { describe, expect, it } from 'vitest';
import { ActorSchema, userActor } from '../../../../src-shared/domain/actor';
import { AuditEventSchema } from '../../../../src-shared/domain/audit-event';
import {
  CategorySchema,
  categoryPath,
  type Category,
} from '../../../../src-shared/domain/category';
import { DispositionSchema } from '../../../../src-shared/domain/disposition';
import { NoteSchema } from '../../../../src-shared/domain/note';
import { ReportResponseSchema } from '../../../../src-shared/domain/response';
import { TemplateSchema } from '../../../../src-shared/domain/template';
import { UserSchema, isSimulationRole } from '../../../../src-shared/domain/user';

const base = {
  id: 'resp-1',
  reportId: 'r-1',
  agencyId: 'dinkes',
  authorId: 'u-5',
  body: 'Terima kasih, laporan sedang kami tindak lanjuti.',
  createdAt: 1,
  updatedAt: 2,
  version: 1,
};
const reviewed = { submittedAt: 3, reviewedById: 'u-6', reviewedAt: 4 };

describe('ReportResponseSchema', () => {
  it('accepts each approval state with the fields it carries', () => {
    expect(ReportResponseSchema.safeParse({ ...base, state: 'draft' }).success).toBe(true);
    expect(
      ReportResponseSchema.safeParse({ ...base, state: 'submitted', submittedAt: 3 }).success,
    ).toBe(true);
    expect(
      ReportResponseSchema.safeParse({ ...base, ...reviewed, state: 'approved' }).success,
    ).toBe(true);
    expect(
      ReportResponseSchema.safeParse({
        ...base,
        ...reviewed,
        state: 'published',
        publishedAt: 5,
        publishedById: 'u-6',
      }).success,
    ).toBe(true);
  });

  it('requires a comment when a draft is returned', () => {
    expect(
      ReportResponseSchema.safeParse({ ...base, ...reviewed, state: 'returned' }).success,
    ).toBe(false);
    expect(
      ReportResponseSchema.safeParse({
        ...base,
        ...reviewed,
        state: 'returned',
        returnComment: ' ',
      }).success,
    ).toBe(false);
    const returned = {
      ...base,
      ...reviewed,
      state: 'returned',
      returnComment: 'Lengkapi dasar hukum.',
    };
    expect(ReportResponseSchema.safeParse(returned).success).toBe(true);
  });

  it('refuses an approved response without its reviewer', () => {
    expect(
      ReportResponseSchema.safeParse({ ...base, state: 'approved', submittedAt: 3 }).success,
    ).toBe(false);
  });
});

describe('TemplateSchema', () => {
  const template = {
    id: 't-1',
    kind: 'bukan_wewenang',
    name: 'Bukan wewenang — pengalihan ke provinsi',
    body: 'Laporan Saudara {{nomor}} bukan kewenangan kami.',
    agencyId: 'dinkes',
    version: 2,
    updatedBy: 'u-3',
    updatedAt: 10,
  };

  it('gives a personal template an owner and an agency template none', () => {
    expect(TemplateSchema.safeParse({ ...template, scope: 'agency' }).success).toBe(true);
    expect(
      TemplateSchema.safeParse({ ...template, scope: 'personal', ownerId: 'u-3' }).success,
    ).toBe(true);
    expect(TemplateSchema.safeParse({ ...template, scope: 'personal' }).success).toBe(false);
    expect(TemplateSchema.safeParse({ ...template, scope: 'agency', ownerId: 'u-3' }).success).toBe(
      false,
    );
  });

  it('rejects kinds outside the list', () => {
    expect(
      TemplateSchema.safeParse({ ...template, kind: 'promosi', scope: 'agency' }).success,
    ).toBe(false);
  });
});

describe('other entities', () => {
  it('parses a disposition, a note and an audit event of a bulk action', () => {
    expect(
      DispositionSchema.safeParse({
        id: 'd-1',
        reportId: 'r-1',
        kind: 'dispose',
        fromAgencyId: 'kota-bandung',
        toAgencyId: 'dinkes',
        toUnitId: null,
        byUserId: 'u-3',
        at: 5,
        note: null,
        version: 1,
      }).success,
    ).toBe(true);
    expect(
      NoteSchema.safeParse({
        id: 'n-1',
        reportId: 'r-1',
        authorId: 'u-5',
        agencyId: 'dinkes',
        body: 'Sudah koordinasi dengan puskesmas.',
        createdAt: 1,
        updatedAt: 1,
        version: 1,
      }).success,
    ).toBe(true);
    const event = {
      id: 'e-1',
      reportId: 'r-1',
      at: 5,
      actor: userActor({ id: 'u-3', role: 'admin_instansi', agencyId: 'kota-bandung' }),
      action: 'archive',
      from: 'unverified',
      to: 'archived',
      reason: 'too_general',
      batchId: 'b-7',
    };
    expect(AuditEventSchema.parse(event)).toEqual(event);
    expect(AuditEventSchema.safeParse({ ...event, action: 'delete' }).success).toBe(false);
  });

  it('tells the system from a user', () => {
    expect(ActorSchema.parse({ kind: 'system' })).toEqual({ kind: 'system' });
    expect(ActorSchema.safeParse({ kind: 'system', role: 'admin_instansi' }).success).toBe(false);
  });

  it('accepts the seven roles and marks the training ones', () => {
    const user = {
      id: 'u-1',
      username: 'siti.r',
      displayName: 'Siti R',
      role: 'peserta',
      agencyId: 'dinkes',
    };
    expect(UserSchema.safeParse(user).success).toBe(true);
    expect(UserSchema.safeParse({ ...user, role: 'superadmin' }).success).toBe(false);
    expect(UserSchema.safeParse({ ...user, username: 'siti r' }).success).toBe(false);
    expect(isSimulationRole('peserta')).toBe(true);
    expect(isSimulationRole('pelatih')).toBe(true);
    expect(isSimulationRole('pimpinan')).toBe(false);
  });
});

describe('categories', () => {
  const categories: Category[] = [
    { id: 'c-1', parentId: null, code: 'kesehatan', name: 'Kesehatan', isActive: true },
    { id: 'c-2', parentId: 'c-1', code: 'bpjs', name: 'BPJS Kesehatan', isActive: true },
    { id: 'c-3', parentId: 'c-2', code: 'bpjs_pbi', name: 'PBI', isActive: false },
  ];
  const byId = new Map(categories.map((c) => [c.id, c]));

  it('builds the path from the root category down', () => {
    expect(categoryPath(byId, 'c-3').map((c) => c.code)).toEqual(['kesehatan', 'bpjs', 'bpjs_pbi']);
    expect(categoryPath(byId, 'c-9')).toEqual([]);
  });

  it('accepts only slug codes', () => {
    expect(CategorySchema.safeParse({ ...categories[0], code: 'Dana Desa' }).success).toBe(false);
    expect(CategorySchema.safeParse({ ...categories[0], code: 'dana_desa' }).success).toBe(true);
  });
});
