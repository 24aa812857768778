import { getCountry, getTimezone } from 'countries-and-timezones';
import { assertTimeZone, isValidTimeZone } from '../time-zone.util';
import { CITY_ZONES } from './city-zones';
import { countryCode } from './country-code.util';
import { COUNTRY_MAIN_ZONES } from './country-zones';
import { normalisePlaceName } from './place-name.util';

/** Where a prospect's zone came from. */
export type ZoneSource = 'prospect' | 'country' | 'city' | 'sequence';

export interface ProspectZone {
  zone: string;
  source: ZoneSource;
}

/**
 * The zone a prospect's sending window is read in: its own zone when valid (an invalid one is
 * passed over); else its country's when the country keeps one time (countries-and-timezones, or
 * the main zones of country-zones.ts); else, for a country with several, its city's from
 * city-zones.ts; else `fallbackZone`, the sequence's zone — an unknown city of a country with
 * several zones is never guessed. `country` is what prospects store: a name or an ISO code (pass
 * the company's when the prospect has none). A city without a country is not looked up (Perth,
 * London and Portland exist in several countries).
 */
export function resolveProspectZone(input: {
  explicitZone?: string | null;
  country?: string | null;
  city?: string | null;
  fallbackZone: string;
}): ProspectZone {
  assertTimeZone(input.fallbackZone);
  const explicit = input.explicitZone?.trim();
  if (isValidTimeZone(explicit)) return { zone: explicit, source: 'prospect' };
  const code = input.country ? countryCode(input.country) : undefined;
  if (code) {
    const city = input.city ? CITY_ZONES[code]?.[normalisePlaceName(input.city)] : undefined;
    if (city) return { zone: city, source: 'city' };
    const zone = countryZone(code);
    if (zone) return { zone, source: 'country' };
  }
  return { zone: input.fallbackZone, source: 'sequence' };
}

/**
 * The zone of a country (ISO code) that keeps one time, undefined for one split across several.
 * A country whose zone is shared under another country's name (Netherlands: Europe/Brussels)
 * gets its own name for it (Europe/Amsterdam): the same rules, a name people recognise.
 */
export function countryZone(code: string): string | undefined {
  const zones = getCountry(code)?.timezones ?? [];
  if (zones.length !== 1) return COUNTRY_MAIN_ZONES[code]?.zone;
  const [zone] = zones;
  if (getTimezone(zone)?.countries[0] === code) return zone;
  const ownName = getCountry(code, { deprecated: true })?.timezones.find((name) => {
    const alias = getTimezone(name);
    return (
      alias?.aliasOf === zone &&
      alias.countries[0] === code &&
      name.includes('/') &&
      isValidTimeZone(name)
    );
  });
  return ownName ?? zone;
}
