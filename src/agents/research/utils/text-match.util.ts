/** Word-level matching shared by the fit heuristic: lower case, abbreviations spelt out, light stemming. */

const ABBREVIATIONS: Record<string, string> = {
  vp: 'vice president',
  svp: 'senior vice president',
  evp: 'executive vice president',
  avp: 'assistant vice president',
  ceo: 'chief executive officer',
  cto: 'chief technology officer',
  cfo: 'chief financial officer',
  cmo: 'chief marketing officer',
  coo: 'chief operating officer',
  cro: 'chief revenue officer',
  cio: 'chief information officer',
  ciso: 'chief information security officer',
  cpo: 'chief product officer',
  chro: 'chief human resources officer',
  mgr: 'manager',
  dir: 'director',
  sr: 'senior',
  jr: 'junior',
  hr: 'human resources',
  bd: 'business development',
  bizdev: 'business development',
  sdr: 'sales development representative',
  bdr: 'business development representative',
  ae: 'account executive',
  saas: 'software',
  technical: 'technology',
  tech: 'technology',
};

const STOP_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'at', 'a', 'an', 'to', 'or']);

/** The words of a phrase: lower case, abbreviations spelt out, plural "s" dropped, stop words gone. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}+#]+/u)
    .filter((word) => word.length > 0)
    .flatMap((word) => (ABBREVIATIONS[word] ?? word).split(' '))
    .filter((word) => !STOP_WORDS.has(word))
    .map(stem);
}

function stem(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Whether every word of `phrase` occurs among the words of `text` (order does not matter). */
export function containsAllWords(text: string, phrase: string): boolean {
  const wanted = words(phrase);
  if (wanted.length === 0) return false;
  const have = new Set(words(text));
  return wanted.every((word) => have.has(word));
}

/** Whether `phrase` occurs in `text` as consecutive whole words. */
export function containsPhrase(text: string, phrase: string): boolean {
  const wanted = words(phrase);
  const have = words(text);
  if (wanted.length === 0) return false;
  for (let start = 0; start + wanted.length <= have.length; start++) {
    if (wanted.every((word, offset) => have[start + offset] === word)) return true;
  }
  return false;
}

const COUNTRY_ALIASES: Record<string, string> = {
  us: 'united states',
  usa: 'united states',
  'u s': 'united states',
  'u s a': 'united states',
  'united states of america': 'united states',
  america: 'united states',
  uk: 'united kingdom',
  'u k': 'united kingdom',
  'great britain': 'united kingdom',
  britain: 'united kingdom',
  england: 'united kingdom',
  deutschland: 'germany',
  holland: 'netherlands',
  'the netherlands': 'netherlands',
  czechia: 'czech republic',
  uae: 'united arab emirates',
  korea: 'south korea',
};

/** A country name in a comparable form ("USA", "U.S." and "United States" are the same). */
export function normaliseCountry(country: string): string {
  const key = country
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return COUNTRY_ALIASES[key] ?? key;
}
