import { csvInputsInState, prospectsInList, toAudienceProspect } from './audience-prospect.util';

describe('audience prospects', () => {
  const prospect = {
    id: 'p1',
    name: 'Ana Beispiel',
    title: 'CTO',
    email: 'ana@acme.example',
    company: { name: 'Acme', country: 'Germany' },
  };

  it("lists a prospect with its company's country when it has none", () => {
    expect(toAudienceProspect(prospect)).toEqual({
      id: 'p1',
      name: 'Ana Beispiel',
      title: 'CTO',
      company: 'Acme',
      country: 'Germany',
      email: 'ana@acme.example',
      is_sample: false,
    });
    expect(toAudienceProspect({ ...prospect, sample: true }, { withId: false })).toMatchObject({
      id: null,
      is_sample: true,
    });
  });

  it('keeps only the objects of a list', () => {
    expect(prospectsInList([prospect, 'x', null])).toEqual([prospect]);
    expect(prospectsInList('nope')).toEqual([]);
  });

  it('gives CSV rows stand-in ids and their names', () => {
    expect(
      csvInputsInState([
        { firstName: 'Ana', lastName: 'Beispiel', email: 'ana@acme.example' },
        { name: 'Ben', optedOut: true, company: { name: 'Acme' } },
      ]),
    ).toEqual([
      {
        id: 'row-1',
        name: 'Ana Beispiel',
        email: 'ana@acme.example',
        company: { name: '', country: undefined },
      },
      { id: 'row-2', name: 'Ben', opted_out: true, company: { name: 'Acme', country: undefined } },
    ]);
  });
});
