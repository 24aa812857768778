import { getAllCountries, getCountry } from 'countries-and-timezones';
import { normalisePlaceName } from './place-name.util';

/** Names people and exports use that differ from the ISO English names (normalised). */
const COUNTRY_ALIASES: Record<string, string> = {
  usa: 'US',
  'u s': 'US',
  'u s a': 'US',
  'united states': 'US',
  'the united states': 'US',
  america: 'US',
  uk: 'GB',
  'u k': 'GB',
  'great britain': 'GB',
  britain: 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  'the netherlands': 'NL',
  holland: 'NL',
  nederland: 'NL',
  deutschland: 'DE',
  osterreich: 'AT',
  schweiz: 'CH',
  suisse: 'CH',
  svizzera: 'CH',
  espana: 'ES',
  italia: 'IT',
  polska: 'PL',
  sverige: 'SE',
  norge: 'NO',
  danmark: 'DK',
  suomi: 'FI',
  brasil: 'BR',
  'czech republic': 'CZ',
  turkey: 'TR',
  'russian federation': 'RU',
  korea: 'KR',
  'republic of korea': 'KR',
  uae: 'AE',
  'viet nam': 'VN',
  'the philippines': 'PH',
  'cote d ivoire': 'CI',
  'cape verde': 'CV',
  'east timor': 'TL',
  swaziland: 'SZ',
  macedonia: 'MK',
  burma: 'MM',
  macau: 'MO',
  'hong kong sar': 'HK',
};

/** Normalised ISO English names ("united states of america", "germany") → code. */
const COUNTRY_NAMES = new Map(
  Object.values(getAllCountries()).map((country) => [normalisePlaceName(country.name), country.id]),
);

/**
 * The ISO 3166 alpha-2 code of a country as prospects store it: a code (`DE`, `us`), its English
 * name (`Germany`, `United States of America`), or a common other name (`USA`, `UK`, `Holland`,
 * `Deutschland`). Undefined when not recognised.
 */
export function countryCode(country: string): string | undefined {
  const name = normalisePlaceName(country);
  const alias = COUNTRY_ALIASES[name] ?? COUNTRY_NAMES.get(name);
  if (alias) return alias;
  return /^[a-z]{2}$/.test(name) ? (getCountry(name.toUpperCase())?.id ?? undefined) : undefined;
}
