import { freeTextWords, prospectSearchText } from './search-text.util';

describe('prospectSearchText', () => {
  it('joins the searched fields in lower case, leaving out empty ones', () => {
    expect(
      prospectSearchText({
        name: 'Jörg Ölmann',
        email: 'jorg@nordlicht.example',
        title: null,
        companyName: 'Nordlicht GmbH',
      }),
    ).toBe('jörg ölmann jorg@nordlicht.example nordlicht gmbh');
    expect(prospectSearchText({ name: 'Anna' })).toBe('anna');
  });
});

describe('freeTextWords', () => {
  it('splits on whitespace, in lower case, without repeats', () => {
    expect(freeTextWords('  Greta\tFISCHER greta ')).toEqual(['greta', 'fischer']);
    expect(freeTextWords('   ')).toEqual([]);
  });

  it('splits on control characters too, NUL included', () => {
    expect(freeTextWords('greta\u0000fischer\u0007')).toEqual(['greta', 'fischer']);
    expect(freeTextWords('\u0000')).toEqual([]);
  });
});
