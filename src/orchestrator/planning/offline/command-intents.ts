import { MAPPED_VERBS, UNMAPPED_VERBS } from './command-verbs';
import { PERSON_WORDS } from './numeric-criteria';
import { alternation, Span, WORD_END } from './text-matching';

/** One part of a command that asks for one thing: "find 50 CTOs", "then draft emails". */
export interface Clause extends Span {
  text: string;
}

/** Which actions a command asks for. */
export interface CommandIntents {
  /** An explicit search verb: "find", "search for", "list"… */
  search: boolean;
  importCsv: boolean;
  research: boolean;
  score: boolean;
  /** "our ICP", "the ideal customer profile". */
  refersToIcp: boolean;
  draft: boolean;
  send: boolean;
  spreadsheet: boolean;
  /** The spreadsheet export is asked for as CSV. */
  csvExport: boolean;
  googleSheets: boolean;
}

export type EmailTone = 'friendly' | 'formal' | 'direct';

const QUOTED = /"([^"]+)"|(?<![\p{L}\p{N}])'([^']+)'(?![\p{L}\p{N}])/gu;
// A comma, "and", "then" or "but" starts a new clause only before a verb, so lists
// ("VPs of Sales, Marketing and Product", "short, friendly emails") stay whole. Unmapped verbs
// start a clause too, so email instructions stop before them and they are refused on their own.
const CLAUSE_VERB = `(?:(?:${MAPPED_VERBS})\\b|(?:${alternation(UNMAPPED_VERBS)})${WORD_END}(?!['-]))`;
const CLAUSE_BREAK = new RegExp(
  '[;!?]+|\\.(?=\\s|$)|(?:,|\\s+(?:and|then|but)\\b)' +
    `(?=\\s*(?:(?:and|then|also|finally|please|but|don't|do\\s+not)\\s+)*${CLAUSE_VERB})`,
  'giu',
);

/** Splits a command into clauses; quoted text ("Hi, and thanks") is never split. */
export function splitClauses(text: string): Clause[] {
  const quotes = [...text.matchAll(QUOTED)].map(({ index, 0: quote }) => ({
    start: index,
    end: index + quote.length,
  }));
  const separators = [...text.matchAll(CLAUSE_BREAK)].filter(
    ({ index }) => !quotes.some((quote) => index > quote.start && index < quote.end),
  );
  const clauses: Clause[] = [];
  let start = 0;
  for (const separator of [...separators, { index: text.length, 0: '' }]) {
    const end = separator.index ?? text.length;
    if (/[\p{L}\p{N}]/u.test(text.slice(start, end))) {
      clauses.push({ start, end, text: text.slice(start, end) });
    }
    start = end + separator[0].length;
  }
  return clauses;
}

/** One case-insensitive regex matching any of the parts. */
const anyOf = (...parts: RegExp[]) => new RegExp(parts.map((part) => part.source).join('|'), 'i');

const SEARCH = anyOf(
  /\b(?:find|search|look(?:ing)?\s+for|pull|source|identify|discover|locate|fetch|collect)\b/,
  /\b(?:gather|compile|prospect|list|get|give\s+me|show\s+me|build)\b/,
);
const IMPORT = /\b(?:import|upload|load|ingest)\b/i;
// "upload them to Google Sheets" exports.
const TO_EXPORT_TARGET =
  /\b(?:to|into)\s+(?:a\s+|an\s+|the\s+|our\s+|my\s+)?(?:google|gsheet|sheet|spreadsheet|excel|xlsx)/i;
const CSV = /\bcsv\b/i;
const AS_EXPORT = anyOf(
  /\b(?:export|download|save|output|dump|put|write|give\s+me|send\s+me|spreadsheet)\b/,
  /\b(?:as|to|into)\s+(?:a\s+)?csv\b/,
);
const RESEARCH = anyOf(
  /\b(?:research|enrich(?:ment)?|firmographics?)\b/,
  /\bcompany\s+(?:summar(?:y|ies)|profiles?|info(?:rmation)?|background|overviews?|details)\b/,
  /\bsummari[sz]e\s+(?:the\s+|their\s+)?compan/,
  /\blook\s+up\s+(?:what|the|their)\b[^.;]*\bcompan/,
  /\bwhat\s+(?:the|their)\s+compan(?:y|ies)\s+do/,
);
const SCORE = anyOf(
  /\b(?:score[sd]?|scoring|rank(?:ed|ing)?|qualify|prioriti[sz](?:e|ed|ing|ation)|grade)\b/,
  /\b(?:best[\s-]fit|fit\s+scores?|icp\s+fit|most\s+relevant)\b/,
  /\brate\s+(?:them|the|each|those|these|all)\b/,
  /\bsort\b[^.;]*\bby\s+fit\b/,
  /\b(?:against|match(?:ing|es)?)\s+(?:our|the|my|an)\s+(?:icp|ideal\s+customer\s+profile)\b/,
);
const ICP = /\b(?:our|my|the)\s+(?:icp|ideal\s+customer\s+profile)\b/i;
const DRAFT_VERB =
  /\b(?:draft|write|compose|prepare|create|generate|craft|personali[sz]e|produce)\b/i;
