import { describe, expect, it } from 'vitest';
import {
  emptyTemplateFilter,
  groupTemplates,
  listedIds,
  stepCursor,
  visibleTemplates,
} from '../../../../../src-renderer/features/templates/template-library';
import {
  canEditTemplate,
  creatableScopes,
} from '../../../../../src-renderer/features/templates/template-rights';
import { agenciesById } from '../../../../../src-shared/domain/agency';
import { agencies } from '../inbox/inbox-fixtures';
import {
  adminUser,
  agencyTemplate,
  headUser,
  libraryTemplates,
  operatorUser,
  personalTemplate,
} from './template-fixtures';

const idsFor = (filter: Partial<typeof emptyTemplateFilter>, userId = 'u-op') =>
  listedIds(groupTemplates(libraryTemplates, { ...emptyTemplateFilter, ...filter }, userId));

describe('the template list', () => {
  it("shows the agency's templates and the user's own personal ones, never someone else's", () => {
    expect(visibleTemplates(libraryTemplates, 'u-op').map((t) => t.id)).toEqual([
      'tpl-verif',
      'tpl-tunda',
      'tpl-tl',
      'tpl-mine',
      'tpl-salam',
    ]);
    expect(idsFor({}, 'u-admin')).not.toContain('tpl-mine');
  });

  it('groups by kind in the catalogue order, names alphabetical inside a kind', () => {
    const groups = groupTemplates(libraryTemplates, emptyTemplateFilter, 'u-op');
    expect(groups.map((g) => g.kind)).toEqual([
      'verifikasi',
      'permintaan_informasi',
      'tindak_lanjut',
      'cuplikan',
    ]);
    expect(groups[2]?.templates.map((t) => t.name)).toEqual(['Catatan saya', 'Sedang diproses']);
  });

  it('filters by kind, by scope and by words of the name or description', () => {
    expect(idsFor({ kind: 'tindak_lanjut' })).toEqual(['tpl-mine', 'tpl-tl']);
    expect(idsFor({ scope: 'personal' })).toEqual(['tpl-mine']);
    expect(idsFor({ scope: 'agency', kind: 'tindak_lanjut' })).toEqual(['tpl-tl']);
    // Any case, every word, name or description.
    expect(idsFor({ search: 'ALAMAT pelapor' })).toEqual(['tpl-tunda']);
    expect(idsFor({ search: 'diproses' })).toEqual(['tpl-tl']);
    expect(idsFor({ search: 'jalan', scope: 'agency' })).toEqual([]);
  });

  it('moves the cursor within the listed rows and starts at an end when none is current', () => {
    const ids = ['a', 'b', 'c'];
    expect(stepCursor(ids, 'a', 1)).toBe('b');
    expect(stepCursor(ids, 'c', 1)).toBe('c');
    expect(stepCursor(ids, 'a', -1)).toBe('a');
    expect(stepCursor(ids, null, 1)).toBe('a');
    expect(stepCursor(ids, 'gone', -1)).toBe('c');
    expect(stepCursor([], null, 1)).toBeNull();
  });
});

describe('template rights', () => {
  const tree = agenciesById(agencies);

  it('lets admins edit agency templates of their subtree and anyone edit only their own', () => {
    const agency = agencyTemplate('a', { agencyId: 'dinkes' });
    expect(canEditTemplate(adminUser, agency, tree)).toBe(true);
    expect(canEditTemplate(operatorUser, agency, tree)).toBe(false);
    expect(canEditTemplate({ ...adminUser, agencyId: 'dishub' }, agency, tree)).toBe(false);
    expect(canEditTemplate(operatorUser, personalTemplate('p', 'u-op'), tree)).toBe(true);
    expect(canEditTemplate(adminUser, personalTemplate('p', 'u-op'), tree)).toBe(false);
  });

  it('offers agency scope to admins only and nothing to pimpinan', () => {
    expect(creatableScopes('admin_instansi')).toEqual(['agency', 'personal']);
    expect(creatableScopes('pejabat_penghubung')).toEqual(['personal']);
    expect(creatableScopes(headUser.role)).toEqual([]);
  });
});
