/** Words that say "leave these out": "not in Germany", "except Acme", "excl. Acme", "w/o Acme". */
const NEGATION =
  /\b(?:not|no|never|except|excluding|exclude|outside|without|skip|skipping|besides|other than|apart from|leave out|leaving out|minus|excl|w\/o|(?:anywhere|everywhere) but|[a-z]+n't)\b/;

/** Comparisons that only look negated: "no more than 50 employees", "not less than 70". */
const COMPARISON =
  /\b(?:no|not)\s+(?:more|less|fewer|larger|bigger|smaller|greater|higher|lower|over|under|above|below)\b/g;

/** Words that tie a phrase to the sentence and mean nothing on their own. */
const FILLER = new Set(
  'a an and are at by for from in is of on or our the their them to we who with that those'.split(
    ' ',
  ),
);

/** How many words before a phrase may negate it: "not in Germany" for "Germany". */
const NEGATION_REACH = 2;

/**
 * Text as phrases are compared: lower case, typographic quotes and dashes made plain, whitespace
 * collapsed, and the quotes or punctuation around it trimmed.
 */
export function normaliseText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u201a\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[\s"'.,;:!?()]+|[\s"'.,;:!?()]+$/g, '');
}

/** Whether `words` appear in `command` as whole words (case, quotes and spacing aside). */
export function commandContains(input: { command: string; words: string }): boolean {
  return findWords(input) >= 0;
}

/**
 * Whether a phrase says to leave something out: it holds a negation itself ("except Acme"), or
 * one of the two words before it in its clause of the command is one ("not in Germany" for
 * "Germany").
 */
export function isNegated(input: { command: string; words: string }): boolean {
  const words = normaliseText(input.words);
  if (hasNegation(words)) return true;
  const at = findWords(input);
  if (at < 0) return false;
  const clause =
    normaliseText(input.command)
      .slice(0, at)
      .split(/[,;:!?()]/)
      .pop() ?? '';
  // "w/o" stays one word.
  const before = clause.split(/[^\p{L}\p{N}'/-]+/u).filter(Boolean);
  return hasNegation(before.slice(-NEGATION_REACH).join(' '));
}

/** Whether two phrases share a meaningful word: "not in Germany" and "Germany" do. */
export function wordsOverlap(a: string, b: string): boolean {
  const theirs = new Set(meaningfulWords(b));
  return meaningfulWords(a).some((word) => theirs.has(word));
}

/** Where `words` start in the normalised command, at word boundaries; -1 when absent. */
function findWords(input: { command: string; words: string }): number {
  const words = normaliseText(input.words);
  if (words.length === 0) return -1;
  const escaped = words.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').exec(
    normaliseText(input.command),
  );
  return match ? match.index : -1;
}

function hasNegation(text: string): boolean {
  return NEGATION.test(text.replace(COMPARISON, ' '));
}

function meaningfulWords(text: string): string[] {
  return normaliseText(text)
    .replace(COMPARISON, ' ')
    .split(/[^\p{L}\p{N}'-]+/u)
    .filter((word) => word.length > 0 && !FILLER.has(word) && !NEGATION.test(word));
}
