import { nextRevision } from './context-revision.util';

describe('nextRevision', () => {
  const stored = { version: 4, updatedAt: new Date('2026-12-07T10:00:00.500Z') };

  it('counts the version up and takes the time of the write', () => {
    const now = new Date('2026-12-07T10:00:01.000Z');
    expect(nextRevision(stored, now)).toEqual({ version: 5, updatedAt: now });
  });

  it('moves updated_at 1 ms past the stored one when the clock is not ahead of it', () => {
    const expected = { version: 5, updatedAt: new Date('2026-12-07T10:00:00.501Z') };
    expect(nextRevision(stored, stored.updatedAt)).toEqual(expected);
    expect(nextRevision(stored, new Date('2026-12-07T09:00:00Z'))).toEqual(expected);
  });
});
