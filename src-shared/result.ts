// Expected failures as values: every fallible operation that crosses a boundary returns a Result.

export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/** An error a person can act on: a stable machine code and a human message. */
export interface AppError {
  readonly code: string;
  readonly message: string;
}

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

export function appError(code: string, message: string): AppError {
  return { code, message };
}
