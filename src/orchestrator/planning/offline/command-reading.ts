import { CommandCriteria } from './command-criteria';
import {
  CommandIntents,
  detectIntents,
  EmailTone,
  findInstructions,
  findTone,
  isEmailClause,
  splitClauses,
} from './command-intents';
import { findCompanies } from './company-criteria';
import { readCriteria } from './criteria-reading';
import { Evidence, FilterReading, Unclear } from './evidence';
import { withoutExcludedCountries } from './exclusion-criteria';
import { findUnknownPlaces } from './place-suggestions';
import { maskSpans, Span } from './text-matching';
import { findUnmappedAction } from './unmapped-actions';

/** What the planner read out of a command. */
export interface ReadCommand {
  intents: CommandIntents;
  criteria: CommandCriteria;
  /** Evidence of every parameter value, the filters' included. */
  evidence: Evidence[];
  unclear: Unclear[];
  tone?: EmailTone;
  instructions?: string;
  /** The part of the command asking for an action the planner does not map. */
  unmapped?: string;
  /** The command with every span a reader used masked: the words no reader understood. */
  leftover: string;
}

// "score above 80" asks to score now; "with a score above 80", "we scored above 80" do not.
const SCORE_VERB = /^(?:score|rank|rate|qualify)\s+(?!of\b)/i;
const CLAUSE_START = /(?:^|[,;.:!?]|\b(?:and|then|also|please))\s*$/i;

/** The threshold span to mask when asking whether the command scores now; keeps a verb. */
function thresholdMask(text: string, span: Span | undefined): Span[] {
  if (!span) return [];
  const verb = SCORE_VERB.exec(text.slice(span.start, span.end));
  if (verb && CLAUSE_START.test(text.slice(0, span.start))) {
    return [{ start: span.start + verb[0].length, end: span.end }];
  }
  return [span];
}

/**
 * Reads a command whose audience filters (see readAudienceFilters) are masked: intents,
 * criteria, companies, unknown places, tone and instructions. A score threshold is the
 * score_fit `threshold` when the command scores now, else the search's `min_score`.
 */
export function readCommand(text: string, filters: FilterReading): ReadCommand {
  const clauses = splitClauses(text);
  const emailClauses = clauses.filter((clause) => isEmailClause(clause.text));
  const instructions = findInstructions(emailClauses);
  // Email instructions ("inviting them to our Berlin event") are neither criteria nor actions.
  const masked = maskSpans(text, instructions.spans);
  const reading = readCriteria(masked);
  const companies = findCompanies({ rest: reading.rest, text: masked });
  const unknownPlaces = findUnknownPlaces(maskSpans(reading.rest, companies.spans));
  const scoring = maskSpans(text, thresholdMask(text, reading.thresholdSpan));
  const scoreNow = detectIntents(splitClauses(scoring)).score;
  const storedScore = !scoreNow && reading.criteria.threshold !== undefined;
  const evidence = [...reading.evidence, ...filters.evidence, ...companies.evidence].map((item) =>
    storedScore && item.param === 'threshold' ? { ...item, param: 'min_score' } : item,
  );
  const unmapped = findUnmappedAction(masked);
  const used = [...companies.spans, ...unknownPlaces, ...reading.evidence];
  const read = withoutExcludedCountries(
    storedScore ? { ...reading.criteria, threshold: undefined } : reading.criteria,
    evidence,
  );
  return {
    intents: { ...detectIntents(clauses), score: scoreNow },
    criteria: read.criteria,
    evidence: read.evidence,
    unclear: [...filters.unclear, ...companies.unclear, ...unknownPlaces],
    tone: findTone(emailClauses),
    instructions: instructions.text,
    unmapped: unmapped && text.slice(unmapped.start, unmapped.end).replace(/\s+/g, ' '),
    leftover: maskSpans(reading.rest, used),
  };
}
