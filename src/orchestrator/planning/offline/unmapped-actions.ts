import { detectIntents } from './command-intents';
import { MAPPED_VERBS, UNMAPPED_VERBS } from './command-verbs';
import { alternation, Span, WORD_END, WORD_START } from './text-matching';

// Finer than splitClauses: every "and", "then", "but" and punctuation mark may start an action.
const SEGMENT_BREAK = new RegExp(
  `[;:!?]+|\\.(?=\\s|$)|,|${WORD_START}(?:and|then|but)${WORD_END}`,
  'giu',
);
// Words before the verb of a clause: "and then please", "can you", "I want you to", "don't".
const LEAD_IN = new RegExp(
  '^(?:\\s*(?:and|then|also|please|pls|kindly|finally|lastly|next|now|just|first|afterwards|' +
    "after\\s+that|don'?t|do\\s+not|(?:can|could|would|will)\\s+you|go\\s+ahead\\s+and|let'?s|" +
    "help\\s+me|(?:i|we)\\s+(?:want|need)\\s+(?:you\\s+)?to|(?:i'?d|i\\s+would|we'?d)\\s+like\\s+" +
    `(?:you\\s+)?to)${WORD_END})+\\s*`,
  'iu',
);
const FIRST_WORD = /^\p{L}[\p{L}\p{N}'-]*/u;
const UNMAPPED = new RegExp(`^(?:${alternation(UNMAPPED_VERBS)})$`, 'iu');
const MAPPED = new RegExp(`^(?:${MAPPED_VERBS})$`, 'iu');
// Only a verb stands right before "them": "ping them", "thank them".
const OBJECT_PRONOUN = new RegExp(`^\\s+(?:them|everyone|everybody)${WORD_END}`, 'iu');
// Words that may stand before "them" without being a verb the planner misses; "make them
// shorter" is read with the email tone.
const NOT_AN_ACTION = new RegExp(
  '^(?:to|for|from|with|without|by|about|of|on|in|into|at|like|than|as|via|per|among|between|' +
    'including|except|excluding|after|before|all|both|each|any|none|some|most|many|few|not|' +
    'only|even|or|nor|so|if|when|once|plus|make|help|\\p{L}+ly)$',
  'iu',
);
// "Add them to a Google Sheet" exports; "add their phone numbers" does not.
const EXPORT_VERB = /^(?:add|move|share)$/i;
const THE_PROSPECTS = new RegExp(
  `^\\s+(?:them|it|the|those|these|all|everyone|everything|my|our)${WORD_END}`,
  'iu',
);
// "Companies that build and update websites": a verb after "and" in a relative clause describes
// the prospects, unless it acts on them ("who use Kubernetes and delete them").
const RELATIVE_PRONOUN = new RegExp(`${WORD_START}(?:who|that|which|whose)${WORD_END}`, 'iu');
const AND = /^and$/i;
const TRAILING = /[\s,.:;'"()-]+$/;

/**
 * The part of a command that asks for an action the planner does not map, if any: a clause led,
 * after fillers such as "and then please" or "can you", by an unmapped verb ("delete them",
 * "translate the emails") or by any other verb with "them" as object that asks for none of the
 * mapped actions ("ping them"; "sort them by fit" scores). Pass the command with email
 * instructions masked, so "asking them to update their details" is not read as an action.
 */
export function findUnmappedAction(text: string): Span | undefined {
  let start = 0;
  let sincePunctuation = '';
  for (const separator of [...text.matchAll(SEGMENT_BREAK), { index: text.length, 0: '' }]) {
    const end = separator.index ?? text.length;
    const segment = text.slice(start, end);
    const inRelativeClause = RELATIVE_PRONOUN.test(sincePunctuation);
    const found = unmappedIn({ segment, inRelativeClause });
    if (found) return { start: start + found.start, end: start + found.end };
    sincePunctuation = AND.test(separator[0]) ? `${sincePunctuation} ${segment}` : '';
    start = end + separator[0].length;
  }
  return undefined;
}

function unmappedIn(input: { segment: string; inRelativeClause: boolean }): Span | undefined {
  const { segment } = input;
  const offset = LEAD_IN.exec(segment)?.[0].length ?? segment.length - segment.trimStart().length;
  const rest = segment.slice(offset);
  const word = FIRST_WORD.exec(rest)?.[0];
  if (!word || MAPPED.test(word)) return undefined;
  const object = rest.slice(word.length);
  if (input.inRelativeClause && !THE_PROSPECTS.test(object)) return undefined;
  const isUnmapped = UNMAPPED.test(word)
    ? !(EXPORT_VERB.test(word) && THE_PROSPECTS.test(object) && asksForExport(rest))
    : OBJECT_PRONOUN.test(object) && !NOT_AN_ACTION.test(word) && !asksForMappedAction(rest);
  return isUnmapped
    ? { start: offset, end: offset + rest.replace(TRAILING, '').length }
    : undefined;
}

function asksForMappedAction(text: string): boolean {
  return Object.entries(intentsOf(text)).some(
    ([intent, asked]) => asked && intent !== 'refersToIcp' && intent !== 'csvExport',
  );
}

function asksForExport(text: string): boolean {
  const intents = intentsOf(text);
  return intents.spreadsheet || intents.googleSheets;
}

const intentsOf = (text: string) => detectIntents([{ start: 0, end: text.length, text }]);
