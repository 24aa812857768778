import { Span, WORD_END, WORD_START } from './text-matching';
import { WORD_NUMBER_PATTERN, WORD_NUMBERS } from './word-numbers';

// Follow-ups in plain words, read into the waits of a sequence: "follow up after 3 and 7 business
// days" (days counted from the first email), "then again after 4 days" (from the follow-up
// before), "2 follow-ups 3 days apart". The bounds repeat the sequence definition's (plan
// validation checks them again): a wait of 1 to 365 days, at most 14 follow-ups (30 steps).

/** The longest wait, in days or business days, and the most follow-ups a sequence holds. */
export const MAX_FOLLOW_UP_DAYS = 365;
export const MAX_FOLLOW_UPS = 14;

/** A follow-up: the wait before it (after the email before it), and the words saying so. */
export type FollowUp = Span & ({ days: number } | { business_days: number });

export type FollowUpReading =
  { ok: true; followUps: FollowUp[]; spans: Span[] } | { ok: false; reason: string };

const NUMBER = `(?:-\\s?\\d+|\\d+(?:[.,]\\d+)?|${WORD_NUMBER_PATTERN})`;
const UNIT =
  '(?:(?:business|working|work)[\\s-]?days?|week[\\s-]?days?|days?|weeks?|hours?|hrs?|minutes?|mins?|months?|years?)';
const AMOUNT = `${NUMBER}\\s+${UNIT}`;
const ANY_AMOUNT = `(?:${NUMBER}\\s+)?${UNIT}`;
const LIST = `(?:${NUMBER}(?:\\s+${UNIT})?(?:\\s*,\\s*|,?\\s+and\\s+))*${AMOUNT}`;
const VERB =
  'follow(?:ing)?[\\s-]?up(?:\\s+(?:with\\s+)?(?:them|each\\s+of\\s+them|each|everyone|those))?';
const NOUN = '(?:follow[\\s-]?ups?|followups?)(?:\\s+(?:e?mails?|messages?))?';
const LEAD = '(?:(?:send|write|draft|add|schedule|include|plus|with|and)\\s+(?:them\\s+)?)?';
/** When, after the follow-up words: from the first email, apart, every (group names by form). */
const WHEN =
  `(?:,?\\s+(?:(?:after|in)\\s+(?<list>${LIST})(?:\\s+later)?|(?<later>${LIST})\\s+later)` +
  `|,?\\s+(?:each\\s+|every\\s+)?(?<gap>${AMOUNT})\\s+apart` +
  `|,?\\s+(?:one\\s+)?(?:every|each)\\s+(?<every>${ANY_AMOUNT}))`;
const TIMES = `(?<times>twice|once|${NUMBER}\\s+times)`;
const regex = (source: string) => new RegExp(`${WORD_START}${source}${WORD_END}`, 'dgiu');
const HEADS = [
  regex(`${VERB}(?:\\s+${TIMES})?${WHEN}`),
  regex(`${LEAD}(?:(?<count>${NUMBER})\\s+(?:more\\s+)?)?${NOUN}${WHEN}?`),
];
// "…, then again after 4 days": a follow-up counted from the one before.
const AGAIN = new RegExp(
  '^(?:\\s*[,;]\\s*|\\s+)(?:and\\s+)?' +
    '(?:then\\s+(?:follow[\\s-]?up\\s+)?(?:again\\s+|once\\s+more\\s+)?' +
    '|(?:follow[\\s-]?up\\s+)?(?:again|once\\s+more)\\s+' +
    '|(?:send\\s+)?(?:another|one\\s+more|a\\s+(?:second|third|fourth|fifth|final|last))' +
    '(?:\\s+(?:one|follow[\\s-]?up(?:\\s+e?mail)?))?\\s+)' +
    `(?:(?:after|in)\\s+(?:another\\s+|a\\s+further\\s+)?(?<amount>${AMOUNT})(?:\\s+later)?` +
    `|(?<later>${AMOUNT})\\s+(?:later|after\\s+that))${WORD_END}`,
  'diu',
);
const ITEM_START = new RegExp(`^${NUMBER}\\s`, 'iu');
const ITEM = new RegExp(
  `${WORD_START}(?<number>${NUMBER})(?:\\s+(?<unit>${UNIT}))?${WORD_END}`,
  'giu',
);

