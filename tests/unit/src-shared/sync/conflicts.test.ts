import { describe, expect, it } from 'vitest';
import {
  ANY_FIELD,
  classifyOutcome,
  recordWrite,
  writtenByOthersSince,
  type FieldWriters,
  type TrackedRecord,
} from '../../../../src-shared/sync/conflicts';
import type { MutationError } from '../../../../src-shared/sync/mutation-error';
import { isPermanentRefusal } from '../../../../src-shared/sync/mutation-error';
import { err, ok } from '../../../../src-shared/result';

const ME = 'client-me';
const OTHER = 'client-other';

function record(version: number, writers: FieldWriters): TrackedRecord {
  return { entity: 'report', id: 'r-1', version, writers };
}

const wrongStatus: MutationError = {
  code: 'workflow/wrong-status',
  reasonKey: 'workflow.wrong_status',
  message: 'status moved',
};
const forbiddenRole: MutationError = {
  code: 'workflow/forbidden-role',
  reasonKey: 'workflow.role_not_allowed',
  message: 'no',
};
const writesStatus = ok({ writes: [{ entity: 'report' as const, id: 'r-1', fields: ['status'] }] });
const writesNothing = ok({ writes: [] });

/** Writers where `status` was set at 12 by `statusWriter` and the category at 8 by ME. */
const history = (statusWriter: string): TrackedRecord =>
  record(12, {
    categoryId: { v: 8, c: ME },
    status: { v: 12, c: statusWriter },
    [ANY_FIELD]: { v: 12, c: statusWriter },
  });

describe('classifyOutcome', () => {
  it.each([
    // [case, result, record, base, expected]
    [
      'refused, another client wrote since base',
      err(wrongStatus),
      history(OTHER),
      10,
      'superseded',
    ],
    [
      'refused, only the same client wrote since base',
      err(wrongStatus),
      history(ME),
      10,
      'rejected',
    ],
    ['refused, nobody wrote since base', err(wrongStatus), history(OTHER), 12, 'rejected'],
    [
      'refused permanently, another client wrote since base',
      err(forbiddenRole),
      history(OTHER),
      10,
      'rejected',
    ],
    [
      'accepted, a written field set by another client since base',
      writesStatus,
      history(OTHER),
      10,
      'superseded',
    ],
    [
      'accepted, a written field set by the same client since base',
      writesStatus,
      history(ME),
      10,
      'applied',
    ],
    [
      'accepted, a written field set by another client before base',
      writesStatus,
      history(OTHER),
      12,
      'applied',
    ],
    [
      'accepted, another client set a field it does not write',
      writesNothing,
      history(OTHER),
      10,
      'applied',
    ],
  ] as const)('%s → %s', (_case, result, tracked, baseVersion, expected) => {
    expect(classifyOutcome({ clientId: ME, baseVersion, result, records: [tracked] }).status).toBe(
      expected,
    );
  });

  it('keeps the mutator’s reason on a superseded refusal and names the fields of a conflict', () => {
    const refusedOutcome = classifyOutcome({
      clientId: ME,
      baseVersion: 10,
      result: err(wrongStatus),
      records: [history(OTHER)],
    });
    expect(refusedOutcome).toEqual({ status: 'superseded', error: wrongStatus });
    const conflict = classifyOutcome({
      clientId: ME,
      baseVersion: 10,
      result: writesStatus,
      records: [history(OTHER)],
    });
    expect(conflict).toMatchObject({
      status: 'superseded',
      error: { code: 'mutation/changed-meanwhile' },
    });
    expect(conflict.status === 'superseded' && conflict.error.message).toContain('status');
  });

  it('treats a write that left no writer record as someone else’s', () => {
    const untracked = record(15, { status: { v: 12, c: ME }, [ANY_FIELD]: { v: 12, c: ME } });
    expect(writtenByOthersSince(untracked, 10, ME)).toBe(true);
    expect(
      classifyOutcome({
        clientId: ME,
        baseVersion: 10,
        result: err(wrongStatus),
        records: [untracked],
      }).status,
    ).toBe('superseded');
    const tagsWrite = ok({ writes: [{ entity: 'report' as const, id: 'r-1', fields: ['tags'] }] });
    expect(
      classifyOutcome({ clientId: ME, baseVersion: 10, result: tagsWrite, records: [untracked] })
        .status,
    ).toBe('superseded');
    expect(
      classifyOutcome({ clientId: ME, baseVersion: 15, result: tagsWrite, records: [untracked] })
        .status,
    ).toBe('applied');
  });

  it('rejects a refusal on a record it could not see', () => {
    expect(
      classifyOutcome({ clientId: ME, baseVersion: 0, result: err(wrongStatus), records: [] })
        .status,
    ).toBe('rejected');
  });

  it('checks every record a mutation writes', () => {
    const responseTaken: TrackedRecord = {
      entity: 'response',
      id: 'resp-1',
      version: 20,
      writers: { state: { v: 20, c: OTHER }, [ANY_FIELD]: { v: 20, c: OTHER } },
    };
    const publish = ok({
      writes: [
        { entity: 'report' as const, id: 'r-1', fields: ['status'] },
        { entity: 'response' as const, id: 'resp-1', fields: ['state'] },
      ],
    });
    expect(
      classifyOutcome({
        clientId: ME,
        baseVersion: 12,
        result: publish,
        records: [history(OTHER), responseTaken],
      }).status,
    ).toBe('superseded');
  });
});

describe('recordWrite', () => {
  it('records the writer of each field and of the record as a whole', () => {
    expect(recordWrite({ tags: { v: 3, c: OTHER } }, ['status'], 9, ME)).toEqual({
      tags: { v: 3, c: OTHER },
      status: { v: 9, c: ME },
      [ANY_FIELD]: { v: 9, c: ME },
    });
  });
});

describe('isPermanentRefusal', () => {
  it('tells refusals about the arguments from refusals about the record’s state', () => {
    expect(isPermanentRefusal({ code: 'mutation/invalid-args' })).toBe(true);
    expect(
      isPermanentRefusal({
        code: 'workflow/missing-requirement',
        reasonKey: 'workflow.reason_required',
      }),
    ).toBe(true);
    expect(
      isPermanentRefusal({
        code: 'workflow/missing-requirement',
        reasonKey: 'workflow.extension_not_longer',
      }),
    ).toBe(false);
    expect(
      isPermanentRefusal({
        code: 'workflow/out-of-scope',
        reasonKey: 'workflow.target_outside_subtree',
      }),
    ).toBe(true);
    expect(
      isPermanentRefusal({
        code: 'workflow/out-of-scope',
        reasonKey: 'workflow.report_outside_subtree',
      }),
    ).toBe(false);
    expect(isPermanentRefusal({ code: 'mutation/wrong-state' })).toBe(false);
  });
});
