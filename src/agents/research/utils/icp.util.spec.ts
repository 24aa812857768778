import { NO_ICP_MESSAGE, resolveIcp } from './icp.util';

describe('resolveIcp', () => {
  it('merges params.icp over the state icp, criterion by criterion', () => {
    expect(
      resolveIcp({
        state: { titles: ['CTO'], countries: ['Germany'], notes: 'ignored' },
        params: { countries: ['Austria'], employees_min: 50, keywords: [] },
      }),
    ).toEqual({
      ok: true,
      icp: { titles: ['CTO'], countries: ['Austria'], employees_min: 50 },
    });
  });

  it('takes either one alone', () => {
    expect(resolveIcp({ params: { titles: ['CTO'] } })).toEqual({
      ok: true,
      icp: { titles: ['CTO'] },
    });
    expect(resolveIcp({ state: { seniorities: ['vp'] } })).toEqual({
      ok: true,
      icp: { seniorities: ['vp'] },
    });
  });

  it.each([
    [{}, NO_ICP_MESSAGE],
    [{ state: null, params: {} }, NO_ICP_MESSAGE],
    [
      { state: { titles: [' '] } },
      'The job state\'s "icp" is invalid: icp.each value of titles must not be blank',
    ],
    [{ state: 'CTOs' }, 'The job state\'s "icp" must be an object'],
    [
      { state: { seniorities: ['boss'] } },
      'The job state\'s "icp" is invalid: icp.each value in seniorities must be one of',
    ],
    [
      { params: { employees_min: 500, employees_max: 50 } },
      'employees_min (500) is above its employees_max (50)',
    ],
  ])('refuses %j', (input, reason) => {
    const result = resolveIcp(input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toContain(reason);
  });
});
