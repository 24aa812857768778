/** Why a person's text was not taken as written. */
export type PersonTextProblem = 'formula' | 'link' | 'markup';

/** A person's text (name, title, company…) as it may be stored and pasted into an email. */
export interface CleanPersonText {
  /** The text to use: the value, its plain text, or undefined when nothing usable is left. */
  text: string | undefined;
  /** Set when `text` is not the value as written, saying what was taken out. */
  problem?: PersonTextProblem;
}

/** What each problem is, as a warning or a note says it. */
export const PERSON_TEXT_PROBLEMS: Record<PersonTextProblem, string> = {
  formula: 'looked like a spreadsheet formula',
  link: 'held a web address',
  markup: 'held markup (HTML or template tags)',
};

/** A quoted spreadsheet string: "..." with "" for a quote. */
const STRING = '"((?:[^"]|"")*)"';
/** =HYPERLINK("url", "text") (also ; between the arguments, as European spreadsheets write). */
const HYPERLINK = new RegExp(`^HYPERLINK\\s*\\(\\s*${STRING}\\s*[,;]\\s*${STRING}\\s*\\)$`, 'i');
const STRING_ONLY = new RegExp(`^${STRING}$`);
/** A number or a cell reference (A1, $B$2). */
const OPERAND = String.raw`(?:\d[\d.,]*|\$?[A-Za-z]{1,3}\$?\d+)`;
/**
 * After + - or @, what a spreadsheet runs: a function call (`SUM(`), a link to another program
 * (`cmd|`) or sheet (`Sheet1!A1`), or arithmetic on numbers and cells (`1+1`, `A1*2`).
 */
const FORMULA_AFTER_SIGN = new RegExp(
  String.raw`^(?:[A-Za-z_][\w.]*\(|.*\w\||.*!\$?[A-Za-z]{1,3}\$?\d|${OPERAND}(?:\s*[-+*/^&]\s*${OPERAND})+$)`,
);
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<\/?[a-z][^<>]*>|\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{[a-z_]+\}/gi;
/** Script and style elements go with their content. */
const SCRIPT = /<(script|style)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi;
/** A web address up to a space, quote or bracket (so "CEO (https://x)" keeps its brackets whole). */
const LINK =
  /\b[a-z][a-z0-9+.-]*:\/\/[^\s()[\]<>"']*|\bwww\.[^\s()[\]<>"']+|\b(?:javascript|vbscript|data|mailto):[^\s"']*/gi;
/** What a removed link leaves behind at the ends: separators, empty brackets. */
const LEFTOVER_EDGES = /^[\s,;:|/\-–—·•]+|[\s,;:|/\-–—·•]+$/g;

/**
 * A person's text cleaned of what must never reach a stored field or an email: a spreadsheet
 * formula (`=HYPERLINK("http://x","CEO")` → "CEO", a lone `="CEO"` → "CEO", anything else →
 * nothing), HTML or template markup (tags dropped, script and style with their content), and web
 * addresses (removed, the rest kept). Text without any of these is answered as it is (trimmed).
 */
export function cleanPersonText(value: string): CleanPersonText {
  const text = collapse(value);
  if (!text) return { text: undefined };
  const step = cleanOnce(text);
  if (!step) return { text };
  // The plain text may itself hold something to clean (a link in a formula's display text).
  const rest = step.text === undefined ? undefined : cleanPersonText(step.text).text;
  return { text: rest, problem: step.problem };
}

/** The first problem found and the text without it, or undefined when there is none. */
function cleanOnce(
  text: string,
): { text: string | undefined; problem: PersonTextProblem } | undefined {
  if (isFormula(text)) return { text: formulaText(text), problem: 'formula' };
  if (text.search(SCRIPT) >= 0 || text.search(MARKUP) >= 0) {
    return { text: usable(text.replace(SCRIPT, ' ').replace(MARKUP, ' ')), problem: 'markup' };
  }
  if (text.search(LINK) >= 0) return { text: usable(text.replace(LINK, ' ')), problem: 'link' };
  return undefined;
}

/** Whether a spreadsheet would run the text: = anything, or + - @ before formula-ish content. */
export function isFormula(text: string): boolean {
  const first = text[0];
  if (first === '=') return true;
  if (first !== '+' && first !== '-' && first !== '@') return false;
  return FORMULA_AFTER_SIGN.test(text.slice(1).trim());
}

/** The text a formula shows when that can be read safely: a hyperlink's label, a lone string. */
function formulaText(formula: string): string | undefined {
  const body = formula.replace(/^[=+\-@]+\s*@?/, '').trim();
  const label = HYPERLINK.exec(body)?.[2] ?? STRING_ONLY.exec(body)?.[1];
  return label === undefined ? undefined : collapse(label.replace(/""/g, '"'));
}

/** The text with leftover separators trimmed, or undefined when no letter or digit is left. */
function usable(text: string): string | undefined {
  const rest = collapse(text.replace(/\(\s*\)|\[\s*\]/g, ' ')).replace(LEFTOVER_EDGES, '');
  return /[\p{L}\p{N}]/u.test(rest) ? rest : undefined;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();
