// A negation no reader consumed must never turn into an inclusion: in "engineers who don't work
// at Google" the company reader reads "work at Google", and without this guard the plan would
// search Google's engineers. The phrase a leftover negation governs is refused as an exclusion
// and read again masked, so nothing in it reaches the plan; a negated action removes its step.

import { MAPPED_VERBS } from './command-verbs';
import { Unclear } from './evidence';
import { IGNORED_WORDS, TONE_WORDS } from './leftover-words';
import { Span, WORD_END, WORD_START } from './text-matching';

/** A negated action the plan must not do: "hold off on sending" → `email.send`. */
export interface NegatedAction extends Span {
  /** The steps it rules out, as `agent.action`. */
  steps: string[];
}

/** What the guard found among the words no reader used. */
export interface NegationReading {
  /** Each negated phrase, an unclear `exclusion`. */
  unclear: Unclear[];
  /** The same phrases' spans: mask them and read the command again. */
  spans: Span[];
  actions: NegatedAction[];
}

const NEGATION = new RegExp(
  `${WORD_START}(?:no\\s+one|nobody|none|never|without|w/o|excl\\.?|minus|but\\s+not|` +
    'anywhere\\s+but|leave\\s+out|hold\\s+off|wait\\s+(?:before|until|till)|not|no|' +
    `\\p{L}+n't|dont|doesnt|arent|isnt|havent|hasnt|didnt|cant)${WORD_END}`,
  'giu',
);
// A determiner-like negation ("no drafts", "without sending") negates only the email actions.
const NOUN_NEGATION = /^(?:no|none|nobody|no\s+one|without|w\/o|minus|excl\.?)$/i;
const FILLER = '(?:\\s+(?:on|before|until|till|with|yet|actually|to|any|then|just|really|even))*';
const ACTION_STEPS: [RegExp, string[], boolean][] = [
  [/^(?:send|sending|email|emailing|e?mails|reach|reaching)$/i, ['email.send'], true],
  [
    /^(?:draft|drafting|drafts|write|writing|compose|composing|prepare|create|generate)$/i,
    ['email.draft'],
    true,
  ],
  [/^(?:export|exporting|download|save)$/i, ['export.spreadsheet', 'export.google_sheets'], false],
  [/^(?:research|researching|enrich|enriching)$/i, ['research.company_summary'], false],
  [/^(?:score|scoring|rank|ranking|rate)$/i, ['research.score_fit'], false],
];
const VERB = new RegExp(`^${FILLER}\\s+([\\p{L}-]+)${WORD_END}`, 'iu');
// Where a negated phrase ends: punctuation, or a new clause led by a verb.
const PHRASE_END = new RegExp(
  '[,;:!?()"]|\\.(?=\\s|$)|\\s+(?:and|then|but|or)\\s+(?:(?:also|then|please|just)\\s+)*' +
    `(?:${MAPPED_VERBS}|don't|do\\s+not)${WORD_END}`,
  'iu',
);
const REASON =
  'The planner did not understand this negation; it would never read it as the opposite.';

/** The negated action right after a negation ("don't draft", "hold off on sending"), if any. */
function negatedAction(text: string, negation: RegExpMatchArray): NegatedAction | undefined {
  const start = negation.index as number;
  const after = start + negation[0].length;
  const verb = VERB.exec(text.slice(after));
  if (!verb) return undefined;
  const found = ACTION_STEPS.find(([regex]) => regex.test(verb[1]));
  if (!found) return undefined;
  const [, steps, nounNegates] = found;
  if (NOUN_NEGATION.test(negation[0]) && !nounNegates) return undefined;
  return { start, end: after + verb[0].length, steps };
}

/** Whether negated words only say how the emails should sound ("not too casual"). */
function isAboutTone(words: string): boolean {
  const keys = words.toLowerCase().match(/[\p{L}'-]+/gu) ?? [];
  return keys.some((key) => TONE_WORDS.has(key)) && keys.every((key) => IGNORED_WORDS.has(key));
}

/** Where the clause going on at `from` ends: punctuation, a new clause led by a verb, or the end. */
export function clauseEndAfter(text: string, from: number): number {
  const end = PHRASE_END.exec(text.slice(from));
  const stop = end ? from + end.index : text.length;
  return from + text.slice(from, stop).trimEnd().length;
}

/** The phrase a negation governs: to the end of its clause. */
function negatedPhrase(text: string, start: number, from: number): Span {
  return { start, end: clauseEndAfter(text, from) };
}

/**
 * The negations no reader consumed. `leftover` is the command with every understood span masked
 * (blanked: positions are those of `text`). A negation followed by an action ("don't draft
 * anything", "hold off on sending", "without sending") rules out that action's steps; any other
 * ("who don't work at Google", "anywhere but Germany", "no consultants") governs the words to
 * the end of its clause, which are refused as an `exclusion` and must be read again masked.
 */
export function guardNegations(text: string, leftover: string): NegationReading {
  const reading: NegationReading = { unclear: [], spans: [], actions: [] };
  for (const negation of leftover.matchAll(NEGATION)) {
    const start = negation.index as number;
    if (reading.spans.some((span) => start >= span.start && start < span.end)) continue;
    const action = negatedAction(text, negation);
    if (action) {
      reading.actions.push(action);
      continue;
    }
    const span = negatedPhrase(text, start, start + negation[0].length);
    const kind = isAboutTone(text.slice(start + negation[0].length, span.end))
      ? 'other'
      : 'exclusion';
    reading.spans.push(span);
    reading.unclear.push({ ...span, kind, reason: REASON, suggestion: null });
  }
  return reading;
}