type Unit = { kind: 'days' | 'business_days'; factor: number } | { refused: string };

function unitOf(word: string): Unit {
  const unit = word.toLowerCase().replace(/[\s-]+/g, ' ');
  if (/^(?:business|working|work) days?$|^week ?days?$/.test(unit)) {
    return { kind: 'business_days', factor: 1 };
  }
  if (/^days?$/.test(unit)) return { kind: 'days', factor: 1 };
  if (/^weeks?$/.test(unit)) return { kind: 'days', factor: 7 };
  if (/^(?:months?|years?)$/.test(unit)) {
    return { refused: 'say the wait in days, business days or weeks' };
  }
  return { refused: 'a sequence waits whole days or business days between emails, not hours' };
}

function numberOf(word: string): number {
  const text = word.toLowerCase().replace(/\s/g, '');
  return WORD_NUMBERS[text] ?? Number(text.replace(',', '.'));
}

const refusal = (words: string, why: string): { ok: false; reason: string } => ({
  ok: false,
  reason: `The offline planner cannot follow up as in "${words.replace(/\s+/g, ' ').trim()}": ${why}.`,
});
const RANGE = `a wait is a whole number of days from 1 to ${MAX_FOLLOW_UP_DAYS}`;

/** A wait as said: days or business days, and its words. */
interface Wait {
  kind: 'days' | 'business_days';
  count: number;
  span: Span;
}
/** A wait, or the reason the words cannot be one. */
type Amount = Wait | { refused: string };

/** The items of a list ("3 and 7 business days"): each takes the unit given with it or after it. */
function itemsOf(list: string, offset: number): Amount[] {
  const items = [...list.matchAll(ITEM)];
  let unit: Unit | undefined;
  const amounts: Amount[] = [];
  for (const item of [...items].reverse()) {
    if (item.groups?.unit) unit = unitOf(item.groups.unit);
    if (!unit) return [{ refused: 'say the unit of each wait' }];
    if ('refused' in unit) return [{ refused: unit.refused }];
    const number = numberOf(item.groups!.number);
    const count = number * unit.factor;
    const start = offset + item.index;
    if (!Number.isInteger(number) || count < 1 || count > MAX_FOLLOW_UP_DAYS) {
      return [{ refused: RANGE }];
    }
    amounts.unshift({ kind: unit.kind, count, span: { start, end: start + item[0].length } });
  }
  return amounts;
}

const waitOf = (amount: Wait, span: Span, count = amount.count): FollowUp =>
  amount.kind === 'days' ? { ...span, days: count } : { ...span, business_days: count };

/** Follow-ups of a list counted from the first email: each wait is the gap to the one before. */
function fromFirstEmail(items: Amount[], headStart: number): FollowUp[] | string {
  const refused = items.find((item) => 'refused' in item);
  if (refused && 'refused' in refused) return refused.refused;
  const amounts = items as Wait[];
  if (new Set(amounts.map((item) => item.kind)).size > 1) {
    return 'days counted from the first email are all calendar days or all business days; say e.g. "after 3 business days, then again after 4 days"';
  }
  const gaps = amounts.map((item, index) => item.count - (amounts[index - 1]?.count ?? 0));
  if (gaps.some((gap) => gap < 1)) {
    return 'the days count from the first email, so each must be later than the one before, e.g. "after 3 and 7 days"';
  }
  // The first one's words include "after": "after 3", as the user reads it.
  return amounts.map((item, index) =>
    waitOf(item, index === 0 ? { start: headStart, end: item.span.end } : item.span, gaps[index]),
  );
}

interface Head {
  match: RegExpExecArray;
  followUps: FollowUp[] | string;
}

