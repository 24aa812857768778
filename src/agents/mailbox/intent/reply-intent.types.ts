/** What a person's reply says about the outreach, for validators and the LLM's schema. */
export const REPLY_INTENTS = [
  /** Wants to talk, asks for details, a demo, a time or the price. */
  'interested',
  /** Not now, maybe later: "next quarter", "in a few months", "not at the moment". */
  'not_now',
  /** No, for good: "not interested", "no thanks", "we're all set". */
  'not_interested',
  /** Points to someone else: "reach out to my colleague Anna (anna@x.com)". */
  'referral',
  /** Not theirs to answer: "I'm no longer at X", "wrong person". */
  'wrong_person',
  /** None of the above, or several at odds. */
  'unclear',
] as const;

export type ReplyIntent = (typeof REPLY_INTENTS)[number];

/** A reply as the intent classifier reads it. */
export interface ReplyIntentInput {
  subject: string;
  /** The new text of the reply (quoted history dropped where the reader could). */
  text: string;
  /** The sender's address: an address in the text other than this one hints at a referral. */
  from: string | null;
}

/** The intent, and who decided it: the LLM, or the offline keyword heuristic. */
export interface ReplyIntentResult {
  intent: ReplyIntent;
  source: 'llm' | 'heuristic';
}

export function isReplyIntent(value: unknown): value is ReplyIntent {
  return typeof value === 'string' && (REPLY_INTENTS as readonly string[]).includes(value);
}
