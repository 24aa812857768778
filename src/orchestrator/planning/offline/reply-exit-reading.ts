import { Unclear } from './evidence';
import { Span, WORD_END, WORD_START } from './text-matching';

// "Unless they reply": a sequence's exit rule, always on. With follow-ups the words are honoured
// by the sequence itself (no parameter says it: a note in the interpretation); without them there
// is nothing to stop, and the words are refused rather than dropped.

const THEY = '(?:they|he|she|the\\s+prospects?|someone|anyone|(?:any|each)\\s+of\\s+them)';
const REPLIED =
  '(?:reply|replies|replied|respond|responds|responded|answer|answers|answered|' +
  'writes?\\s+back|wrote\\s+back|gets?\\s+back\\s+to\\s+(?:us|me)|got\\s+back\\s+to\\s+(?:us|me))';
const NOT =
  "(?:don't|do\\s+not|doesn't|does\\s+not|haven't|have\\s+not|hasn't|has\\s+not|didn't|did\\s+not)";
const regex = (source: string) => new RegExp(`${WORD_START}${source}${WORD_END}`, 'giu');

/** Words that stop the outreach at a reply: a one-off email has nothing to stop. */
const UNTIL_REPLY = [
  `(?:unless|until|till)\\s+${THEY}(?:'ve|\\s+have|\\s+has|\\s+do|\\s+does)?\\s+(?:already\\s+)?${REPLIED}`,
  `stop(?:\\s+(?:following\\s+up|the\\s+follow[\\s-]?ups|emailing(?:\\s+them)?|sending|the\\s+sequence))?\\s+(?:when|once|if|as\\s+soon\\s+as|after)\\s+${THEY}\\s+${REPLIED}`,
  'stop\\s+on\\s+(?:a\\s+)?(?:reply|replies|response)',
].map(regex);
/** "If they don't reply": the same for a follow-up; for a one-off email, a filter on past replies. */
const IF_NO_REPLY = [
  `if\\s+${THEY}\\s+${NOT}\\s+(?:yet\\s+)?${REPLIED}(?:\\s+yet)?`,
  "if\\s+(?:there\\s+is|there's)\\s+(?:still\\s+)?no\\s+(?:reply|response|answer)(?:\\s+yet)?",
  'if\\s+(?:there\\s+is\\s+)?no\\s+(?:one\\s+)?(?:reply|replies|response|answer)(?:\\s+yet)?',
].map(regex);

/** A sequence ends an enrollment at a reply: the note of the interpretation. */
export const REPLY_EXIT_REASON =
  'A sequence always does this: an enrollment ends when its prospect replies (or bounces, or unsubscribes). Until mailbox watching exists, replies are recorded with POST /enrollments/{id}/events.';
const ONE_OFF_REASON =
  'A single email has no later touch to stop: to stop at a reply, ask for follow-ups, e.g. "follow up after 3 days unless they reply".';

/**
 * The words of a command about stopping at a reply, as unclear phrases to report: with follow-ups
 * a note (kind `other`: the sequence honours it), without them a refusal (kind `filter`). "If they
 * don't reply" is read only with follow-ups (without, it is a filter on replies, refused as such
 * by the contact filters).
 */
export function readReplyExit(
  text: string,
  followUps: boolean,
): { unclear: Unclear[]; spans: Span[] } {
  const regexes = followUps ? [...UNTIL_REPLY, ...IF_NO_REPLY] : UNTIL_REPLY;
  const spans = regexes
    .flatMap((regex) => [...text.matchAll(regex)])
    .map((match) => ({ start: match.index, end: match.index + match[0].length }));
  const unclear = spans.map((span) => ({
    ...span,
    kind: followUps ? ('other' as const) : ('filter' as const),
    reason: followUps ? REPLY_EXIT_REASON : ONE_OFF_REASON,
    suggestion: null,
  }));
  return { unclear, spans };
}
