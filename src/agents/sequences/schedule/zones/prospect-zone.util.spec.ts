import { getCountry } from 'countries-and-timezones';
import { IANAZone } from 'luxon';
import { SAMPLE_LOCALES } from '../../../prospects/sample-data/sample-vocabulary';
import { isValidTimeZone } from '../time-zone.util';
import { CITY_ZONES } from './city-zones';
import { COUNTRY_MAIN_ZONES } from './country-zones';
import { normalisePlaceName } from './place-name.util';
import { countryZone, resolveProspectZone } from './prospect-zone.util';

const FALLBACK = 'Europe/Paris';
const resolve = (input: {
  explicitZone?: string | null;
  country?: string | null;
  city?: string | null;
}) => resolveProspectZone({ ...input, fallbackZone: FALLBACK });

describe('resolveProspectZone', () => {
  it("takes the prospect's own zone first, when valid", () => {
    expect(resolve({ explicitZone: 'Asia/Kolkata', country: 'Germany' })).toEqual({
      zone: 'Asia/Kolkata',
      source: 'prospect',
    });
    expect(resolve({ explicitZone: ' America/Chicago ', country: 'US', city: 'New York' })).toEqual(
      {
        zone: 'America/Chicago',
        source: 'prospect',
      },
    );
    expect(resolve({ explicitZone: 'Mars/Base', country: 'Germany' })).toEqual({
      zone: 'Europe/Berlin',
      source: 'country',
    });
  });

  it.each([
    ['Germany', 'Europe/Berlin'],
    ['DE', 'Europe/Berlin'],
    ['Deutschland', 'Europe/Berlin'],
    ['India', 'Asia/Kolkata'],
    ['United Kingdom', 'Europe/London'],
    ['UK', 'Europe/London'],
    ['France', 'Europe/Paris'],
    ['Netherlands', 'Europe/Amsterdam'],
    ['Sweden', 'Europe/Stockholm'],
    ['Japan', 'Asia/Tokyo'],
    ['Spain', 'Europe/Madrid'],
    ['China', 'Asia/Shanghai'],
    ['Argentina', 'America/Argentina/Buenos_Aires'],
  ])('takes the zone of a country that keeps one time: %s → %s', (country, zone) => {
    expect(resolve({ country, city: 'Anywhere' })).toEqual({ zone, source: 'country' });
  });

  it.each([
    ['United States', 'New York', 'America/New_York'],
    ['USA', 'San Francisco', 'America/Los_Angeles'],
    ['US', 'chicago', 'America/Chicago'],
    ['United States', 'Denver', 'America/Denver'],
    ['Canada', 'Toronto', 'America/Toronto'],
    ['CA', 'Vancouver', 'America/Vancouver'],
    ['Australia', 'Sydney', 'Australia/Sydney'],
    ['Australia', 'Perth', 'Australia/Perth'],
    ['Brazil', 'São Paulo', 'America/Sao_Paulo'],
    ['Brasil', 'Sao Paulo', 'America/Sao_Paulo'],
    ['Russia', 'Moscow', 'Europe/Moscow'],
    ['Mexico', 'Mexico City', 'America/Mexico_City'],
    ['México', 'Ciudad de México', 'America/Mexico_City'],
    ['Spain', 'Las Palmas de Gran Canaria', 'Atlantic/Canary'],
  ])("takes the city's zone in a country with several: %s, %s → %s", (country, city, zone) => {
    expect(resolve({ country, city })).toEqual({ zone, source: 'city' });
  });

  it("falls back to the sequence's zone rather than guess", () => {
    const fallback = { zone: FALLBACK, source: 'sequence' };
    // An unknown city of a country with several zones.
    expect(resolve({ country: 'United States', city: 'Springfield' })).toEqual(fallback);
    expect(resolve({ country: 'Australia' })).toEqual(fallback);
    // A city without a country, an unknown country, nothing at all.
    expect(resolve({ city: 'New York' })).toEqual(fallback);
    expect(resolve({ country: 'Atlantis', city: 'Poseidonia' })).toEqual(fallback);
    expect(resolve({ explicitZone: null, country: null, city: null })).toEqual(fallback);
    expect(resolve({})).toEqual(fallback);
  });

  it('refuses an invalid fallback zone', () => {
    expect(() => resolveProspectZone({ country: 'Germany', fallbackZone: 'Berlin' })).toThrow(
      /Unknown time zone: "Berlin"/,
    );
  });

  it('places every country and city of the sample data', () => {
    for (const locale of SAMPLE_LOCALES) {
      for (const city of locale.cities) {
        const { zone, source } = resolve({ country: locale.country, city });
        expect([locale.country, city, source]).not.toEqual([locale.country, city, 'sequence']);
        expect(isValidTimeZone(zone)).toBe(true);
      }
    }
  });
});

describe('countryZone', () => {
  it('answers a country split across times with nothing', () => {
    for (const code of ['US', 'CA', 'AU', 'BR', 'RU', 'MX', 'ID', 'KZ']) {
      expect([code, countryZone(code)]).toEqual([code, undefined]);
    }
  });

  it('gives every known country with one zone a valid zone of its own', () => {
    for (const code of ['NL', 'DK', 'NO', 'LU', 'HR', 'IS', 'GB', 'IN', 'FR', 'SG']) {
      const zone = countryZone(code);
      expect([code, isValidTimeZone(zone)]).toEqual([code, true]);
      expect(getCountry(code, { deprecated: true })?.timezones).toContain(zone);
    }
  });
});

describe('the zone tables', () => {
  const zonesOf = (code: string): string[] =>
    getCountry(code, { deprecated: true })?.timezones ?? [];

  it('key cities as normalisePlaceName writes them, with valid zones of their country', () => {
    for (const [code, cities] of Object.entries(CITY_ZONES)) {
      for (const [city, zone] of Object.entries(cities)) {
        expect([code, city, normalisePlaceName(city)]).toEqual([code, city, city]);
        expect([code, city, zonesOf(code).includes(zone) && isValidTimeZone(zone)]).toEqual([
          code,
          city,
          true,
        ]);
      }
    }
  });

  it('give main zones only to countries with several, each a zone of that country', () => {
    for (const [code, { zone }] of Object.entries(COUNTRY_MAIN_ZONES)) {
      expect([code, (getCountry(code)?.timezones.length ?? 0) > 1]).toEqual([code, true]);
      expect([code, zonesOf(code).includes(zone) && isValidTimeZone(zone)]).toEqual([code, true]);
    }
  });

  it('mark a main zone "same-time" only when all the country keeps its time, every day of 2026', () => {
    const noonsOf2026 = Array.from({ length: 365 }, (_, day) => Date.UTC(2026, 0, 1 + day, 12));
    for (const [code, { zone, reason }] of Object.entries(COUNTRY_MAIN_ZONES)) {
      if (reason !== 'same-time') continue;
      const main = IANAZone.create(zone);
      for (const other of getCountry(code)?.timezones ?? []) {
        const differs = noonsOf2026.filter(
          (noon) => IANAZone.create(other).offset(noon) !== main.offset(noon),
        );
        expect([code, other, differs.length]).toEqual([code, other, 0]);
      }
    }
  });
});
