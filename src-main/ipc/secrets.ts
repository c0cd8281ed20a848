// secrets:get/set/delete — the session token of each server profile, encrypted with the OS keystore
// (safeStorage) in userData/secrets/. Where the OS offers no real keystore, it refuses rather than
// keeping the token in plaintext.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SafeStorage } from 'electron';
import { ProfileIdSchema } from '../../src-shared/bridge';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { Logger } from '../log';
import type { BridgeHandlers } from './registry';

export const SECRETS_DIR_NAME = 'secrets';

export const SecretsErrorCode = {
  unavailable: 'secrets/unavailable',
  invalidProfile: 'secrets/invalid-profile',
  storageFailed: 'secrets/storage-failed',
} as const;

/** The non-deprecated (async) safeStorage API; the sync one is deprecated in Electron 45. */
export type SafeStorageLike = Pick<
  SafeStorage,
  | 'isAsyncEncryptionAvailable'
  | 'encryptStringAsync'
  | 'decryptStringAsync'
  | 'getSelectedStorageBackend'
>;

/** Linux backends that are not a keystore: 'basic_text' encrypts with a hard-coded key. */
const UNSAFE_LINUX_BACKENDS: ReadonlySet<string> = new Set(['basic_text', 'unknown']);

/** Can tokens be stored safely on this system? The error says what the operator can do. */
export async function checkEncryption(
  safeStorage: SafeStorageLike,
  platform: string,
): Promise<Result<null>> {
  if (!(await safeStorage.isAsyncEncryptionAvailable())) {
    return err(
      appError(
        SecretsErrorCode.unavailable,
        'This computer offers no secure key storage, so Posko cannot remember your login. ' +
          'You will need to log in each time you start the app.',
      ),
    );
  }
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (UNSAFE_LINUX_BACKENDS.has(backend)) {
      return err(
        appError(
          SecretsErrorCode.unavailable,
          `No system keyring is available (backend: ${backend}), so Posko cannot remember your ` +
            'login safely. Install or unlock GNOME Keyring or KWallet, or log in each time.',
        ),
      );
    }
  }
  return ok(null);
}

/**
 * Pure: the file that holds a profile's token. The id is validated again here (defence in depth),
 * then hashed, so the name is safe on every file system: no ':' (NTFS streams), no case collisions
 * on case-insensitive disks, no length surprises.
 */
export function secretFileName(profileId: string): Result<string> {
  const parsed = ProfileIdSchema.safeParse(profileId);
  if (!parsed.success || profileId === '.' || profileId === '..') {
    return err(appError(SecretsErrorCode.invalidProfile, 'The profile id is not valid.'));
  }
  return ok(`${createHash('sha256').update(profileId, 'utf8').digest('hex')}.token`);
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}

function storageFailed(action: string, error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return err(
    appError(SecretsErrorCode.storageFailed, `The login could not be ${action}: ${reason}`),
  );
}

export interface SecretsDeps {
  /** userData/secrets */
  readonly dir: string;
  readonly safeStorage: SafeStorageLike;
  readonly platform: string;
  readonly log: Logger;
}

export function secretsHandlers(
  deps: SecretsDeps,
): Pick<BridgeHandlers, 'secrets:get' | 'secrets:set' | 'secrets:delete'> {
  const { dir, safeStorage, platform, log } = deps;
  const fileFor = (profileId: string): Result<string> => {
    const name = secretFileName(profileId);
    return name.ok ? ok(path.join(dir, name.value)) : name;
  };
  const store = async (file: string, token: string): Promise<Result<null>> => {
    // Write then rename, so a crash never leaves half a token behind.
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const encrypted = await safeStorage.encryptStringAsync(token);
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(temporary, encrypted, { mode: 0o600 });
      await rename(temporary, file);
    } catch (error) {
      log.error('login could not be stored', { error });
      await rm(temporary, { force: true }).catch(() => undefined);
      return storageFailed('stored', error);
    }
    return ok(null);
  };

  return {
    'secrets:get': async ({ profileId }) => {
      const file = fileFor(profileId);
      if (!file.ok) return file;
      const available = await checkEncryption(safeStorage, platform);
      if (!available.ok) return available;
      let encrypted: Buffer;
      try {
        encrypted = await readFile(file.value);
      } catch (error) {
        if (isMissingFile(error)) return ok({ token: null });
        return storageFailed('read', error);
      }
      let decrypted: { result: string; shouldReEncrypt: boolean };
      try {
        decrypted = await safeStorage.decryptStringAsync(encrypted);
      } catch (error) {
        // A token encrypted under another OS account or keyring is useless: forget it, log in again.
        log.warn('stored login could not be decrypted; discarding it', { error });
        await rm(file.value, { force: true }).catch((rmError: unknown) => {
          log.warn('undecryptable login could not be removed', { error: rmError });
        });
        return ok({ token: null });
      }
      if (decrypted.shouldReEncrypt) {
        // The keystore rotated its key: store the token again under the new one.
        const restored = await store(file.value, decrypted.result);
        if (!restored.ok) log.warn('login could not be re-encrypted; keeping the old copy');
      }
      return ok({ token: decrypted.result });
    },

    'secrets:set': async ({ profileId, token }) => {
      const file = fileFor(profileId);
      if (!file.ok) return file;
      const available = await checkEncryption(safeStorage, platform);
      if (!available.ok) return available;
      return store(file.value, token);
    },

    // Deleting needs no keystore: forgetting a login is always allowed.
    'secrets:delete': async ({ profileId }) => {
      const file = fileFor(profileId);
      if (!file.ok) return file;
      try {
        await rm(file.value, { force: true });
      } catch (error) {
        log.error('stored login could not be deleted', { error });
        return storageFailed('deleted', error);
      }
      return ok(null);
    },
  };
}
