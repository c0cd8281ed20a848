// Deciding a pushed mutation's outcome (docs/server-design.md, "Sync semantics"): applied,
// superseded (the record moved on under the operator) or rejected (invalid or forbidden). Pure, so
// the rule is tested on its own and the client can explain an outcome the same way.

import type { Result } from '../result';
import { isPermanentRefusal, type MutationError } from './mutation-error';
import type { FieldWrite } from './mutators';

/** The last write of one field: at version `v`, by client `c` (or `system`, `citizen`). */
export interface FieldWriter {
  readonly v: number;
  readonly c: string;
}
export type FieldWriters = Readonly<Record<string, FieldWriter>>;

/** The key under which every write records itself, whatever fields it set. */
export const ANY_FIELD = '*';

/** A record a mutation touches, as the server has it now. */
export interface TrackedRecord {
  readonly entity: FieldWrite['entity'];
  readonly id: string;
  readonly version: number;
  readonly writers: FieldWriters;
}

export type Outcome =
  | { readonly status: 'applied' }
  | { readonly status: 'superseded'; readonly error: MutationError }
  | { readonly status: 'rejected'; readonly error: MutationError };

export interface OutcomeInput {
  readonly clientId: string;
  readonly baseVersion: number;
  /** The mutator's verdict on the record as it is now. */
  readonly result: Result<{ readonly writes: readonly FieldWrite[] }, MutationError>;
  /** The records the mutation read, as they are now (absent ones left out). */
  readonly records: readonly TrackedRecord[];
}

/**
 * Whether anyone but `clientId` wrote the record after `baseVersion`. A record whose current
 * version was written by a writer that left no trace (`*` older than the record) counts as
 * written by someone else: unknown writers are never assumed to be the caller.
 */
export function writtenByOthersSince(
  record: TrackedRecord,
  baseVersion: number,
  clientId: string,
): boolean {
  if (record.version <= baseVersion) return false;
  if (record.writers[ANY_FIELD]?.v !== record.version) return true;
  return Object.values(record.writers).some((w) => w.v > baseVersion && w.c !== clientId);
}

/** The fields of `write` that someone else set after `baseVersion`. */
export function conflictingFields(
  write: FieldWrite,
  record: TrackedRecord | undefined,
  baseVersion: number,
  clientId: string,
): string[] {
  if (record === undefined || record.version <= baseVersion) return [];
  const unknownWriter = record.writers[ANY_FIELD]?.v !== record.version;
  return write.fields.filter((field) => {
    const writer = record.writers[field];
    if (writer !== undefined) return writer.v > baseVersion && writer.c !== clientId;
    // A field with no recorded writer was last set by an untracked write, if any was recent.
    return unknownWriter;
  });
}

/**
 * - refused, for a reason about the record's state, and someone else wrote it since the base
 *   version → superseded (the operator acted on a state that moved on);
 * - refused otherwise → rejected;
 * - accepted, but a field it sets was set by someone else since the base version → superseded;
 * - otherwise → applied.
 */
export function classifyOutcome(input: OutcomeInput): Outcome {
  const { clientId, baseVersion, result, records } = input;
  if (!result.ok) {
    const movedOn =
      !isPermanentRefusal(result.error) &&
      records.some((record) => writtenByOthersSince(record, baseVersion, clientId));
    return movedOn
      ? { status: 'superseded', error: result.error }
      : { status: 'rejected', error: result.error };
  }
  for (const write of result.value.writes) {
    const record = records.find((r) => r.entity === write.entity && r.id === write.id);
    const fields = conflictingFields(write, record, baseVersion, clientId);
    if (fields.length > 0) {
      return {
        status: 'superseded',
        error: {
          code: 'mutation/changed-meanwhile',
          reasonKey: 'mutation.changed_meanwhile',
          message: `Changed by someone else since version ${String(baseVersion)}: ${fields.join(', ')}`,
        },
      };
    }
  }
  return { status: 'applied' };
}

/** The writers after a write of `fields` at `version` by `writer`. */
export function recordWrite(
  writers: FieldWriters,
  fields: readonly string[],
  version: number,
  writer: string,
): FieldWriters {
  const next: Record<string, FieldWriter> = { ...writers };
  for (const field of [...fields, ANY_FIELD]) next[field] = { v: version, c: writer };
  return next;
}
