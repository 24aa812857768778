import { prospectSetOf, toProspectSetRef } from './prospect-set-ref.util';

describe('prospectSetOf', () => {
  it('reads the set of a reference written by toProspectSetRef', () => {
    const ref = toProspectSetRef({ id: 'a1', count: 5000 });
    expect(ref).toEqual({ prospect_set: { id: 'a1', count: 5000 } });
    expect(prospectSetOf(JSON.parse(JSON.stringify(ref)))).toEqual({ id: 'a1', count: 5000 });
  });

  it('answers undefined for a list of prospects and for anything else', () => {
    expect(prospectSetOf([{ id: 'p1', name: 'Ana' }])).toBeUndefined();
    expect(prospectSetOf(undefined)).toBeUndefined();
    expect(prospectSetOf('set')).toBeUndefined();
    expect(prospectSetOf({ prospect_set: { count: 3 } })).toBeUndefined();
    expect(prospectSetOf({ prospect_set: null })).toBeUndefined();
  });

  it('takes a missing or broken count as 0', () => {
    expect(prospectSetOf({ prospect_set: { id: 'a1', count: 'many' } })).toEqual({
      id: 'a1',
      count: 0,
    });
  });
});
