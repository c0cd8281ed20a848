import { describe, expect, it } from 'vitest';
import {
  SAVED_VIEW_NAME_MAX,
  SavedViewSchema,
  type SavedView,
} from '../../../../src-shared/domain/saved-view';
import { defaultInboxQuery } from '../../../../src-shared/inbox/queries';

const view: SavedView = {
  id: 'view-1',
  ownerId: 'u-admin',
  name: 'Terlambat Dinkes',
  query: {
    ...defaultInboxQuery('overdue'),
    sort: 'agency',
    direction: 'desc',
    filters: { agencyIds: ['dinkes'], channels: ['sms', 'web'] },
    search: 'jalan',
  },
  updatedAt: 1_749_600_000_000,
  version: 12,
};

describe('SavedViewSchema', () => {
  it('accepts a view with its owner, name, query, time and version', () => {
    expect(SavedViewSchema.parse(view)).toEqual(view);
  });

  it('keeps names of 1 to 80 characters, stored trimmed', () => {
    const named = (name: string) => SavedViewSchema.safeParse({ ...view, name }).success;
    expect(named('a')).toBe(true);
    expect(named('x'.repeat(SAVED_VIEW_NAME_MAX))).toBe(true);
    expect(named('x'.repeat(SAVED_VIEW_NAME_MAX + 1))).toBe(false);
    expect(named('')).toBe(false);
    expect(named('   ')).toBe(false);
    expect(named(' Terlambat')).toBe(false);
    expect(named('Terlambat\n')).toBe(false);
  });

  it('refuses a view without an owner, with an invalid query or with unknown fields', () => {
    const { ownerId: _ownerId, ...ownerless } = view;
    expect(SavedViewSchema.safeParse(ownerless).success).toBe(false);
    expect(
      SavedViewSchema.safeParse({ ...view, query: { ...view.query, queue: 'semua' } }).success,
    ).toBe(false);
    expect(SavedViewSchema.safeParse({ ...view, shared: true }).success).toBe(false);
    expect(SavedViewSchema.safeParse({ ...view, version: -1 }).success).toBe(false);
  });
});
