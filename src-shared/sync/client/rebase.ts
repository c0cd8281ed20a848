// Rebase: the local layers are always "server layer + the outbox's mutations replayed in id
// order". Run after anything that changes either side (a pull, a push answer, a dropped entry).

import type { PulledChange, SyncRow } from '../protocol';
import { effectOver, readKeys, type EffectEnv } from './local-effect';
import { recordKey, type OutboxEntry, type RecordKey, type StoreTx } from './ports';

/**
 * Clears the local layer of every key the outbox's entries (and `released`, the keys of entries
 * just removed) wrote, then replays the entries in id order, each at the time it was made. An
 * entry that no longer applies stays in the outbox (the server decides) with no local effect.
 */
export async function rebase(
  tx: StoreTx,
  env: EffectEnv,
  released: readonly RecordKey[] = [],
): Promise<void> {
  const entries = await tx.listOutbox();
  const cleared = new Set<RecordKey>(released);
  for (const entry of entries) for (const key of entry.keys) cleared.add(key);
  if (cleared.size === 0 && entries.length === 0) return;
  // One read of everything the replay touches, then the replay in memory (each entry sees what
  // the earlier ones left), then one write: a thousand pending changes rebase in one pass.
  const wanted = new Set<RecordKey>(cleared);
  for (const entry of entries) for (const key of readKeys(entry.mutation)) wanted.add(key);
  const records = new Map(await tx.getRecords([...wanted]));
  const local = new Map<RecordKey, SyncRow | null | undefined>();
  for (const key of cleared) {
    local.set(key, undefined);
    const server = records.get(key)?.server ?? null;
    records.set(key, { server, local: undefined });
  }
  const rekeyed: OutboxEntry[] = [];
  for (const entry of entries) {
    const effect = effectOver(records, entry.mutation, env, entry.mutation.at);
    const keys = effect.ok ? effect.value.keys : [];
    if (effect.ok) {
      for (const { key, row } of effect.value.rows) {
        local.set(key, row);
        records.set(key, { server: records.get(key)?.server ?? null, local: row });
      }
    }
    if (!sameKeys(keys, entry.keys)) rekeyed.push({ ...entry, keys });
  }
  if (local.size > 0) await tx.setLocal([...local].map(([key, row]) => ({ key, row })));
  if (rekeyed.length > 0) await tx.putOutbox(rekeyed);
}

function sameKeys(a: readonly RecordKey[], b: readonly RecordKey[]): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

/**
 * Whether pulled changes touch a record any entry reads or wrote (so its effect may differ). A
 * report's tombstone, which also drops the report's children, is caught by the report's key:
 * every entry that writes a report's children reads the report.
 */
export function touchesOutbox(
  entries: readonly OutboxEntry[],
  changes: readonly PulledChange[],
): boolean {
  if (entries.length === 0 || changes.length === 0) return false;
  const footprint = new Set<RecordKey>();
  for (const entry of entries) {
    for (const key of entry.keys) footprint.add(key);
    for (const key of readKeys(entry.mutation)) footprint.add(key);
  }
  return changes.some((change) => footprint.has(recordKey(change.entity, change.id)));
}
