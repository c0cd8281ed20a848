import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { recordingLogger } from '../../../../src-main/log';
import type { IpcContext } from '../../../../src-main/ipc/registry';
import {
  checkEncryption,
  secretFileName,
  secretsHandlers,
  type SafeStorageLike,
} from '../../../../src-main/ipc/secrets';

const ctx = {} as IpcContext;
const TOKEN = 'sess_9f8e7d6c5b4a-rahasia';

type Backend = ReturnType<SafeStorageLike['getSelectedStorageBackend']>;

/** A stand-in keystore: XOR with a key, so stored bytes are not the token. */
function fakeSafeStorage(
  options: { available?: boolean; backend?: Backend; reEncrypt?: boolean } = {},
) {
  const key = 0x5a;
  const xor = (bytes: Buffer) => Buffer.from(bytes.map((byte) => byte ^ key));
  return {
    isAsyncEncryptionAvailable: vi.fn(() => Promise.resolve(options.available ?? true)),
    getSelectedStorageBackend: vi.fn((): Backend => options.backend ?? 'gnome_libsecret'),
    encryptStringAsync: vi.fn((plain: string) =>
      Promise.resolve(xor(Buffer.from(`v1:${plain}`, 'utf8'))),
    ),
    decryptStringAsync: vi.fn((encrypted: Buffer) => {
      const plain = xor(encrypted).toString('utf8');
      if (!plain.startsWith('v1:'))
        return Promise.reject(new Error('Error while decrypting the ciphertext'));
      return Promise.resolve({
        result: plain.slice(3),
        shouldReEncrypt: options.reEncrypt ?? false,
      });
    }),
  } satisfies SafeStorageLike;
}

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'posko-secrets-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function handlersWith(safeStorage: SafeStorageLike, platform = 'linux', log = recordingLogger()) {
  return secretsHandlers({ dir: path.join(dir, 'secrets'), safeStorage, platform, log });
}

describe('checkEncryption', () => {
  it('refuses when the OS offers no encryption', async () => {
    const result = await checkEncryption(fakeSafeStorage({ available: false }), 'win32');

    expect(result).toMatchObject({ ok: false, error: { code: 'secrets/unavailable' } });
  });

  it.each(['basic_text', 'unknown'] as const)(
    'refuses the Linux %s backend, which is no keystore',
    async (backend) => {
      const result = await checkEncryption(fakeSafeStorage({ backend }), 'linux');

      expect(result).toMatchObject({ ok: false, error: { code: 'secrets/unavailable' } });
      if (!result.ok) expect(result.error.message).toContain(backend);
    },
  );

  it('accepts a real Linux keyring', async () => {
    expect(await checkEncryption(fakeSafeStorage({ backend: 'kwallet6' }), 'linux')).toEqual({
      ok: true,
      value: null,
    });
  });

  it('does not ask for a Linux backend on other platforms', async () => {
    const safeStorage = fakeSafeStorage();

    expect((await checkEncryption(safeStorage, 'darwin')).ok).toBe(true);
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });
});

describe('secretFileName', () => {
  it('derives a hex file name that never contains the id', () => {
    const name = secretFileName('lapor.go.id:operator@dinsos');

    expect(name.ok && name.value).toMatch(/^[0-9a-f]{64}\.token$/);
  });

  it('gives ids that differ only in case different files', () => {
    const upper = secretFileName('Profile-A');
    const lower = secretFileName('profile-a');

    expect(upper.ok && lower.ok && upper.value !== lower.value).toBe(true);
  });

  it.each(['..', '.', '', '../x', 'a/b', 'a\\b', 'a\u0000b', 'x'.repeat(201)])(
    'refuses the id %j',
    (id) => {
      expect(secretFileName(id)).toMatchObject({
        ok: false,
        error: { code: 'secrets/invalid-profile' },
      });
    },
  );
});

