// The reply composer's drafts on this device: what the operator was writing for a report (template,
// source, fills), saved as they type so a reload, a crash or a day offline loses nothing. One
// storage key per draft (a save rewrites only its own), at most MAX_LOCAL_DRAFTS per profile, and
// anything unreadable (edited by hand, an older shape, a full disk) is dropped, never thrown.
import { z } from 'zod';
import { EntityIdSchema } from '../../../src-shared/domain/entity-id';
import { MAX_TEMPLATE_LENGTH } from '../../../src-shared/domain/templating/template-syntax';
import { localStorageOrNull } from '../../platform/local-storage';

// ---------------------------------------------------------------------------------------------
// Types

/** Drafts kept per profile; the oldest go first (a draft left for weeks has long been synced). */
export const MAX_LOCAL_DRAFTS = 50;
/** Bounds of one draft, so a damaged or hostile entry cannot grow without limit. */
const MAX_FILLS = 100;
const MAX_FILL_LENGTH = 2000;

const KEY_PREFIX = 'posko.replyDraft.';

const LocalReplyDraftSchema = z.strictObject({
  /** The response it becomes: an existing draft/returned one, or a new id chosen on opening. */
  responseId: EntityIdSchema,
  /** The library template it started from (null: written from scratch or a synced draft). */
  templateId: EntityIdSchema.nullable(),
  source: z.string().max(MAX_TEMPLATE_LENGTH),
  /** The operator's values for variables the report leaves empty, by variable name. */
  fills: z
    .record(z.string().max(200), z.string().max(MAX_FILL_LENGTH))
    .refine((fills) => Object.keys(fills).length <= MAX_FILLS, 'Too many fills'),
  /** The reviewer's comment of the returned response it continues (saving a draft clears it). */
  returnComment: z.string().max(2000).optional(),
  updatedAt: z.number().int().nonnegative(),
});
export type LocalReplyDraft = z.infer<typeof LocalReplyDraftSchema>;

export interface ReplyDraftStore {
  /** The draft for a report, or null when there is none or it cannot be read (then removed). */
  load(scope: string, reportId: string): LocalReplyDraft | null;
  /** false when the device refused to store it (full, blocked): the caller says so. */
  save(scope: string, reportId: string, draft: LocalReplyDraft): boolean;
  remove(scope: string, reportId: string): void;
}

// ---------------------------------------------------------------------------------------------
// Storage

function scopePrefix(scope: string): string {
  return `${KEY_PREFIX}${encodeURIComponent(scope)}:`;
}

function keyOf(scope: string, reportId: string): string {
  return scopePrefix(scope) + encodeURIComponent(reportId);
}

function parseDraft(raw: string | null): LocalReplyDraft | null {
  if (raw === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const parsed = LocalReplyDraftSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Every key of `scope`'s drafts. Storage may change while we read it, so collect first. */
function scopeKeys(storage: Storage, scope: string): string[] {
  const prefix = scopePrefix(scope);
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix) === true) keys.push(key);
  }
  return keys;
}

/** Removes the oldest drafts of `scope` beyond the limit (unreadable ones first). */
function evict(storage: Storage, scope: string, keep: string): void {
  const keys = scopeKeys(storage, scope);
  if (keys.length <= MAX_LOCAL_DRAFTS) return;
  const aged = keys
    .filter((key) => key !== keep)
    .map((key) => ({ key, at: parseDraft(storage.getItem(key))?.updatedAt ?? -1 }))
    .sort((a, b) => a.at - b.at);
  for (const { key } of aged.slice(0, keys.length - MAX_LOCAL_DRAFTS)) storage.removeItem(key);
}

/** Drafts in `storage` (the page's localStorage in the app; null: nothing is kept). */
export function createReplyDraftStore(storage: Storage | null): ReplyDraftStore {
  return {
    load(scope, reportId) {
      if (storage === null) return null;
      const key = keyOf(scope, reportId);
      try {
        const raw = storage.getItem(key);
        const draft = parseDraft(raw);
        if (draft === null && raw !== null) storage.removeItem(key);
        return draft;
      } catch {
        return null;
      }
    },
    save(scope, reportId, draft) {
      if (storage === null) return false;
      const parsed = LocalReplyDraftSchema.safeParse(draft);
      if (!parsed.success) return false;
      const key = keyOf(scope, reportId);
      try {
        storage.setItem(key, JSON.stringify(parsed.data));
        evict(storage, scope, key);
        return true;
      } catch {
        // QuotaExceededError or storage disabled: the synced draft still goes out.
        return false;
      }
    },
    remove(scope, reportId) {
      try {
        storage?.removeItem(keyOf(scope, reportId));
      } catch {
        // Nothing to do: an unreadable entry is dropped on its next load.
      }
    },
  };
}

let defaultStore: ReplyDraftStore | null = null;

/** The app's draft store, on the page's localStorage. */
export function replyDraftStore(): ReplyDraftStore {
  defaultStore ??= createReplyDraftStore(localStorageOrNull());
  return defaultStore;
}
