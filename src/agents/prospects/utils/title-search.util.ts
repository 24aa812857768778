import { splitWords } from './title-words.util';

/** Words a title filter may hold that say nothing about the title ("VP of Sales"). */
const STOP_WORDS = new Set(['of', 'the', 'and', 'for', 'in', 'at', 'to', '&', 'und', 'der', 'de']);

/**
 * Ways of writing the same role. A filter naming the role by any of the `names` matches titles
 * holding any of the `matches`: "VP" also finds "Vice President" and "SVP" (a senior VP is a VP),
 * "Chief Technology Officer" finds "CTO".
 */
const TITLE_SYNONYMS: { names: string[]; matches: string[] }[] = [
  {
    names: ['vp', 'vice president'],
    matches: ['vp', 'vice president', 'svp', 'evp', 'avp', 'vicepresident'],
  },
  { names: ['svp', 'senior vice president'], matches: ['svp', 'senior vice president'] },
  { names: ['evp', 'executive vice president'], matches: ['evp', 'executive vice president'] },
  { names: ['ceo', 'chief executive officer'], matches: ['ceo', 'chief executive officer'] },
  {
    names: ['cto', 'chief technology officer', 'chief technical officer'],
    matches: ['cto', 'chief technology officer', 'chief technical officer'],
  },
  {
    names: ['cfo', 'chief financial officer', 'chief finance officer'],
    matches: ['cfo', 'chief financial officer', 'chief finance officer'],
  },
  { names: ['cmo', 'chief marketing officer'], matches: ['cmo', 'chief marketing officer'] },
  {
    names: ['coo', 'chief operating officer', 'chief operations officer'],
    matches: ['coo', 'chief operating officer', 'chief operations officer'],
  },
  { names: ['cro', 'chief revenue officer'], matches: ['cro', 'chief revenue officer'] },
  { names: ['cio', 'chief information officer'], matches: ['cio', 'chief information officer'] },
  {
    names: ['ciso', 'chief information security officer'],
    matches: ['ciso', 'chief information security officer'],
  },
  { names: ['cpo', 'chief product officer'], matches: ['cpo', 'chief product officer'] },
  {
    names: ['chro', 'chief human resources officer', 'chief people officer'],
    matches: ['chro', 'chief human resources officer', 'chief people officer'],
  },
  { names: ['hr', 'human resources'], matches: ['hr', 'human resources', 'people'] },
  { names: ['co founder', 'cofounder'], matches: ['co founder', 'cofounder'] },
  {
    names: ['sdr', 'sales development representative'],
    matches: ['sdr', 'sales development representative'],
  },
  {
    names: ['bdr', 'business development representative'],
    matches: ['bdr', 'business development representative'],
  },
  { names: ['sr', 'senior'], matches: ['sr', 'senior'] },
  { names: ['jr', 'junior'], matches: ['jr', 'junior'] },
];

const NAMES = TITLE_SYNONYMS.flatMap(({ names, matches }) =>
  names.map((name) => ({ words: name.split(' '), matches })),
).sort((a, b) => b.words.length - a.words.length);

/**
 * What a title filter asks for: a list of terms that must all appear in the title, in any order,
 * each at the start of a title word; a term is satisfied by any of its alternatives. "VP of Sales"
 * → [["vp", "vice president", "svp", …], ["sales"]], which matches "VP Sales", "Vice President,
 * Sales" and "Sales VP", but "CTO" does not match "Director" as a plain substring would.
 */
export function titleSearchTerms(filter: string): string[][] {
  const words = splitWords(filter);
  const terms: string[][] = [];
  for (let index = 0; index < words.length;) {
    const synonym = NAMES.find(({ words: name }) =>
      name.every((word, offset) => words[index + offset] === word),
    );
    if (synonym) {
      terms.push(synonym.matches);
      index += synonym.words.length;
    } else {
      if (!STOP_WORDS.has(words[index])) terms.push([words[index]]);
      index += 1;
    }
  }
  return terms;
}
