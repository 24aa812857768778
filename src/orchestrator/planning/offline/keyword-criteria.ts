import {
  collect,
  Found,
  maskSpans,
  pickNonOverlapping,
  PhraseMatch,
  WORD_START,
} from './text-matching';

const QUOTED = /"([^"]{1,80})"|(?<![\p{L}\p{N}])'([^']{1,80})'(?![\p{L}\p{N}])/gu;
const KEYWORD_CUE = new RegExp(
  `${WORD_START}(?:keywords?\\s*:?|mentioning|using|interested\\s+in|speciali[sz]ing\\s+in|` +
    '(?:that|who|which)\\s+(?:use|uses|are\\s+using|mentions?|works?\\s+with|talks?\\s+about|focus(?:es)?\\s+on))\\s+',
  'giu',
);
const KEYWORD_TOKEN = /[\p{L}\p{N}][\p{L}\p{N}&+#.'-]*|\S/gu;
const KEYWORD_STOPS = new Set(
  (
    'in at from with without who that which whose then for to based located headquartered across ' +
    'within on by into as than over under between is are their them employees companies company ' +
    'firms businesses startups tone friendly formal direct casual warm professional short concise ' +
    'find search get pull list draft write compose prepare send email export download save score ' +
    'rank qualify prioritise prioritize research enrich import upload keep filter limit top ' +
    'mentioning using mention mentions use uses ranked scored sorted exported prioritised ' +
    'prioritized qualified enriched researched drafted sent emailed'
  ).split(' '),
);

const SEPARATORS = [',', 'and', 'or', '/'];
const ARTICLES = ['a', 'an', 'the'];

/** Reads "AI, ML and robotics" up to punctuation or a word that starts the next part. */
function takeKeywordList(text: string, from: number): { values: string[]; end: number } {
  const items: string[][] = [[]];
  let end = from;
  const token = new RegExp(KEYWORD_TOKEN.source, 'gu');
  token.lastIndex = from;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const word = match[0].replace(/\.$/, ''); // a final dot ends the sentence, and the list
    const lower = word.toLowerCase();
    const item = items[items.length - 1];
    if (SEPARATORS.includes(lower)) {
      if (item.length > 0) items.push([]);
      continue;
    }
    const isStop = !/^[\p{L}\p{N}]/u.test(word) || KEYWORD_STOPS.has(lower) || /^\d+$/.test(word);
    if (isStop || item.length === 4) break;
    if (item.length > 0 || !ARTICLES.includes(lower)) item.push(word);
    end = match.index + match[0].length;
    if (word !== match[0]) break;
  }
  return { values: items.filter((item) => item.length > 0).map((item) => item.join(' ')), end };
}

/** Keywords: quoted text, and what follows "keywords:", "mentioning", "using", "who use" …. */
export function findKeywords(text: string): Found<string> {
  const matches: PhraseMatch<string[]>[] = [...text.matchAll(QUOTED)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    value: [(match[1] ?? match[2]).trim()],
  }));
  const rest = maskSpans(text, matches);
  for (const match of rest.matchAll(KEYWORD_CUE)) {
    const { values, end } = takeKeywordList(rest, match.index + match[0].length);
    if (values.length > 0) matches.push({ start: match.index, end, value: values });
  }
  return collect(pickNonOverlapping(matches));
}
