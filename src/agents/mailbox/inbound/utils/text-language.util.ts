import { findDateMentions, SlashDateOrder } from './date-mentions.util';

/** The languages the reader knows words of. */
export type TextLanguage = 'en' | 'de' | 'fr' | 'es';

const STOPWORDS: Record<TextLanguage, string[]> = {
  en: ['the', 'and', 'i', 'will', 'be', 'back', 'on', 'until', 'my', 'with', 'office', 'you', 'of'],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ich',
    'bin',
    'bis',
    'zum',
    'nicht',
    'mit',
    'sie',
    'ab',
    'wieder',
  ],
  fr: ['le', 'la', 'les', 'et', 'je', 'suis', 'de', 'retour', 'au', 'vous', 'avec', 'pour', 'du'],
  es: [
    'el',
    'la',
    'los',
    'y',
    'estoy',
    'hasta',
    'de',
    'con',
    'fuera',
    'para',
    'usted',
    'del',
    'que',
  ],
};

/** The language with the most common words in the text; English when none stands out. */
export function guessLanguage(text: string): TextLanguage {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  let best: TextLanguage = 'en';
  let bestCount = 0;
  for (const language of Object.keys(STOPWORDS) as TextLanguage[]) {
    const list = new Set(STOPWORDS[language]);
    const count = words.filter((word) => list.has(word)).length;
    if (count > bestCount) [best, bestCount] = [language, count];
  }
  return best;
}

/**
 * How to read ambiguous numeric dates (`03/04/2027`): day first, as most of the world writes
 * them, unless the text is English and writes its named dates month first ("January 12") —
 * then it is a US writer and `03/04` is March 4.
 */
export function slashDateOrder(text: string): SlashDateOrder {
  if (guessLanguage(text) !== 'en') return 'day-first';
  const named = findDateMentions(text, 'day-first');
  return named.some((mention) => mention.monthNameFirst) ? 'month-first' : 'day-first';
}
