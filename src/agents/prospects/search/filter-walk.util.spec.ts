import { filterWalk } from './filter-walk.util';

describe('filterWalk', () => {
  it('walks the index of one city, else one country, else one department', () => {
    expect(filterWalk({ cities: ['Berlin'], countries: ['Germany'] })).toEqual({
      filter: 'city',
      alone: false,
    });
    expect(filterWalk({ countries: ['Germany'], departments: ['Sales'] })?.filter).toBe('country');
    expect(filterWalk({ departments: ['Sales'], countries: ['France', 'Spain'] })?.filter).toBe(
      'department',
    );
  });

  it('counts values as the search does: case and spaces ignored', () => {
    expect(filterWalk({ countries: ['Germany', ' germany '] })?.filter).toBe('country');
  });

  it('walks nothing for lists of several values, or none', () => {
    expect(filterWalk({ cities: ['Berlin', 'Munich'] })).toBeUndefined();
    expect(filterWalk({ countries: [] })).toBeUndefined();
    expect(filterWalk({ titles: ['CTO'], q: 'anna' })).toBeUndefined();
  });

  it('is alone when the filter is the only condition', () => {
    expect(filterWalk({ countries: ['Germany'], includeSample: true })).toEqual({
      filter: 'country',
      alone: true,
    });
    expect(filterWalk({ countries: ['Germany'] }, true)?.alone).toBe(false);
    expect(filterWalk({ countries: ['Germany'], tags: ['saas'] })?.alone).toBe(false);
  });
});
