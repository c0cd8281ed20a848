import { describe, expect, it } from 'vitest';
import {
  forgetProfile,
  lastProfileId,
  loadProfiles,
  normalizeServerUrl,
  profileIdFor,
  saveProfile,
  type ServerProfile,
} from '../../../../../src-renderer/features/auth/server-profile';
import { ProfileIdSchema } from '../../../../../src-shared/bridge';
import { MemoryStorage } from '../../../../support/memory-storage';

const user = {
  id: 'u1',
  username: 'admin',
  displayName: 'Admin',
  role: 'admin_instansi',
  agencyId: 'a1',
} as const;
const profile = (id: string, serverUrl = 'http://127.0.0.1:8787'): ServerProfile => ({
  id,
  serverUrl,
  username: 'admin',
  user,
  lastUsedAt: 1,
});

describe('server profiles', () => {
  it('normalizes a typed server address to its origin and path without a trailing slash', () => {
    expect(normalizeServerUrl(' https://lapor.example.go.id/ ')).toBe(
      'https://lapor.example.go.id',
    );
    expect(normalizeServerUrl('http://127.0.0.1:8787/posko/')).toBe('http://127.0.0.1:8787/posko');
  });

  it('refuses addresses that are not http(s) servers or carry credentials', () => {
    expect(normalizeServerUrl('')).toBeNull();
    expect(normalizeServerUrl('lapor.go.id')).toBeNull();
    expect(normalizeServerUrl('ftp://lapor.go.id')).toBeNull();
    expect(normalizeServerUrl('javascript:alert(1)')).toBeNull();
    expect(normalizeServerUrl('https://user:pw@lapor.go.id')).toBeNull();
  });

  it('derives profile ids the bridge accepts, distinct per server and user', () => {
    const a = profileIdFor('https://lapor.go.id', 'admin');
    const b = profileIdFor('https://lapor.go.id', 'operator');
    const c = profileIdFor('http://127.0.0.1:8787/sub path', 'admin');
    expect(new Set([a, b, c]).size).toBe(3);
    for (const id of [a, b, c]) expect(ProfileIdSchema.safeParse(id).success).toBe(true);
  });

  it('remembers the most recent profile first and as the last used one', () => {
    const storage = new MemoryStorage();
    saveProfile(storage, profile('one'));
    saveProfile(storage, profile('two'));
    saveProfile(storage, profile('one'));
    expect(loadProfiles(storage).map((p) => p.id)).toEqual(['one', 'two']);
    expect(lastProfileId(storage)).toBe('one');
    forgetProfile(storage, 'one');
    expect(loadProfiles(storage).map((p) => p.id)).toEqual(['two']);
    expect(lastProfileId(storage)).toBeNull();
  });

  it('drops damaged stored entries instead of failing', () => {
    const storage = new MemoryStorage();
    storage.setItem('posko.profiles', '{not json');
    expect(loadProfiles(storage)).toEqual([]);
    storage.setItem('posko.profiles', JSON.stringify([{ id: 'x' }, profile('ok')]));
    expect(loadProfiles(storage).map((p) => p.id)).toEqual(['ok']);
  });
});
