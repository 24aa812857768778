import { Evidence, FilterReading } from './evidence';
import { WORD_END, WORD_START } from './text-matching';

const BEST =
  '(?:best[\\s-]fit(?:ting)?|best[\\s-]matching|(?:highest|top)[\\s-](?:scor(?:ed|ing)|rated)|highest\\s+fit\\s+scores?)';
const WORST = '(?:(?:lowest|worst)[\\s-](?:scor(?:ed|ing)|rated|fit(?:ting)?))';
const ORDER = new RegExp(
  `${WORD_START}(?:(?:the|our)\\s+)?(?:(\\d{1,4})\\s+)?(?:(${BEST})|(${WORST}))${WORD_END}|` +
    `${WORD_START}(?:sorted|ordered|sort|order)\\s+(?:them\\s+)?by\\s+(?:their\\s+|the\\s+)?(?:fit\\s+)?score${WORD_END}`,
  'giu',
);

/**
 * The order of stored fit scores: "the 10 best-fitting", "highest scored", "top-scored",
 * "sorted by score" → `sort: "-score"` (with `limit` when a count is given); "lowest scored" →
 * `sort: "score"`. These read earlier scores; they do not ask to score now.
 */
export function findScoreOrder(text: string): FilterReading {
  const evidence: Evidence[] = [];
  for (const match of text.matchAll(ORDER)) {
    const span = { start: match.index, end: match.index + match[0].length };
    evidence.push({ ...span, param: 'sort', value: match[3] ? 'score' : '-score' });
    const count = match[1] ? parseInt(match[1], 10) : 0;
    if (count >= 1) evidence.push({ ...span, param: 'limit', value: Math.min(count, 1000) });
  }
  return { evidence, unclear: [], spans: evidence.map(({ start, end }) => ({ start, end })) };
}
