import { describe, expect, it } from 'vitest';
import {
  MAX_LOCAL_DRAFTS,
  createReplyDraftStore,
  type LocalReplyDraft,
} from '../../../../../src-renderer/features/reply/reply-draft-store';
import { MemoryStorage } from '../../../../support/memory-storage';

const draft = (overrides: Partial<LocalReplyDraft> = {}): LocalReplyDraft => ({
  responseId: 'resp-1',
  templateId: 'tpl-1',
  source: 'Yth. {{pelapor.sapaan}}, laporan {{laporan.nomor}} kami terima.',
  fills: { 'petugas.nama': 'Budi Santoso' },
  updatedAt: 1000,
  ...overrides,
});

/** The one key a store wrote (the key format is the store's business). */
function onlyKey(storage: Storage): string {
  expect(storage.length).toBe(1);
  return storage.key(0) ?? '';
}

describe('reply draft store', () => {
  it('keeps a draft per profile and report until it is removed', () => {
    const storage = new MemoryStorage();
    const store = createReplyDraftStore(storage);
    expect(store.save('u-op', 'r-1', draft())).toBe(true);
    expect(store.load('u-op', 'r-1')).toEqual(draft());
    expect(store.load('u-op', 'r-2')).toBeNull();
    expect(store.load('u-other', 'r-1')).toBeNull();
    // A new store on the same storage (a reload) reads it back.
    expect(createReplyDraftStore(storage).load('u-op', 'r-1')).toEqual(draft());
    store.remove('u-op', 'r-1');
    expect(store.load('u-op', 'r-1')).toBeNull();
    expect(storage.length).toBe(0);
  });

  it('keeps the reviewer comment of a returned response with the draft', () => {
    const store = createReplyDraftStore(new MemoryStorage());
    store.save('u-op', 'r-1', draft({ returnComment: 'Lengkapi jadwal perbaikan.' }));
    expect(store.load('u-op', 'r-1')?.returnComment).toBe('Lengkapi jadwal perbaikan.');
  });

  it('ignores and drops an entry that is not JSON or not a draft', () => {
    const storage = new MemoryStorage();
    const store = createReplyDraftStore(storage);
    store.save('u-op', 'r-1', draft());
    const key = onlyKey(storage);

    storage.setItem(key, '{"responseId": "resp-1", "source": ');
    expect(store.load('u-op', 'r-1')).toBeNull();
    expect(storage.getItem(key)).toBeNull();

    storage.setItem(key, JSON.stringify({ ...draft(), fills: ['not', 'a', 'record'] }));
    expect(store.load('u-op', 'r-1')).toBeNull();
    expect(storage.getItem(key)).toBeNull();
  });

  it('refuses to store a draft beyond its bounds', () => {
    const storage = new MemoryStorage();
    const store = createReplyDraftStore(storage);
    expect(store.save('u-op', 'r-1', draft({ source: 'x'.repeat(20_001) }))).toBe(false);
    expect(storage.length).toBe(0);
  });

  it('keeps the newest drafts of a profile when there are too many', () => {
    const storage = new MemoryStorage();
    const store = createReplyDraftStore(storage);
    store.save('u-other', 'r-keep', draft({ updatedAt: 1 }));
    for (let i = 0; i <= MAX_LOCAL_DRAFTS; i++) {
      store.save('u-op', `r-${String(i)}`, draft({ updatedAt: 10 + i }));
    }
    expect(store.load('u-op', 'r-0')).toBeNull();
    expect(store.load('u-op', 'r-1')).not.toBeNull();
    expect(store.load('u-op', `r-${String(MAX_LOCAL_DRAFTS)}`)).not.toBeNull();
    // Another profile's drafts are not counted against this one.
    expect(store.load('u-other', 'r-keep')).not.toBeNull();
  });

  it('answers false when the device refuses to store, and never throws', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const store = createReplyDraftStore(storage);
    expect(store.save('u-op', 'r-1', draft())).toBe(false);
    expect(store.load('u-op', 'r-1')).toBeNull();
    expect(createReplyDraftStore(null).save('u-op', 'r-1', draft())).toBe(false);
  });
});
