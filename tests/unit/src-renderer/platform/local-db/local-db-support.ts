// Helpers for the local database tests: a fresh fake IndexedDB per database, client ids, rows the
// contract suite does not build (responses), and closing everything a test opened.

import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import {
  openDexieLocalDb,
  type DexieLocalDb,
  type OpenLocalDbOptions,
} from '../../../../../src-renderer/platform/local-db/dexie-local-db';
import type { ReportResponse } from '../../../../../src-shared/domain/response';
import type {
  OutboxEntry,
  RecordKey,
  ReviewItem,
} from '../../../../../src-shared/sync/client/ports';
import type { Mutation, SyncRow } from '../../../../../src-shared/sync/protocol';

export const T0 = Date.UTC(2025, 1, 3, 2, 0, 0);

const opened: { close(): void }[] = [];
let clientCounter = 0;

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** Closes `db` when the test ends. */
export function track<T extends { close(): void }>(db: T): T {
  opened.push(db);
  return db;
}

export function testOptions(overrides: Partial<OpenLocalDbOptions> = {}): OpenLocalDbOptions {
  return {
    name: 'posko:test:u-1',
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    createClientId: () => `client-${String(++clientCounter).padStart(4, '0')}`,
    broadcast: false,
    now: () => T0,
    ...overrides,
  };
}

/** Opens a database that must open (fails the test otherwise); closed when the test ends. */
export async function openTestDb(
  overrides: Partial<OpenLocalDbOptions> = {},
): Promise<DexieLocalDb> {
  const result = await openDexieLocalDb(testOptions(overrides));
  if (!result.ok) throw new Error(`open failed: ${JSON.stringify(result.error)}`);
  return track(result.value);
}

export function responseRow(
  id: string,
  reportId: string,
  version: number,
  state: 'draft' | 'submitted' = 'submitted',
): SyncRow {
  const base = {
    id,
    reportId,
    agencyId: 'dinkes',
    authorId: 'u-1',
    body: 'Terima kasih, sedang kami tindak lanjuti.',
    createdAt: T0,
    updatedAt: T0,
    version,
  };
  const data: ReportResponse =
    state === 'submitted' ? { ...base, state, submittedAt: T0 } : { ...base, state };
  return { entity: 'response', id, version, data };
}

export function mutation(id: number, clientId = 'client-0001'): Mutation {
  return {
    clientId,
    id,
    name: 'report.setTags',
    args: { reportId: 'r-1', tags: [`t${String(id)}`] },
    baseVersion: 0,
    at: T0 + id,
  };
}

export function outboxEntry(id: number, keys: RecordKey[] = [], clientId?: string): OutboxEntry {
  return {
    mutation: mutation(id, clientId),
    state: 'pending',
    appliedVersion: null,
    keys,
    attempts: 0,
    holdUntil: 0,
  };
}

export function reviewItem(id: number, clientId = 'client-0001'): ReviewItem {
  return {
    id: `${clientId}:${String(id)}`,
    kind: 'rejected',
    mutation: mutation(id, clientId),
    error: { code: 'mutation/invalid', message: 'no', reasonKey: 'sync.rejected.invalid' },
    current: null,
    intended: null,
    at: T0 + id,
  };
}