const EMAIL_NOUN = anyOf(
  /\b(?:e?mails?|messages?|outreach|intros?|introductions?|notes?|pitch(?:es)?|sequences?)\b/,
  /\b(?:follow-?ups?|copy|letters?|inmails?|openers?)\b/,
);
const DRAFT_ALONE =
  /\bdrafts?\b|\b(?:cold|intro|outreach|personali[sz]ed|follow-?up)\s+e?mails?\b/i;
const SEND = anyOf(
  /\bsend(?:ing)?\b(?!\s+(?:me|us)\b)/,
  /\breach(?:ing)?\s+out\b|\bcontact\s+them\b/,
  // "email" as a verb: at the start of a clause, or before whom to email
  /^\s*email\b(?!\s+(?:drafts?|templates?|copy|address|me|us)\b)/,
  /\bemail\s+(?:them|those|these|each|every|all|everyone)\b/,
);
const NOT_EMAIL_SEND = /\b(?:spreadsheets?|sheets?|excel|xlsx|csv|file|report|list)\b/i;
const NO_SEND = anyOf(
  /\b(?:don't|dont|do\s+not|never|without|not|no)\s+(?:yet\s+|actually\s+)?send(?:ing)?\b/,
  /\b(?:don't|dont|do\s+not|never|without|not|no)\s+(?:yet\s+|actually\s+)?email(?:ing)?\b/,
);
const GOOGLE_SHEETS = /\b(?:google\s*sheets?|gsheets?|g-sheets?)\b/gi;
const SPREADSHEET = /\b(?:spreadsheets?|excel|xlsx|xls|sheets?|workbook)\b/i;
const EXPORT = /\b(?:export|download)\b/i;

/** Whether a clause drafts or sends email; tone and instructions are read from these clauses. */
export function isEmailClause(clause: string): boolean {
  return isDraftClause(clause) || isSendClause(clause);
}

const isDraftClause = (clause: string) =>
  (DRAFT_VERB.test(clause) && EMAIL_NOUN.test(clause)) || DRAFT_ALONE.test(clause);
const isSendClause = (clause: string) =>
  SEND.test(clause) && (EMAIL_NOUN.test(clause) || !NOT_EMAIL_SEND.test(clause));

/** What a command asks for, clause by clause; sending implies drafting first. */
export function detectIntents(clauses: readonly Clause[]): CommandIntents {
  const texts = clauses.map(({ text }) => text);
  const some = (test: (clause: string) => boolean) => texts.some(test);
  const imports = (clause: string) => IMPORT.test(clause) && !TO_EXPORT_TARGET.test(clause);
  const csvExport = (clause: string) =>
    CSV.test(clause) && AS_EXPORT.test(clause) && !imports(clause);
  const withoutGoogleSheets = (clause: string) => clause.replace(GOOGLE_SHEETS, ' ');
  const send = some(isSendClause) && !some((clause) => NO_SEND.test(clause));
  return {
    search: some((clause) => SEARCH.test(clause)),
    importCsv: some((clause) => imports(clause) || (CSV.test(clause) && !csvExport(clause))),
    research: some((clause) => RESEARCH.test(clause)),
    score: some((clause) => SCORE.test(clause)),
    refersToIcp: some((clause) => ICP.test(clause)),
    draft: send || some(isDraftClause),
    send,
    spreadsheet: some((clause) => {
      const rest = withoutGoogleSheets(clause);
      const google = rest !== clause;
      return SPREADSHEET.test(rest) || csvExport(clause) || (EXPORT.test(rest) && !google);
    }),
    csvExport: some(csvExport),
    googleSheets: some((clause) => withoutGoogleSheets(clause) !== clause),
  };
}

const UNSUPPORTED: [RegExp, string][] = [
  [
    anyOf(
      /\b(?:call|phone|ring|dial)\s+(?:them|those|these|each|every|all|everyone)\b/,
      /\bcold[\s-]call/,
    ),
    'make phone calls',
  ],
  [
    /\b(?:book|schedule|arrange|set\s+up)\s+(?:a\s+|the\s+)?(?:meetings?|calls?|demos?|appointments?)\b/i,
    'book meetings',
  ],
  [
    anyOf(
      /\blinked\s?in\s+(?:messages?|connections?|invites?|invitations?|requests?|dms?)\b/,
      /\bconnect\s+(?:with\s+them\s+)?on\s+linked\s?in\b/,
    ),
    'act on LinkedIn',
  ],
  [/\b(?:sms|whatsapp|text\s+messages?|tweet)\b/i, 'send SMS, WhatsApp or social messages'],
  [
    anyOf(
      /\b(?:add|push|sync|log)\b[^.;]*\b(?:to|into|in)\s+(?:our\s+|the\s+|my\s+)?(?:crm|hubspot|salesforce|pipedrive)\b/,
      /\bupdate\s+(?:the\s+|our\s+)?crm\b/,
    ),
    'update a CRM',
  ],
  [
    anyOf(
      /\bwait\s+(?:for\s+)?\d+|\b(?:in|after)\s+\d+\s+(?:days?|hours?|weeks?)\b/,
      /\bevery\s+(?:day|week|month|morning|monday)\b/,
      /\b(?:send|email|follow\s+up|remind|run|export)\b[^.;]*\b(?:tomorrow|next\s+week)\b/,
    ),
    'wait or schedule steps for later',
  ],
];

/** What the command asks for that the offline planner cannot do, e.g. "book meetings". */
export function findUnsupportedAction(text: string): string | undefined {
  return UNSUPPORTED.find(([regex]) => regex.test(text))?.[1];
}

// Group 1 is friendly, group 2 formal, group 3 direct.
const TONE = anyOf(
  /\b(friendly|casual|warm|informal|relaxed|conversational)\b/,
  /\b(formal|professional(?!\s+services)|polite|respectful)\b/,
  /\b(direct(?![\s-]+to[\s-]+consumer)|punchy|blunt|to\s+the\s+point|straightforward)\b/,
);
const LENGTH_TONE = /\b(?:short|concise|brief|succinct)\b/i;

/**
 * The tone of the email clauses: the first of friendly/casual/warm (friendly),
 * formal/professional (formal) or direct/blunt (direct); failing those, short/concise/brief is
 * direct, so "short, friendly emails" are friendly.
 */
export function findTone(clauses: readonly Clause[]): EmailTone | undefined {
  return findToneWords(clauses)?.tone;
}

/** The tone of the email clauses (see findTone) and the words that say it. */
export function findToneWords(
  clauses: readonly Clause[],
): (Span & { tone: EmailTone }) | undefined {
  const at = (clause: Clause, match: RegExpExecArray) => ({
    start: clause.start + match.index,
    end: clause.start + match.index + match[0].length,
  });
  for (const clause of clauses) {
    const match = TONE.exec(clause.text);
    if (match) {
      const tone = match[1] ? 'friendly' : match[2] ? 'formal' : 'direct';
      return { ...at(clause, match), tone };
    }
  }
  for (const clause of clauses) {
    const match = LENGTH_TONE.exec(clause.text);
    if (match) return { ...at(clause, match), tone: 'direct' };
  }
  return undefined;
}

const INSTRUCTION_CUE = anyOf(
  /\b(?:mentioning|(?:that|which)\s+mentions?|to\s+mention|about|regarding|saying|explaining)\b/,
  /\b(?:inviting|to\s+invite|invite\s+them|asking|to\s+ask|to\s+(?:book|schedule|set\s+up))\b/,
  /\b(?:focus(?:ing|ed)?\s+on|highlighting|to\s+highlight|referencing|pitching|promoting)\b/,
  /\b(?:introducing|with\s+a\s+(?:link|cta|call\s+to\s+action))\b/,
);
// "… about our webinar to VPs of Sales": the recipients after "to"/"for" are not instructions.
const RECIPIENTS = new RegExp(
  `\\s(?:for|to)\\s+(?:the\\s+|all\\s+|our\\s+|\\d+\\s+)?(?:[\\p{L}&'-]+\\s+){0,3}?(?:${PERSON_WORDS})(?![\\p{L}])`,
  'iu',
);

/**
 * Free-text instructions for the email drafts: quoted text in an email clause, or what follows
 * a cue such as "mentioning", "about" or "inviting them to" up to the end of the clause (or to the
 * recipients). Returns the spans so the criteria parser skips them.
 */
export function findInstructions(clauses: readonly Clause[]): { text?: string; spans: Span[] } {
  const parts: string[] = [];
  const spans: Span[] = [];
  for (const clause of clauses) {
    const quotes = [...clause.text.matchAll(QUOTED)];
    const cue = quotes.length > 0 ? null : INSTRUCTION_CUE.exec(clause.text);
    for (const quote of quotes) {
      parts.push((quote[1] ?? quote[2]).trim());
      spans.push({
        start: clause.start + quote.index,
        end: clause.start + quote.index + quote[0].length,
      });
    }
    if (!cue) continue;
    const tail = clause.text.slice(cue.index);
    const text = tail
      .slice(0, RECIPIENTS.exec(tail)?.index ?? tail.length)
      .replace(/[\s,.:]+$/, '');
    parts.push(text);
    spans.push({ start: clause.start + cue.index, end: clause.start + cue.index + text.length });
  }
  const text = parts.filter((part) => part.length > 0).join('; ');
  return { text: text || undefined, spans };
}
