import type { PlanStep } from '../plan.types';
import { readAudienceFilters } from './audience-filters';
import { findUnsupportedAction } from './command-intents';
import { ReadCommand, readCommand } from './command-reading';
import { Unclear } from './evidence';
import { findLeftoverPhrases, relativeClauseOf } from './leftover-words';
import { clauseEndAfter, guardNegations, NegatedAction } from './negation-guard';
import { maskSpans } from './text-matching';

/** A command read with its leftover words and negations guarded, or why it is refused. */
export type GuardedReading =
  | {
      ok: true;
      command: ReadCommand;
      actions: NegatedAction[];
      /** The phrases masked and read again: their words reach no parameter. */
      masked: string[];
    }
  | { ok: false; reason: string };

function readOnce(text: string): GuardedReading {
  const filters = readAudienceFilters(text);
  const rest = maskSpans(text, filters.spans);
  const unsupported = findUnsupportedAction(rest);
  if (unsupported) return { ok: false, reason: `The offline planner cannot ${unsupported}.` };
  const command = readCommand(rest, filters);
  if (command.unmapped) {
    return {
      ok: false,
      reason: `The offline planner does not understand "${command.unmapped}".`,
    };
  }
  return { ok: true, command, actions: [], masked: [] };
}

/**
 * Reads a command so that no word vanishes and no negation turns into an inclusion: a negation
 * no reader consumed makes its phrase an unclear `exclusion`, and the command is read again with
 * that phrase masked (so "who don't work at Google" never yields Google); a negated action
 * ("hold off on sending") is returned for removeNegatedSteps; every other word no reader used
 * and that carries a constraint is an unclear `filter` (see findLeftoverPhrases).
 */
export function readGuarded(text: string): GuardedReading {
  const first = readOnce(text);
  if (!first.ok) return first;
  const negations = guardNegations(text, first.command.leftover);
  const relatives = relativeClauses(
    text,
    maskSpans(first.command.leftover, [...negations.spans, ...negations.actions]),
  );
  const masks = [...negations.spans, ...relatives];
  const reading = masks.length > 0 ? readOnce(maskSpans(text, masks)) : first;
  if (!reading.ok) return reading;
  const { command } = reading;
  const leftover = findLeftoverPhrases(maskSpans(command.leftover, negations.actions));
  const unclear = [...command.unclear, ...negations.unclear, ...relatives, ...leftover];
  const masked = masks.map((span) => text.slice(span.start, span.end));
  return { ok: true, command: { ...command, unclear }, actions: negations.actions, masked };
}

/** The relative clauses holding leftover words, each an unclear `filter` (see relativeClauseOf). */
function relativeClauses(text: string, leftover: string): Unclear[] {
  const clauseEnd = (from: number) => clauseEndAfter(text, from);
  return findLeftoverPhrases(leftover).flatMap((phrase) => {
    const clause = relativeClauseOf(text, phrase, clauseEnd);
    return clause ? [{ ...phrase, ...clause }] : [];
  });
}

const stepName = (step: PlanStep) => `${step.agent}.${step.action}`;

/**
 * The steps without those a negated action rules out ("don't draft anything" removes
 * `email.draft`). Drafting cannot be ruled out while sending stays (sending sends the drafts):
 * that negation is an unclear `filter` instead.
 */
export function removeNegatedSteps(
  steps: readonly PlanStep[],
  actions: readonly NegatedAction[],
): { steps: PlanStep[]; unclear: Unclear[] } {
  const ruledOut = new Set(actions.flatMap((action) => action.steps));
  const kept = steps.filter((step) => !ruledOut.has(stepName(step)));
  const sends = kept.some((step) => stepName(step) === 'email.send');
  const unclear: Unclear[] = [];
  if (sends && ruledOut.has('email.draft')) {
    for (const action of actions.filter((item) => item.steps.includes('email.draft'))) {
      unclear.push({
        start: action.start,
        end: action.end,
        kind: 'filter',
        reason: 'The command asks to send emails but not to draft them.',
        suggestion: null,
      });
    }
    return { steps: [...steps], unclear };
  }
  return { steps: kept, unclear };
}
