import { describe, expect, it } from 'vitest';
import type { UserActor } from '../../../../../src-shared/domain/actor';
import {
  effectOver,
  readKeys,
  traceKey,
  type EffectEnv,
} from '../../../../../src-shared/sync/client/local-effect';
import {
  recordKey,
  type LayeredRecord,
  type RecordKey,
} from '../../../../../src-shared/sync/client/ports';
import type { Mutation } from '../../../../../src-shared/sync/protocol';
import {
  NOW,
  agencies,
  calendar,
  categories,
  disposedReport,
  response,
  user,
  users,
} from '../sync-fixtures';

const liaison = user('pejabat_penghubung', 'dinkes', 'u-penghubung') as UserActor;
const env: EffectEnv = {
  actor: liaison,
  reference: {
    agencies,
    calendar,
    categories: categories as unknown as EffectEnv['reference']['categories'],
    users: users as unknown as EffectEnv['reference']['users'],
  },
};

const base = { clientId: 'client-a', id: 7, baseVersion: 12, at: NOW };
const send = (publish: boolean): Mutation => ({
  ...base,
  name: 'response.send',
  args: { reportId: 'r-1', responseId: 'resp-9', body: 'Jalan sudah diperbaiki.', publish },
});
const approve = (publish?: boolean): Mutation => ({
  ...base,
  name: 'response.approve',
  args: { reportId: 'r-1', responseId: 'resp-1', ...(publish === undefined ? {} : { publish }) },
});

function records(withResponse: boolean): Map<RecordKey, LayeredRecord> {
  const report = disposedReport({ status: 'in_progress', version: 12 });
  const map = new Map<RecordKey, LayeredRecord>([
    [
      recordKey('report', 'r-1'),
      { server: { entity: 'report', id: 'r-1', version: 12, data: report }, local: undefined },
    ],
  ]);
  if (withResponse) {
    const submitted = response('submitted');
    map.set(recordKey('response', 'resp-1'), {
      server: { entity: 'response', id: 'resp-1', version: 3, data: submitted },
      local: undefined,
    });
  }
  return map;
}

describe('local effects of replies', () => {
  it('reads the report and the response a send names', () => {
    expect(readKeys(send(false))).toEqual(['report:r-1', 'response:resp-9']);
  });

  it('traces a published reply by its audit event, and a submitted one not at all', () => {
    expect(traceKey(send(true))).toBe('audit_event:client-a:7:audit');
    expect(traceKey(approve(true))).toBe('audit_event:client-a:7:audit');
    expect(traceKey(send(false))).toBeNull();
    expect(traceKey(approve())).toBeNull();
  });

  it('moves the local report to responded when a reply is published, so list rows follow', () => {
    const effect = effectOver(records(false), send(true), env, NOW);
    if (!effect.ok) throw new Error(effect.error.message);
    const report = effect.value.rows.find((r) => r.key === 'report:r-1')?.row;
    expect(report).toMatchObject({ entity: 'report', version: 12 });
    expect(report?.data).toMatchObject({ status: 'responded', respondedAt: NOW });
    expect(effect.value.rows.find((r) => r.key === 'response:resp-9')?.row?.data).toMatchObject({
      state: 'published',
    });
    expect(effect.value.keys).toContain('audit_event:client-a:7:audit');
  });

  it('does the same for an approval that publishes, and leaves the report for one that does not', () => {
    const published = effectOver(records(true), approve(true), env, NOW);
    if (!published.ok) throw new Error(published.error.message);
    expect(published.value.keys).toContain('report:r-1');
    const approved = effectOver(records(true), approve(false), env, NOW);
    if (!approved.ok) throw new Error(approved.error.message);
    expect(approved.value.keys).toEqual(['response:resp-1']);
  });
});
