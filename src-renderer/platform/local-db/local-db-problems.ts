// Failures of the local database as values (ARCHITECTURE.md: "expected, not exceptional"): the
// IndexedDB / Dexie errors that mean the disk is full, the database cannot be opened, another
// window holds an old version, or the database went away under us, each with an i18n key.

import type { LocalStoreProblem } from '../../sync/inbox-service';

export const localDbMessageKeys = {
  'local/quota-exceeded': 'localDb.problem.quota',
  'local/open-failed': 'localDb.problem.openFailed',
  'local/blocked': 'localDb.problem.blocked',
  'local/deleted': 'localDb.problem.deleted',
  'local/version-too-new': 'localDb.problem.versionTooNew',
} as const satisfies Record<LocalStoreProblem['code'], string>;

/** The key of the explanation when an outbox export handed to recovery cannot be read. */
export const EXPORT_UNREADABLE_MESSAGE_KEY = 'localDb.problem.exportUnreadable';

export function localStoreProblem(
  code: LocalStoreProblem['code'],
  detail: string,
): LocalStoreProblem {
  return { code, messageKey: localDbMessageKeys[code], detail };
}

/** Thrown by the LocalStore port (whose methods return plain promises) for an expected failure. */
export class LocalStoreError extends Error {
  override readonly name = 'LocalStoreError';
  constructor(readonly problem: LocalStoreProblem) {
    super(`${problem.code}: ${problem.detail}`);
  }
}

interface NamedError {
  readonly name: string;
  readonly message: string;
}

/** The error and the errors it wraps (Dexie's `inner`, `cause`), outermost first. */
function errorChain(error: unknown): NamedError[] {
  const chain: NamedError[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === 'object' && current !== null; depth++) {
    const { name, message } = current as { name?: unknown; message?: unknown };
    chain.push({
      name: typeof name === 'string' ? name : '',
      message: typeof message === 'string' ? message : '',
    });
    const { inner, cause } = current as { inner?: unknown; cause?: unknown };
    current = inner ?? cause;
  }
  return chain;
}

const OPEN_FAILURES = new Set([
  'UnknownError',
  'InvalidStateError',
  'OpenFailedError',
  'MissingAPIError',
  'NotFoundError',
  'DataError',
]);

/**
 * The problem an error means, or null when it is not an expected storage failure (a bug: let it
 * surface). `phase` open: the error came while opening; use: while reading or writing.
 */
export function localStoreProblemOf(
  error: unknown,
  phase: 'open' | 'use' = 'use',
): LocalStoreProblem | null {
  if (error instanceof LocalStoreError) return error.problem;
  const chain = errorChain(error);
  const detail = chain.map((e) => `${e.name}: ${e.message}`).join(' ← ');
  const has = (test: (e: NamedError) => boolean): boolean => chain.some(test);
  if (has((e) => e.name === 'QuotaExceededError' || e.name === 'QuotaExceeded')) {
    return localStoreProblem('local/quota-exceeded', detail);
  }
  if (has((e) => e.name === 'VersionError')) {
    return localStoreProblem('local/version-too-new', detail);
  }
  if (has((e) => e.name === 'DatabaseClosedError')) {
    return localStoreProblem(phase === 'open' ? 'local/open-failed' : 'local/deleted', detail);
  }
  if (has((e) => OPEN_FAILURES.has(e.name) || /backing store/i.test(e.message))) {
    return localStoreProblem('local/open-failed', detail);
  }
  return null;
}
