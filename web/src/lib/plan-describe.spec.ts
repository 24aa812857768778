import { paramEntries, stepHeadline, stepNotes } from './plan-describe';

describe('plan descriptions', () => {
  it('labels filters and joins lists', () => {
    expect(paramEntries({ titles: ['VP Sales', 'Head of Sales'], countries: ['Germany'] })).toEqual(
      [
        { key: 'titles', label: 'Titles', value: 'VP Sales, Head of Sales' },
        { key: 'countries', label: 'Countries', value: 'Germany' },
      ],
    );
  });

  it('shows a company size range as one entry, open on either side', () => {
    expect(paramEntries({ employees_min: 50, employees_max: 500 })[0].value).toBe('50–500');
    expect(paramEntries({ employees_min: 50 })[0].value).toBe('50 or more');
    expect(paramEntries({ employees_max: 10 })[0].value).toBe('up to 10');
  });

  it('skips empty lists and labels unknown keys from their name', () => {
    expect(paramEntries({ tags: [], follow_up_days: 3, never_emailed: true })).toEqual([
      { key: 'follow_up_days', label: 'Follow up days', value: '3' },
      { key: 'never_emailed', label: 'Never emailed', value: 'Yes' },
    ]);
  });

  it("prefers the service's description of a step", () => {
    expect(stepHeadline({ agent: 'email', action: 'send', description: 'Send 12 emails' })).toBe(
      'Send 12 emails',
    );
    expect(stepHeadline({ agent: 'prospects', action: 'search' })).toBe('Prospects: search');
  });

  it('notes approval and outside effects', () => {
    expect(
      stepNotes({ agent: 'email', action: 'send', requires_approval: true, side_effect: true }),
    ).toHaveLength(2);
    expect(stepNotes({ agent: 'prospects', action: 'search' })).toEqual([]);
  });
});