describe('secretsHandlers', () => {
  it('round-trips a token per profile through the keystore', async () => {
    const handlers = handlersWith(fakeSafeStorage());

    expect(await handlers['secrets:set']({ profileId: 'srv1:ani', token: TOKEN }, ctx)).toEqual({
      ok: true,
      value: null,
    });
    expect(await handlers['secrets:set']({ profileId: 'srv1:budi', token: 'other' }, ctx)).toEqual({
      ok: true,
      value: null,
    });

    expect(await handlers['secrets:get']({ profileId: 'srv1:ani' }, ctx)).toEqual({
      ok: true,
      value: { token: TOKEN },
    });
    expect(await handlers['secrets:get']({ profileId: 'srv1:budi' }, ctx)).toEqual({
      ok: true,
      value: { token: 'other' },
    });
  });

  it('never writes the token in plaintext, and keeps the file private', async () => {
    const handlers = handlersWith(fakeSafeStorage());

    await handlers['secrets:set']({ profileId: 'srv1:ani', token: TOKEN }, ctx);

    const files = await readdir(path.join(dir, 'secrets'));
    expect(files).toHaveLength(1);
    const file = path.join(dir, 'secrets', files[0]!);
    expect((await readFile(file)).toString('utf8')).not.toContain(TOKEN);
    expect(files[0]).not.toContain('ani');
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o077).toBe(0);
  });

  it('answers null for a profile with no stored token', async () => {
    const handlers = handlersWith(fakeSafeStorage());

    expect(await handlers['secrets:get']({ profileId: 'nobody' }, ctx)).toEqual({
      ok: true,
      value: { token: null },
    });
  });

  it('replaces the token on a second set', async () => {
    const handlers = handlersWith(fakeSafeStorage());

    await handlers['secrets:set']({ profileId: 'p1', token: 'first' }, ctx);
    await handlers['secrets:set']({ profileId: 'p1', token: 'second' }, ctx);

    expect(await handlers['secrets:get']({ profileId: 'p1' }, ctx)).toEqual({
      ok: true,
      value: { token: 'second' },
    });
    expect(await readdir(path.join(dir, 'secrets'))).toHaveLength(1);
  });

  it('deletes a token, and deleting a missing one is fine', async () => {
    const handlers = handlersWith(fakeSafeStorage());
    await handlers['secrets:set']({ profileId: 'p1', token: TOKEN }, ctx);

    expect(await handlers['secrets:delete']({ profileId: 'p1' }, ctx)).toEqual({
      ok: true,
      value: null,
    });
    expect(await handlers['secrets:delete']({ profileId: 'p1' }, ctx)).toEqual({
      ok: true,
      value: null,
    });
    expect(await handlers['secrets:get']({ profileId: 'p1' }, ctx)).toEqual({
      ok: true,
      value: { token: null },
    });
  });

  it('refuses to store without encryption and writes nothing', async () => {
    const safeStorage = fakeSafeStorage({ available: false });
    const handlers = handlersWith(safeStorage);

    const result = await handlers['secrets:set']({ profileId: 'p1', token: TOKEN }, ctx);

    expect(result).toMatchObject({ ok: false, error: { code: 'secrets/unavailable' } });
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
    await expect(readdir(path.join(dir, 'secrets'))).rejects.toThrow();
  });

  it('refuses to store with the Linux basic_text backend', async () => {
    const handlers = handlersWith(fakeSafeStorage({ backend: 'basic_text' }), 'linux');

    const result = await handlers['secrets:set']({ profileId: 'p1', token: TOKEN }, ctx);

    expect(result).toMatchObject({ ok: false, error: { code: 'secrets/unavailable' } });
    await expect(readdir(path.join(dir, 'secrets'))).rejects.toThrow();
  });

  it('refuses to read without encryption', async () => {
    const handlers = handlersWith(fakeSafeStorage({ available: false }));

    expect(await handlers['secrets:get']({ profileId: 'p1' }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'secrets/unavailable' },
    });
  });

  it('still deletes without encryption: forgetting a login is always allowed', async () => {
    await handlersWith(fakeSafeStorage())['secrets:set']({ profileId: 'p1', token: TOKEN }, ctx);

    const result = await handlersWith(fakeSafeStorage({ available: false }))['secrets:delete'](
      { profileId: 'p1' },
      ctx,
    );

    expect(result).toEqual({ ok: true, value: null });
    expect(await readdir(path.join(dir, 'secrets'))).toEqual([]);
  });

  it('discards a token it cannot decrypt and answers null, so the operator logs in again', async () => {
    const log = recordingLogger();
    const handlers = handlersWith(fakeSafeStorage(), 'linux', log);
    await handlers['secrets:set']({ profileId: 'p1', token: TOKEN }, ctx);
    const [file] = await readdir(path.join(dir, 'secrets'));
    await writeFile(path.join(dir, 'secrets', file!), Buffer.from('garbage'));

    expect(await handlers['secrets:get']({ profileId: 'p1' }, ctx)).toEqual({
      ok: true,
      value: { token: null },
    });
    expect(await readdir(path.join(dir, 'secrets'))).toEqual([]);
    expect(log.entries.some((entry) => entry.level === 'warn')).toBe(true);
  });

  it('re-encrypts a token when the keystore asks for it', async () => {
    const safeStorage = fakeSafeStorage({ reEncrypt: true });
    const handlers = handlersWith(safeStorage);
    await handlers['secrets:set']({ profileId: 'p1', token: TOKEN }, ctx);

    expect(await handlers['secrets:get']({ profileId: 'p1' }, ctx)).toEqual({
      ok: true,
      value: { token: TOKEN },
    });
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(2);
    expect(safeStorage.encryptStringAsync).toHaveBeenLastCalledWith(TOKEN);
  });

  it('refuses an unsafe profile id even if it got past the bridge', async () => {
    const handlers = handlersWith(fakeSafeStorage());

    const result = await handlers['secrets:set']({ profileId: '..', token: TOKEN }, ctx);

    expect(result).toMatchObject({ ok: false, error: { code: 'secrets/invalid-profile' } });
  });

  it('reports a storage failure as a value and leaves no temporary file', async () => {
    const safeStorage = fakeSafeStorage();
    safeStorage.encryptStringAsync.mockRejectedValueOnce(new Error('keychain locked'));
    const handlers = handlersWith(safeStorage);

    const result = await handlers['secrets:set']({ profileId: 'p1', token: TOKEN }, ctx);

    expect(result).toMatchObject({ ok: false, error: { code: 'secrets/storage-failed' } });
    const files = await readdir(path.join(dir, 'secrets')).catch(() => []);
    expect(files).toEqual([]);
  });
});
