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
