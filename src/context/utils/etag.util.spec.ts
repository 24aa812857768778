import { entryEtag, ifMatchSatisfied, ifNoneMatchSatisfied } from './etag.util';

describe('etag utils', () => {
  const createdAt = new Date('2026-01-01T00:00:00.000Z');
  const etag = entryEtag({ version: 3, createdAt });

  it('changes with the version and with the creation time', () => {
    expect(entryEtag({ version: 4, createdAt })).not.toBe(etag);
    expect(entryEtag({ version: 3, createdAt: new Date(createdAt.getTime() + 1) })).not.toBe(etag);
    expect(etag).toMatch(/^"[0-9a-z]+-3"$/);
  });

  it('is satisfied by an absent header, *, or a list holding the current tag', () => {
    expect(ifMatchSatisfied(undefined, etag)).toBe(true);
    expect(ifMatchSatisfied('*', etag)).toBe(true);
    expect(ifMatchSatisfied(etag, etag)).toBe(true);
    expect(ifMatchSatisfied(`"other", ${etag}`, etag)).toBe(true);
  });

  it('is not satisfied by a stale, weak or malformed tag', () => {
    expect(ifMatchSatisfied(entryEtag({ version: 2, createdAt }), etag)).toBe(false);
    expect(ifMatchSatisfied(`W/${etag}`, etag)).toBe(false);
    expect(ifMatchSatisfied('3', etag)).toBe(false);
    expect(ifMatchSatisfied('', etag)).toBe(false);
  });

  it('matches If-None-Match with *, a listed tag or its weak form', () => {
    expect(ifNoneMatchSatisfied(undefined, etag)).toBe(false);
    expect(ifNoneMatchSatisfied('*', etag)).toBe(true);
    expect(ifNoneMatchSatisfied(`"x", W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchSatisfied(entryEtag({ version: 2, createdAt }), etag)).toBe(false);
  });
});
