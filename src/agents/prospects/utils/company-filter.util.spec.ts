import { companyMatchers } from './company-filter.util';

describe('companyMatchers', () => {
  it('compares names in lower case with single spaces, once each', () => {
    expect(companyMatchers(['  Acme   Corp ', 'acme corp', 'Globex'])).toEqual({
      names: ['acme corp', 'globex'],
      domains: [],
    });
  });

  it('also takes a value that reads as a domain or a website as a domain', () => {
    expect(companyMatchers(['Acme.io', 'https://www.Initech.example/about'])).toEqual({
      names: ['acme.io', 'https://www.initech.example/about'],
      domains: ['acme.io', 'initech.example'],
    });
  });

  it('does not take a plain name for a domain', () => {
    expect(companyMatchers(['Umbrella Corporation']).domains).toEqual([]);
  });
});