function readHead(match: RegExpExecArray): Head | undefined {
  const groups = match.groups ?? {};
  const indices = match.indices!.groups ?? {};
  // The words of a count ("2 follow-ups 3 days apart") without the verb or "with" before them.
  const lead = new RegExp(`^${LEAD}`, 'iu').exec(match[0])?.[0].length ?? 0;
  const whole = { start: match.index + lead, end: match.index + match[0].length };
  const times = groups.times ?? groups.count;
  const count =
    times === undefined
      ? undefined
      : /^twice$/i.test(times)
        ? 2
        : /^once$/i.test(times)
          ? 1
          : numberOf(times.replace(/\s+times$/i, ''));
  const list = groups.list ?? groups.later;
  if (list !== undefined) {
    const at = (indices.list ?? indices.later)!;
    const keyword = groups.list !== undefined ? match[0].search(/\b(?:after|in)\b/i) : -1;
    const items = itemsOf(list, at[0]);
    const waits = fromFirstEmail(items, keyword >= 0 ? match.index + keyword : at[0]);
    if (typeof waits !== 'string' && count !== undefined && count !== waits.length) {
      return { match, followUps: `it names ${count} follow-ups and ${waits.length} times` };
    }
    return { match, followUps: waits };
  }
  const spacing = groups.gap ?? groups.every;
  if (spacing !== undefined) {
    // "every hour", "every week": one of the unit.
    const [amount] = itemsOf(
      /^\p{L}/u.test(spacing) && !ITEM_START.test(spacing) ? `1 ${spacing}` : spacing,
      whole.start,
    );
    if ('refused' in amount) return { match, followUps: amount.refused };
    if (count === undefined) {
      return { match, followUps: 'say how many follow-ups, e.g. "3 follow-ups 4 days apart"' };
    }
    if (!Number.isInteger(count) || count < 1) return { match, followUps: RANGE };
    return { match, followUps: Array.from({ length: count }, () => waitOf(amount, whole)) };
  }
  // "2 follow-ups", "with a follow-up": how many, or that there are some, but not when.
  const email = /ups?\s+(?:e?mails?|messages?)$/i.test(match[0]);
  if ((count !== undefined && count > 1) || (lead > 0 && !email)) {
    return { match, followUps: 'say when, e.g. "follow up after 3 and 7 days"' };
  }
  return undefined;
}

function readAgain(
  text: string,
  from: number,
): { followUp: FollowUp | string; end: number } | undefined {
  const match = AGAIN.exec(text.slice(from));
  if (!match) return undefined;
  const amount = match.groups!.amount ?? match.groups!.later;
  const at = (match.indices!.groups!.amount ?? match.indices!.groups!.later)!;
  const lead = match[0].length - match[0].trimStart().replace(/^[,;]\s*/, '').length;
  const span = { start: from + lead, end: from + match[0].length };
  const [item] = itemsOf(amount, from + at[0]);
  return { followUp: 'refused' in item ? item.refused : waitOf(item, span), end: span.end };
}

/**
 * The follow-ups a command asks for, with the spans of the words read; a refusal naming the words
 * that say when to follow up in a way a sequence cannot (a wait outside 1–365 days, in hours, with
 * no end, or days that do not grow). No follow-up words: an empty list.
 */
export function readFollowUps(text: string): FollowUpReading {
  const heads = HEADS.flatMap((head) => [...text.matchAll(head)])
    .map((match) => readHead(match))
    .filter((head): head is Head => head !== undefined)
    .sort((a, b) => a.match.index - b.match.index);
  if (heads.length === 0) return { ok: true, followUps: [], spans: [] };
  const [head] = heads;
  const headEnd = head.match.index + head.match[0].length;
  if (typeof head.followUps === 'string') return refusal(head.match[0], head.followUps);
  const followUps = [...head.followUps];
  let end = headEnd;
  for (let again = readAgain(text, end); again; again = readAgain(text, end)) {
    if (typeof again.followUp === 'string') {
      return refusal(text.slice(head.match.index, again.end), again.followUp);
    }
    followUps.push(again.followUp);
    end = again.end;
  }
  const second = heads.find((other) => other.match.index >= end);
  if (second) {
    return refusal(second.match[0], 'the command says when to follow up twice: say it once');
  }
  const words = text.slice(head.match.index, end);
  if (followUps.some((followUp) => followUp.start < 0)) {
    return refusal(
      words,
      'the days count from the first email, so each must be later than the one before, e.g. "after 3 and 7 days"',
    );
  }
  if (followUps.length > MAX_FOLLOW_UPS) {
    return refusal(words, `a sequence holds at most ${MAX_FOLLOW_UPS} follow-ups`);
  }
  return { ok: true, followUps, spans: [{ start: head.match.index, end }] };
}
