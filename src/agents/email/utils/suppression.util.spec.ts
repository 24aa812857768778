import { matchSuppression, parseSuppressionValue, suppressionCandidates } from './suppression.util';

describe('parseSuppressionValue', () => {
  it.each([
    ['Ana@Acme.Example', 'ana@acme.example', 'email'],
    ['  acme.example ', 'acme.example', 'domain'],
    ['EU.Acme.Example.', 'eu.acme.example', 'domain'],
  ])('%s is %s (%s)', (raw, value, kind) => {
    expect(parseSuppressionValue(raw)).toEqual({ ok: true, value, kind });
  });

  it.each(['', 'acme', 'ana@', '@acme.example', 'not an email', 'http://acme.example', 'a@b'])(
    'refuses %j naming it',
    (raw) => {
      const parsed = parseSuppressionValue(raw);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message).toContain(`"${raw}"`);
    },
  );
});

describe('suppression matching', () => {
  it('lists the address, its domain and parent domains', () => {
    expect(suppressionCandidates('Ana@EU.Acme.Example')).toEqual([
      'ana@eu.acme.example',
      'eu.acme.example',
      'acme.example',
    ]);
  });

  it('matches an address or a domain, never a sibling', () => {
    expect(matchSuppression('ana@acme.example', ['acme.example'])).toBe('acme.example');
    expect(matchSuppression('ana@eu.acme.example', ['acme.example'])).toBe('acme.example');
    expect(matchSuppression('ANA@acme.example', ['ana@acme.example'])).toBe('ana@acme.example');
    expect(matchSuppression('ben@acme.example', ['ana@acme.example'])).toBeUndefined();
    expect(matchSuppression('ana@notacme.example', ['acme.example'])).toBeUndefined();
    expect(matchSuppression('ana@acme.example', ['example'])).toBeUndefined();
  });
});
