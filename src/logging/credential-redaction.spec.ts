import { REDACTED, redactCredentials } from './credential-redaction';

describe('redactCredentials', () => {
  it('censors credential headers at the top level and one level down', () => {
    const fields = {
      headers: { authorization: 'Bearer top', accept: 'json' },
      upstream: { status: 401, headers: { cookie: 'a=b', 'x-api-key': 'k', 'set-cookie': ['c'] } },
    };
    expect(redactCredentials(fields)).toEqual({
      headers: { authorization: REDACTED, accept: 'json' },
      upstream: {
        status: 401,
        headers: { cookie: REDACTED, 'x-api-key': REDACTED, 'set-cookie': REDACTED },
      },
    });
  });

  it('leaves the logged objects themselves untouched', () => {
    const upstream = { headers: { authorization: 'Bearer secret' } };
    const fields = { upstream };
    const redacted = redactCredentials(fields);
    expect(redacted).not.toBe(fields);
    expect(fields.upstream).toBe(upstream);
    expect(upstream.headers.authorization).toBe('Bearer secret');
  });

  it('returns the same object when there is nothing to redact', () => {
    const fields = { module: 'HTTP', req: { id: '1' }, headers: { accept: 'json' }, n: 1, z: null };
    expect(redactCredentials(fields)).toBe(fields);
  });

  it('keeps the prototype of a redacted value, e.g. an error', () => {
    const error = Object.assign(new Error('upstream failed'), {
      headers: { authorization: 'Bearer secret' },
    });
    const redacted = redactCredentials({ cause: error }).cause;
    expect(redacted).toBeInstanceOf(Error);
    expect(redacted.headers).toEqual({ authorization: REDACTED });
  });

  it('leaves the excepted key alone', () => {
    const fields = { err: { headers: { cookie: 'a=b' } } };
    expect(redactCredentials(fields, 'err')).toBe(fields);
  });

  it('does not look deeper than the paths it covers', () => {
    const fields = { a: { b: { headers: { authorization: 'deep' } } } };
    expect(redactCredentials(fields)).toBe(fields);
  });
});
