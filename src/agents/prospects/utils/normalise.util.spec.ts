import {
  cleanText,
  fullName,
  normaliseDomain,
  normaliseEmail,
  normaliseLinkedinUrl,
  uniqueTags,
  websiteUrlOf,
} from './normalise.util';

describe('normalising imported values', () => {
  it('cleans text', () => {
    expect(cleanText('  Anna   Beispiel ')).toBe('Anna Beispiel');
    expect(cleanText('   ')).toBeUndefined();
    expect(fullName('Anna', undefined)).toBe('Anna');
    expect(fullName(undefined, null)).toBeUndefined();
  });

  it('lower-cases emails', () => {
    expect(normaliseEmail(' Anna.Beispiel@Nordlicht.EXAMPLE ')).toBe(
      'anna.beispiel@nordlicht.example',
    );
  });

  it('takes a domain from a domain or a URL', () => {
    expect(normaliseDomain('https://www.Acme.example/about?x=1')).toBe('acme.example');
    expect(normaliseDomain('acme.example:8080')).toBe('acme.example');
    expect(normaliseDomain('WWW.acme.example.')).toBe('acme.example');
    expect(normaliseDomain('not a domain')).toBeUndefined();
    expect(normaliseDomain('http://user@Acme.example:8080/x')).toBe('acme.example');
  });

  it.each([
    ['http://localhost:8080/', 'localhost'],
    ['HTTPS://Intranet/home', 'intranet'],
    ['http://127.0.0.1:8080/', '127.0.0.1'],
    ['http://[::1]:8080/', '[::1]'],
    ['http://www.localhost./', 'localhost'],
  ])('takes the host of any http(s) URL, one label or an address: %s', (url, host) => {
    expect(normaliseDomain(url)).toBe(host);
  });

  it.each([['localhost'], ['unknown'], ['http://'], ['http://exa mple.com/'], ['http://a..b/']])(
    'refuses %s: a lone word without a scheme is no host, nor a URL without one',
    (value) => {
      expect(normaliseDomain(value)).toBeUndefined();
    },
  );

  it('gives the website a scheme when it has none', () => {
    expect(websiteUrlOf(undefined, 'acme.example')).toBe('https://acme.example');
    expect(websiteUrlOf('acme.example/home', 'acme.example')).toBe('https://acme.example/home');
    expect(websiteUrlOf('http://acme.example', undefined)).toBe('http://acme.example');
  });

  it('gives one form to LinkedIn profile URLs', () => {
    const canonical = 'https://www.linkedin.com/in/anna-beispiel';
    expect(normaliseLinkedinUrl('linkedin.com/in/Anna-Beispiel/')).toBe(canonical);
    expect(normaliseLinkedinUrl('https://de.linkedin.com/in/anna-beispiel?trk=x')).toBe(canonical);
    expect(normaliseLinkedinUrl('http://www.linkedin.com/in/anna-beispiel/de')).toBe(canonical);
    expect(normaliseLinkedinUrl('https://other.example/anna')).toBe('https://other.example/anna');
  });

  it('dedupes tags case-insensitively', () => {
    expect(uniqueTags(['Webinar', ' webinar ', '', 'vip'])).toEqual(['Webinar', 'vip']);
  });
});
