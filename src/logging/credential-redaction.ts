/** Headers that carry credentials: their values never reach a log line. */
export const CREDENTIAL_HEADERS = ['authorization', 'x-api-key', 'cookie', 'set-cookie'] as const;

export const REDACTED = '[REDACTED]';

type Fields = Record<string, unknown>;

/**
 * Replaces credential headers in a log object: in `headers` at the top level and in the `headers`
 * of every top-level value (`upstream.headers.authorization`, `err.headers.cookie`, ...), the paths
 * pino's `redact` option would cover with `headers.x` and `*.headers.x`. Copies only what it
 * changes and returns the object itself when there is nothing to redact, which is nearly always:
 * pino's wildcard redaction cloned and re-serialized every value of every line instead.
 * `except` names a key left alone, e.g. the error key, which its serializer redacts once serialized
 * (a copy of an Error would lose its message and stack).
 */
export function redactCredentials<T extends object>(fields: T, except?: string): T {
  const source = fields as Fields;
  let copy: Fields | undefined;
  for (const key in source) {
    const value = source[key];
    if (key === except) continue;
    if (key === 'headers') {
      if (hasCredential(value)) (copy ??= { ...source }).headers = censorHeaders(value);
    } else if (typeof value === 'object' && value !== null) {
      const headers = (value as Fields).headers;
      if (hasCredential(headers)) {
        (copy ??= { ...source })[key] = withHeaders(value as Fields, censorHeaders(headers));
      }
    }
  }
  return (copy ?? source) as T;
}

function hasCredential(headers: unknown): headers is Fields {
  if (typeof headers !== 'object' || headers === null) return false;
  for (const name of CREDENTIAL_HEADERS) if (name in headers) return true;
  return false;
}

function censorHeaders(headers: Fields): Fields {
  const censored = { ...headers };
  for (const name of CREDENTIAL_HEADERS) if (name in censored) censored[name] = REDACTED;
  return censored;
}

/** A copy of `value` (same prototype, own enumerable properties) with other headers. */
function withHeaders(value: Fields, headers: Fields): Fields {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(value) as object | null), value);
  copy.headers = headers;
  return copy as Fields;
}
