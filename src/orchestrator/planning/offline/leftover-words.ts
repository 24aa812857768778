// Words no reader used must never vanish: a phrase the planner did not read may narrow the
// audience ("who joined this year", "one per company"), and running the plan without it would
// widen what the user asked for. Words that carry no constraint are ignored: fillers, the
// actions the intents reader understands, words for people, email tones.

import { Unclear } from './evidence';
import type { Span } from './text-matching';
import { PERSON_NOUNS } from './vocabulary';

const FILLERS =
  'a an the all any some every each of to for in on at by from with into onto as about via ' +
  'and or but yet though although then also so just please pls kindly now first next finally lastly afterwards me us i we you my our your their them they ' +
  'those these this that who whom which what it its there here is are was were be been being ' +
  "am do does did have has had will would can could should shall may might must let let's " +
  "i'd we'd i'm i've we've want need like help go ahead up out too very really actually " +
  'someone anyone anybody everyone everybody ones anything everything something ' +
  'please thanks thank hi hello hey okay ok sure make work works working based located ' +
  'headquartered';
// Field labels of a structured command: "title VP of Sales; country Germany".
const LABELS =
  'title titles industry industries country countries city cities region location seniority ' +
  'department keyword keywords name';
const ACTIONS =
  'find search searching look looking pull source identify discover locate fetch collect ' +
  'gather compile prospect list lists get give show build import upload load ingest export ' +
  'exported download save output dump put write spreadsheet spreadsheets sheet sheets google ' +
  'gsheet gsheets g-sheets excel xlsx xls workbook csv file research enrich enrichment ' +
  'firmographics firmographic company companies startup startups firm firms business ' +
  'businesses region regions area summary summaries summarise summarize profile ' +
  'overview overviews details detail info information background score scores scored scoring ' +
  'rank ranked ranking rate qualify prioritise prioritize prioritised prioritized grade best ' +
  'fit fits fitting icp ideal customer against match matching matches relevant most draft ' +
  'drafts compose prepare create generate craft personalise personalize personalised ' +
  'personalized produce email emails emailing mail mails message messages outreach intro intros ' +
  'introduction introductions note notes pitch pitches sequence sequences follow-up follow-ups ' +
  'followup followups copy letter letters inmail inmails opener openers cold send sending reach ' +
  'reaching contact results result sort sorted order ordered them keep keeping kept filter';
const TONES =
  'friendly casual warm informal relaxed conversational formal professional polite respectful ' +
  'direct punchy blunt point straightforward short concise brief succinct tone';
const PEOPLE = 'person persons prospect individuals folks candidates names';

/** Email tones (see findTone), lower case: words about the drafts, not about whom to find. */
export const TONE_WORDS: ReadonlySet<string> = new Set(TONES.split(/\s+/));

/** Words that carry no constraint, lower case: never reported as not understood. */
export const IGNORED_WORDS: ReadonlySet<string> = new Set(
  [FILLERS, ACTIONS, LABELS, TONES, PEOPLE, PERSON_NOUNS.join(' ')].join(' ').split(/\s+/),
);

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'&./-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;
// What ends a phrase: punctuation, or a masked (understood) part of the command.
const BREAK = /[,;:!?()"[\]]|\.(?=\s|$)|\s{2,}/u;
const REASON = 'The planner did not understand these words.';

interface Token {
  start: number;
  end: number;
  ignored: boolean;
}

/** The word's key: lower case, without a possessive or trailing dot. */
function keyOf(word: string): string {
  return word.toLowerCase().replace(/'s$/, '').replace(/\.$/, '');
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    ignored: IGNORED_WORDS.has(keyOf(match[0])),
  }));
}

/** Runs of tokens with no break between them. */
function runsOf(text: string, tokens: readonly Token[]): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  for (const token of tokens) {
    const previous = run[run.length - 1];
    if (previous && BREAK.test(text.slice(previous.end, token.start))) {
      runs.push(run);
      run = [];
    }
    run.push(token);
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * The phrases of a command no reader used, each an unclear `filter`: `leftover` is the command
 * with every understood span masked (blanked, so positions stay those of the command). Within a
 * run of unmasked words between breaks (punctuation, an understood span), the words from the
 * first to the last meaningful word form one phrase; ignored words (IGNORED_WORDS) alone are none.
 */
export function findLeftoverPhrases(leftover: string): Unclear[] {
  const phrases: Unclear[] = [];
  for (const run of runsOf(leftover, tokensOf(leftover))) {
    const meaningful = run.filter((token) => !token.ignored);
    if (meaningful.length === 0) continue;
    phrases.push({
      start: meaningful[0].start,
      end: meaningful[meaningful.length - 1].end,
      kind: 'filter',
      reason: REASON,
      suggestion: null,
    });
  }
  return phrases;
}

const RELATIVE = /(?<![\p{L}\p{N}])(?:who|that|which|whose)\s+/giu;
const CLAUSE_BREAK = /[,;:!?()"]|\.(?=\s|$)/gu;

/**
 * The relative clause a leftover phrase stands in, from after its pronoun to the end of the
 * clause ("who speak French" → "speak French"), or undefined outside one: what a relative clause
 * says about the prospects is one constraint, so none of its words may be honoured alone
 * ("French" as a country). `clauseEnd` says where the clause going on at a position ends.
 */
export function relativeClauseOf(
  text: string,
  phrase: Span,
  clauseEnd: (from: number) => number,
): Span | undefined {
  const before = text.slice(0, phrase.start);
  const breaks = [...before.matchAll(CLAUSE_BREAK)];
  const clauseStart = breaks.length > 0 ? (breaks[breaks.length - 1].index as number) + 1 : 0;
  const pronouns = [...before.slice(clauseStart).matchAll(RELATIVE)];
  if (pronouns.length === 0) return undefined;
  const last = pronouns[pronouns.length - 1];
  const start = clauseStart + (last.index as number) + last[0].length;
  return { start, end: Math.max(phrase.end, clauseEnd(phrase.end)) };
}
