// Expected failures (a wrong passphrase, a damaged record) are values, not exceptions, so
// screens can show a calm message without try/catch deep in UI code. Exceptions are left
// for programming errors and for a locked vault being used.

export type Result<T, E = 'failed'> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
