import { describe, expect, it } from 'vitest';
import {
  AgencySchema,
  DEFAULT_AGENCY_SETTINGS,
  ancestorIds,
  isInSubtree,
  subtreeIds,
  type ParentPointer,
} from '../../../../src-shared/domain/agency';
import { agencies } from './domain-fixtures';

describe('isInSubtree', () => {
  it('counts an agency and everything below it as its subtree', () => {
    expect(isInSubtree(agencies, 'kota-bandung', 'kota-bandung')).toBe(true);
    expect(isInSubtree(agencies, 'kota-bandung', 'dinkes-yankes')).toBe(true);
    expect(isInSubtree(agencies, 'nasional', 'dinkes-jayapura')).toBe(true);
  });

  it('does not count parents or siblings', () => {
    expect(isInSubtree(agencies, 'dinkes', 'kota-bandung')).toBe(false);
    expect(isInSubtree(agencies, 'dinkes', 'disdik-sd')).toBe(false);
    expect(isInSubtree(agencies, 'prov-jabar', 'kota-jayapura')).toBe(false);
  });

  it('treats unknown agencies as outside every subtree', () => {
    expect(isInSubtree(agencies, 'nasional', 'dinas-hilang')).toBe(false);
    expect(isInSubtree(agencies, 'dinas-hilang', 'dinas-hilang')).toBe(false);
  });

  it('terminates on a cycle in malformed data', () => {
    const cyclic = new Map<string, ParentPointer>([
      ['a', { parentId: 'b' }],
      ['b', { parentId: 'a' }],
      ['c', { parentId: null }],
    ]);
    expect(isInSubtree(cyclic, 'c', 'a')).toBe(false);
    expect(ancestorIds(cyclic, 'a')).toEqual(['b']);
    expect(subtreeIds(cyclic, 'a')).toEqual(['a', 'b']);
  });
});

describe('subtreeIds and ancestorIds', () => {
  it('lists an agency and its descendants, breadth first', () => {
    expect(subtreeIds(agencies, 'kota-bandung')).toEqual([
      'kota-bandung',
      'dinkes',
      'disdik',
      'dinkes-yankes',
      'disdik-sd',
    ]);
    expect(subtreeIds(agencies, 'dinas-hilang')).toEqual([]);
  });

  it('lists ancestors nearest first', () => {
    expect(ancestorIds(agencies, 'dinkes-yankes')).toEqual([
      'dinkes',
      'kota-bandung',
      'prov-jabar',
      'nasional',
    ]);
    expect(ancestorIds(agencies, 'nasional')).toEqual([]);
  });
});

describe('AgencySchema', () => {
  const wire = {
    id: 'dinkes',
    parentId: 'kota-bandung',
    name: 'Dinas Kesehatan Kota Bandung',
    level: 'opd',
    timeZone: 'WIB',
    version: 3,
  };

  it('fills in the default settings when the server sends none', () => {
    expect(AgencySchema.parse(wire).settings).toEqual(DEFAULT_AGENCY_SETTINGS);
    expect(DEFAULT_AGENCY_SETTINGS).toMatchObject({ resolutionDays: 14, adminsMayPublish: false });
  });

  it('keeps the settings an agency sets and defaults the rest', () => {
    const parsed = AgencySchema.parse({ ...wire, settings: { adminsMayPublish: true } });
    expect(parsed.settings).toEqual({ ...DEFAULT_AGENCY_SETTINGS, adminsMayPublish: true });
  });

  it('rejects a resolution limit beyond 60 working days and unknown time zones', () => {
    expect(AgencySchema.safeParse({ ...wire, settings: { resolutionDays: 61 } }).success).toBe(
      false,
    );
    expect(AgencySchema.safeParse({ ...wire, timeZone: 'Asia/Jakarta' }).success).toBe(false);
  });
});
