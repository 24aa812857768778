import type { PlanStep } from '../plan.types';
import { findToneWords, isEmailClause, splitClauses } from './command-intents';
import { ReadCommand } from './command-reading';
import { Evidence, Unclear } from './evidence';
import { FollowUp, readFollowUps } from './follow-up-reading';
import type { NegatedAction } from './negation-guard';
import { readReplyExit } from './reply-exit-reading';
import { readSendingWindow, WindowSetting } from './sending-window-reading';
import { maskSpans, Span } from './text-matching';

// Outreach with follow-ups becomes a sequence: `sequences.create` (the first email and, per
// follow-up, a wait and a drafted follow-up, written by the LLM or the offline templates) and
// `sequences.launch` (its first emails drafted for review), in place of email.draft and
// email.send. The sequence's own rules do the rest: replies end an enrollment, emails go out in
// each prospect's window.

/** What a command says about outreach over time: follow-ups, stopping at a reply, the window. */
export type OutreachReading =
  | {
      ok: true;
      followUps: FollowUp[];
      window?: WindowSetting;
      /** The window's values, as `settings.window.*` of the sequence. */
      evidence: Evidence[];
      /** Stopping at a reply: a note with follow-ups, a refusal without. */
      unclear: Unclear[];
      /** Every span read: masked before the rest of the command is read. */
      spans: Span[];
    }
  | { ok: false; reason: string };

const FOLLOW_UP_INSTRUCTIONS =
  'A short follow-up, sent as a reply to the earlier email: do not repeat it; ask whether it is of interest';
const TONE_REASON =
  'A sequence drafts its emails in a friendly tone: the tone cannot be chosen for a sequence yet.';

/** The follow-ups, reply words and sending window of a command; a refusal naming bad ones. */
export function readOutreach(text: string): OutreachReading {
  const followUps = readFollowUps(text);
  if (!followUps.ok) return followUps;
  const asked = followUps.followUps.length > 0;
  const rest = maskSpans(text, followUps.spans);
  const reply = readReplyExit(rest, asked);
  const window = asked
    ? readSendingWindow(maskSpans(rest, reply.spans))
    : { ok: true as const, evidence: [], spans: [] };
  if (!window.ok) return window;
  return {
    ok: true,
    followUps: followUps.followUps,
    window: window.window,
    evidence: window.evidence,
    unclear: reply.unclear,
    spans: [...followUps.spans, ...reply.spans, ...window.spans],
  };
}

/**
 * Why a command with follow-ups cannot be a sequence: it asks for no first email, or says not to
 * draft or send one. Undefined when it can.
 */
export function sequenceRefusal(
  command: ReadCommand,
  negated: readonly NegatedAction[],
): string | undefined {
  const ruledOut = negated.flatMap((action) => action.steps);
  if (ruledOut.includes('email.send') || ruledOut.includes('email.draft')) {
    return 'The command asks for follow-ups but says not to send or draft emails: a sequence sends its emails once its launch is approved.';
  }
  if (!command.intents.draft && !command.intents.send) {
    return 'The command asks for follow-ups but not for the first email: say whom to email, e.g. "email the CTOs in Berlin, follow up after 3 and 7 days".';
  }
  return undefined;
}

/** A tone other than friendly, which a sequence's emails cannot take: refused, with its words. */
export function toneRefusal(text: string): Unclear[] {
  const tone = findToneWords(splitClauses(text).filter((clause) => isEmailClause(clause.text)));
  if (!tone || tone.tone === 'friendly') return [];
  return [
    { start: tone.start, end: tone.end, kind: 'filter', reason: TONE_REASON, suggestion: null },
  ];
}

/**
 * The plan steps of the sequence (create, then launch) and the evidence of each wait, as the
 * parameter holding it (`steps.1.business_days`): the first email (with the command's
 * instructions), then per follow-up a wait and a drafted follow-up.
 */
export function sequenceSteps(input: {
  name: string;
  followUps: readonly FollowUp[];
  window?: WindowSetting;
  instructions?: string;
}): { steps: PlanStep[]; evidence: Evidence[] } {
  const first = { type: 'email', draft: 'llm', instructions: input.instructions };
  const touches: Record<string, unknown>[] = [
    Object.fromEntries(Object.entries(first).filter(([, v]) => v !== undefined)),
  ];
  const evidence: Evidence[] = [];
  for (const followUp of input.followUps) {
    const { start, end, ...wait } = followUp;
    const [unit, count] = Object.entries(wait)[0] as ['days' | 'business_days', number];
    evidence.push({ start, end, param: `steps.${touches.length}.${unit}`, value: count });
    touches.push({ type: 'wait', [unit]: count });
    touches.push({ type: 'email', draft: 'llm', instructions: FOLLOW_UP_INSTRUCTIONS });
  }
  const create: PlanStep = {
    agent: 'sequences',
    action: 'create',
    params: {
      name: input.name,
      steps: touches,
      ...(input.window ? { settings: { window: input.window } } : {}),
    },
  };
  return { steps: [create, { agent: 'sequences', action: 'launch', params: {} }], evidence };
}
