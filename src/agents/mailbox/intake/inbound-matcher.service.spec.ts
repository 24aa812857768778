import { writtenAfterLaunch } from './inbound-matcher.service';

describe('writtenAfterLaunch', () => {
  const launchedAt = new Date('2026-12-01T09:00:00Z');

  it('takes mail written after the launch, or within an hour before it (clock skew)', () => {
    expect(writtenAfterLaunch(new Date('2026-12-02T10:00:00Z'), launchedAt)).toBe(true);
    expect(writtenAfterLaunch(new Date('2026-12-01T08:30:00Z'), launchedAt)).toBe(true);
  });

  it('refuses mail written before the launch: an old message read from the start of a folder', () => {
    expect(writtenAfterLaunch(new Date('2025-06-01T10:00:00Z'), launchedAt)).toBe(false);
    expect(writtenAfterLaunch(new Date('2026-12-01T07:59:00Z'), launchedAt)).toBe(false);
  });

  it('takes mail without a date, and enrollments not launched', () => {
    expect(writtenAfterLaunch(null, launchedAt)).toBe(true);
    expect(writtenAfterLaunch(new Date('2020-01-01T00:00:00Z'), null)).toBe(true);
  });
});
