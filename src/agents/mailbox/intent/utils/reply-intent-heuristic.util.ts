import type { ReplyIntent, ReplyIntentInput } from '../reply-intent.types';
import {
  CC_CUES,
  CONTACT_VERBS,
  HANDOFF_CUES,
  INTEREST_CUES,
  NEGATED_INTEREST,
  NOT_INTERESTED_CUES,
  NOT_NOW_CUES,
  QUOTE_ATTRIBUTION,
  STRONG_REFUSAL_CUES,
  TIMING_QUALIFIERS,
  WRONG_PERSON_CUES,
} from './reply-intent-cues';

/** Characters of a reply read at most: intent is in its first lines, not in a long thread. */
const MAX_READ_CHARACTERS = 4000;
const ADDRESS = /[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+/g;

/**
 * The intent of a reply from its words alone (English, German, French and Spanish), for when no
 * LLM is configured or its answer is unusable. In this order, the first that applies:
 * - someone else named to talk to (a colleague, "the right person is", an address to write to) →
 *   `referral`; a colleague only copied in while the writer asks to meet → `interested`;
 * - the writer is not the one ("no longer at", "wrong person") → `wrong_person`;
 * - a firm refusal ("don't contact me", "remove me") → `not_interested`;
 * - a put-off ("next quarter", "not right now"), or a refusal "for now" ("not interested at the
 *   moment") → `not_now`;
 * - a refusal ("not interested", "no thanks", "kein Interesse") → `not_interested`;
 * - interest ("sounds good", "let's talk", "send me details") → `interested`;
 * - otherwise `unclear`.
 * Negated interest ("not interested", "ne nous intéresse pas") is taken out before interest is
 * looked for, so it never counts as interest.
 */
export function classifyReplyIntentHeuristic(input: ReplyIntentInput): ReplyIntent {
  const text = normaliseReply(newText(input.text) || input.subject);
  if (!text) return 'unclear';
  const interest = matchesAny(withoutNegatedInterest(text), INTEREST_CUES);
  if (matchesAny(text, HANDOFF_CUES) || mentionsOtherAddress(text, input.from)) return 'referral';
  if (matchesAny(text, CC_CUES)) return interest ? 'interested' : 'referral';
  if (matchesAny(text, WRONG_PERSON_CUES)) return 'wrong_person';
  if (matchesAny(text, STRONG_REFUSAL_CUES)) return 'not_interested';
  const refusal = matchesAny(text, NOT_INTERESTED_CUES);
  if (matchesAny(text, NOT_NOW_CUES) || (refusal && matchesAny(text, TIMING_QUALIFIERS))) {
    return 'not_now';
  }
  if (refusal) return 'not_interested';
  return interest ? 'interested' : 'unclear';
}

/**
 * Lower case, accents dropped (`intéressé` → `interesse`, `nächstes` → `nachstes`), typographic
 * apostrophes made plain and whitespace collapsed, so each cue is written once.
 */
export function normaliseReply(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text above any quoted history (`>` lines, "On … wrote:"), at most MAX_READ_CHARACTERS. */
function newText(text: string): string {
  const kept: string[] = [];
  for (const line of text.slice(0, MAX_READ_CHARACTERS).split(/\r?\n/)) {
    if (QUOTE_ATTRIBUTION.test(line.trim())) break;
    if (!line.trimStart().startsWith('>')) kept.push(line);
  }
  return kept.join('\n').trim();
}

/** The text with every negated form of interest blanked out. */
function withoutNegatedInterest(text: string): string {
  return NEGATED_INTEREST.reduce(
    (rest, cue) => rest.replace(new RegExp(cue.source, 'g'), ' '),
    text,
  );
}

function matchesAny(text: string, cues: readonly RegExp[]): boolean {
  return cues.some((cue) => cue.test(text));
}

/** An address other than the sender's, next to a word asking to write or talk to it. */
function mentionsOtherAddress(text: string, from: string | null): boolean {
  const sender = from?.trim().toLowerCase();
  const others = (text.match(ADDRESS) ?? []).filter((address) => address !== sender);
  return others.length > 0 && matchesAny(text, CONTACT_VERBS);
}
