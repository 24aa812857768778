import { PhraseMatch } from './text-matching';

/** Legal forms that may end a company's name ("Cloudwerk GmbH", "Acme Inc."). */
export const LEGAL_FORMS = new Set(
  (
    'gmbh ag inc inc. ltd ltd. llc sa s.a. sas bv b.v. plc corp corp. co co. se nv n.v. oy ab as ' +
    'kg srl spa s.p.a. limited group holding holdings gbr ug'
  ).split(' '),
);
// Capitalised words that start no company name: "at The…" is read from the next word. Monday is
// a company ("at Monday", "Monday.com").
const NOT_NAME_STARTS = new Set(
  (
    'the a an our my their your this that these those i we you they all any each every some ' +
    'fortune top least most january february march april may june july august september ' +
    'october november december tuesday wednesday thursday friday saturday sunday ' +
    'q1 q2 q3 q4 csv excel'
  ).split(' '),
);
const NAME_WORD = /^[\p{Lu}\p{N}][\p{L}\p{N}'&.+-]*$/u;
const DOMAIN = /^[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}$/iu;
export const CONNECTORS = new Set(['of', 'de', 'von', 'van', 'der', 'den', 'la', 'le', 'du', '&']);
const TOKEN = /[^\s,;:!?()"]+/gu;

/**
 * A company's name starting at `from`: a domain ("acme.com"), or a run of capitalised words
 * joined by single spaces, with "of", "de", "&" … between them and a legal form at the end
 * ("Cloudwerk GmbH", "Bank of America"). A final full stop ends the sentence, not the name,
 * unless it abbreviates a legal form ("Acme Inc.").
 */
export function takeCompanyName(text: string, from: number): PhraseMatch<string> | undefined {
  const token = new RegExp(TOKEN.source, 'gu');
  token.lastIndex = from;
  const words: string[] = [];
  let end = from;
  for (
    let match = token.exec(text);
    match && match.index === end + (words.length ? 1 : 0);
    match = token.exec(text)
  ) {
    const stop = match[0].endsWith('.') && !LEGAL_FORMS.has(match[0].toLowerCase());
    const word = stop ? match[0].slice(0, -1) : match[0];
    if (!acceptsWord(words, word)) break;
    words.push(word);
    end = match.index + word.length;
    if (stop || DOMAIN.test(word)) break;
  }
  while (words.length > 0 && CONNECTORS.has(words[words.length - 1].toLowerCase())) {
    end -= words.pop()!.length + 1;
  }
  if (words.length === 0) return undefined;
  return { start: from, end, value: words.join(' ') };
}

function acceptsWord(words: readonly string[], word: string): boolean {
  if (words.length === 0) {
    if (DOMAIN.test(word) && /[a-z]/i.test(word)) return !/^\d+(?:\.\d+)*$/.test(word);
    return NAME_WORD.test(word) && !NOT_NAME_STARTS.has(word.toLowerCase()) && /\p{L}/u.test(word);
  }
  if (DOMAIN.test(words[0])) return false;
  return (
    NAME_WORD.test(word) ||
    LEGAL_FORMS.has(word.toLowerCase()) ||
    CONNECTORS.has(word.toLowerCase())
  );
}
