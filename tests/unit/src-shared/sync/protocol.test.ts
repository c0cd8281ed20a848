import { describe, expect, it } from 'vitest';
import {
  MutationSchema,
  PullRequestSchema,
  PullResponseSchema,
  PushRequestSchema,
  SyncedReportSchema,
  hasUnstorableText,
  isMutationName,
  isTombstone,
  mutationArgsSchemas,
  mutationNames,
  parseMutation,
} from '../../../../src-shared/sync/protocol';
import { ReportSchema } from '../../../../src-shared/domain/report';
import { makeReport } from './sync-fixtures';

const envelope = { clientId: 'client-abc123', id: 1, baseVersion: 0, at: 1_700_000_000_000 };

describe('parseMutation', () => {
  it('parses a known mutation into typed arguments', () => {
    const parsed = parseMutation({
      ...envelope,
      name: 'report.setTags',
      args: { reportId: 'r-1', tags: ['a'] },
    });
    expect(parsed).toEqual({
      ok: true,
      value: { ...envelope, name: 'report.setTags', args: { reportId: 'r-1', tags: ['a'] } },
    });
  });

  it('answers unknown names and inherited property names as unknown', () => {
    for (const name of ['report.delete', 'toString', '__proto__', 'constructor']) {
      const parsed = parseMutation({ ...envelope, name, args: {} });
      expect(parsed.ok ? null : parsed.error.code).toBe('mutation/unknown-name');
    }
    expect(isMutationName('hasOwnProperty')).toBe(false);
  });

  it('refuses wrong types and unknown keys in the arguments', () => {
    const wrongType = parseMutation({
      ...envelope,
      name: 'report.extendDeadline',
      args: { reportId: 'r-1', days: '30', reason: 'x' },
    });
    expect(wrongType.ok ? null : wrongType.error).toMatchObject({ code: 'mutation/invalid-args' });
    expect(wrongType.ok ? '' : wrongType.error.message).toContain('days');
    const extraKey = parseMutation({
      ...envelope,
      name: 'report.resume',
      args: { reportId: 'r-1', status: 'completed' },
    });
    expect(extraKey.ok).toBe(false);
  });

  it('refuses text that PostgreSQL cannot store: NUL characters and broken surrogate pairs', () => {
    for (const body of ['a\u0000b', 'x\ud800', '\udc00y', 'ok\ud83d']) {
      const parsed = parseMutation({
        ...envelope,
        name: 'note.add',
        args: { reportId: 'r-1', noteId: 'n-1', body },
      });
      expect(parsed.ok ? null : parsed.error.code).toBe('mutation/invalid-args');
    }
    expect(hasUnstorableText({ tags: ['a', { deep: ['\u0000'] }] })).toBe(true);
    expect(hasUnstorableText({ 'k\u0000': 'v' })).toBe(true);
    expect(hasUnstorableText({ body: 'Salam 👋 dari Jayapura' })).toBe(false);
  });

  it('accepts SQL-looking text as plain text', () => {
    const parsed = parseMutation({
      ...envelope,
      name: 'note.add',
      args: {
        reportId: "r-1'; DROP TABLE reports; --",
        noteId: 'n-1',
        body: "'); DELETE FROM notes; --",
      },
    });
    expect(parsed.ok).toBe(true);
  });
});

describe('MutationSchema', () => {
  it('has a strict arguments schema for every mutation name', () => {
    expect(mutationNames.length).toBe(Object.keys(mutationArgsSchemas).length);
    expect(
      MutationSchema.safeParse({ ...envelope, name: 'report.resume', args: { reportId: 'r-1' } })
        .success,
    ).toBe(true);
    expect(
      MutationSchema.safeParse({
        ...envelope,
        name: 'report.resume',
        args: { reportId: 'r-1', x: 1 },
      }).success,
    ).toBe(false);
    expect(MutationSchema.safeParse({ ...envelope, name: 'report.nope', args: {} }).success).toBe(
      false,
    );
  });
});

describe('PushRequestSchema', () => {
  const mutation = { ...envelope, name: 'report.resume', args: { reportId: 'r-1' } };

  it('accepts mutations of the pushing client in increasing order', () => {
    expect(
      PushRequestSchema.safeParse({
        clientId: envelope.clientId,
        mutations: [mutation, { ...mutation, id: 2 }],
      }).success,
    ).toBe(true);
  });

  it('refuses another client’s mutation, decreasing ids, bad ids and oversized batches', () => {
    expect(
      PushRequestSchema.safeParse({ clientId: 'client-zzz999', mutations: [mutation] }).success,
    ).toBe(false);
    expect(
      PushRequestSchema.safeParse({
        clientId: envelope.clientId,
        mutations: [{ ...mutation, id: 2 }, mutation],
      }).success,
    ).toBe(false);
    expect(
      PushRequestSchema.safeParse({
        clientId: envelope.clientId,
        mutations: [{ ...mutation, id: 0 }],
      }).success,
    ).toBe(false);
    expect(PushRequestSchema.safeParse({ clientId: 'x', mutations: [] }).success).toBe(false);
    const many = Array.from({ length: 501 }, (_, i) => ({ ...mutation, id: i + 1 }));
    expect(
      PushRequestSchema.safeParse({ clientId: envelope.clientId, mutations: many }).success,
    ).toBe(false);
  });
});

describe('SyncedReportSchema', () => {
  it('accepts a report whose reporter was withheld, and keeps the other invariants', () => {
    const withheld = { ...makeReport(), reporter: null };
    expect(ReportSchema.safeParse(withheld).success).toBe(false);
    expect(SyncedReportSchema.safeParse(withheld).success).toBe(true);
    expect(SyncedReportSchema.safeParse({ ...withheld, status: 'pending_info' }).success).toBe(
      false,
    );
    expect(
      SyncedReportSchema.safeParse({ ...withheld, status: 'archived', archiveReason: 'duplicate' })
        .success,
    ).toBe(false);
  });
});

describe('pull shapes', () => {
  it('defaults the page size and bounds it', () => {
    expect(PullRequestSchema.parse({ cursor: 0 })).toEqual({ cursor: 0, limit: 1000 });
    expect(PullRequestSchema.safeParse({ cursor: 0, limit: 5001 }).success).toBe(false);
    expect(PullRequestSchema.safeParse({ cursor: -1 }).success).toBe(false);
  });

  it('carries rows and tombstones in one list', () => {
    const parsed = PullResponseSchema.parse({
      rows: [
        { entity: 'report', id: 'r-1', version: 5, deleted: true },
        {
          entity: 'category',
          id: 'kesehatan',
          version: 6,
          data: {
            id: 'kesehatan',
            parentId: null,
            code: 'kesehatan',
            name: 'Kesehatan',
            isActive: true,
          },
        },
      ],
      cursor: 6,
      hasMore: false,
    });
    expect(parsed.rows.map(isTombstone)).toEqual([true, false]);
  });
});
