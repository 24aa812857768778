import { countryCode } from './country-code.util';

describe('countryCode', () => {
  it.each([
    ['Germany', 'DE'],
    ['germany', 'DE'],
    ['Deutschland', 'DE'],
    ['DE', 'DE'],
    ['de', 'DE'],
    ['United States', 'US'],
    ['United States of America', 'US'],
    ['USA', 'US'],
    ['U.S.', 'US'],
    ['US', 'US'],
    ['United Kingdom', 'GB'],
    ['UK', 'GB'],
    ['England', 'GB'],
    ['GB', 'GB'],
    ['The Netherlands', 'NL'],
    ['Türkiye', 'TR'],
    ['Turkey', 'TR'],
    ['Czech Republic', 'CZ'],
    ['Czechia', 'CZ'],
    ['Côte d’Ivoire', 'CI'],
    [' India ', 'IN'],
    ['México', 'MX'],
    ['Brasil', 'BR'],
  ])('%j → %s', (country, expected) => {
    expect(countryCode(country)).toBe(expected);
  });

  it.each(['', 'Atlantis', 'XX', 'Europe', 'Bavaria'])('does not know %j', (country) => {
    expect(countryCode(country)).toBeUndefined();
  });
});
