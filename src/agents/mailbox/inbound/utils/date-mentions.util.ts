/** A calendar date written in a text, where it stands, and whether it was written month-name first. */
export interface DateMention {
  index: number;
  end: number;
  /** Null when the text gave no year. */
  year: number | null;
  month: number;
  day: number;
  /** Written "January 12" rather than "12 January" (a month-first writer). */
  monthNameFirst: boolean;
}

/** How to read a numeric date whose first two numbers could each be the day (`03/04/2027`). */
export type SlashDateOrder = 'day-first' | 'month-first';

/** Month names and abbreviations in English, German, French and Spanish. */
const MONTH_NAMES: Record<string, number> = Object.fromEntries(
  (
    [
      ['january jan januar jänner janvier janv enero ene', 1],
      ['february feb februar février fevrier févr fevr febrero', 2],
      ['march mar märz maerz mars marzo', 3],
      ['april apr avril avr abril abr', 4],
      ['may mai mayo', 5],
      ['june jun juni juin junio', 6],
      ['july jul juli juillet juil julio', 7],
      ['august aug août aout agosto', 8],
      ['september sep sept septembre septiembre setiembre', 9],
      ['october oct oktober okt octobre octubre', 10],
      ['november nov novembre noviembre', 11],
      ['december dec dezember dez décembre decembre diciembre dic', 12],
    ] as const
  ).flatMap(([names, month]) => names.split(' ').map((name) => [name, month])),
);

const MONTH = `(${Object.keys(MONTH_NAMES)
  .sort((a, b) => b.length - a.length)
  .join('|')})\\.?`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th|er|º|\\.)?';
const YEAR = '(\\d{4})';
const L = '(?<![\\p{L}\\d])';
const R = '(?![\\p{L}\\d])';

/** "12 January 2027", "12. Januar", "1er janvier", "12 de enero de 2027". */
const DAY_MONTH = new RegExp(
  `${L}${DAY}\\s*(?:de\\s+)?${MONTH}${R}(?:,?\\s*(?:de\\s+)?${YEAR}${R})?`,
  'giu',
);
/** "January 12, 2027", "Jan 12th". */
const MONTH_DAY = new RegExp(`${L}${MONTH}\\s+${DAY}${R}(?:,?\\s*${YEAR}${R})?`, 'giu');
/** "12.01.2027", "12.01.27", "12.01." — always day first. */
const DOTTED = /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})?(?![\d])/g;
/** "12/01/2027", "12-01-27", "12/1". */
const SLASHED = /(?<![\d/-])(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}|\d{2}))?(?![\d/-])/g;
/** "2027-01-12". */
const ISO = /(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g;

function fullYear(year: string | undefined): number | null {
  if (!year) return null;
  return year.length === 2 ? 2000 + Number(year) : Number(year);
}

/** Day and month of a slashed date: an impossible month decides; otherwise the given order. */
export function slashDayMonth(
  first: number,
  second: number,
  order: SlashDateOrder,
): { day: number; month: number } {
  if (first > 12) return { day: first, month: second };
  if (second > 12) return { day: second, month: first };
  return order === 'day-first' ? { day: first, month: second } : { day: second, month: first };
}

function mentionsOf(text: string, order: SlashDateOrder): DateMention[] {
  const found: DateMention[] = [];
  const add = (match: RegExpMatchArray, date: Omit<DateMention, 'index' | 'end'>) =>
    found.push({ index: match.index ?? 0, end: (match.index ?? 0) + match[0].length, ...date });
  for (const m of text.matchAll(DAY_MONTH)) {
    add(m, {
      day: +m[1],
      month: MONTH_NAMES[m[2].toLowerCase()],
      year: fullYear(m[3]),
      monthNameFirst: false,
    });
  }
  for (const m of text.matchAll(MONTH_DAY)) {
    add(m, {
      day: +m[2],
      month: MONTH_NAMES[m[1].toLowerCase()],
      year: fullYear(m[3]),
      monthNameFirst: true,
    });
  }
  for (const m of text.matchAll(ISO)) {
    add(m, { year: +m[1], month: +m[2], day: +m[3], monthNameFirst: false });
  }
  for (const m of text.matchAll(DOTTED)) {
    add(m, { day: +m[1], month: +m[2], year: fullYear(m[3]), monthNameFirst: false });
  }
  for (const m of text.matchAll(SLASHED)) {
    add(m, { ...slashDayMonth(+m[1], +m[2], order), year: fullYear(m[3]), monthNameFirst: false });
  }
  return found;
}

/** Whether a year, month and day make a real calendar date. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * The dates written in a text, in text order; where two readings overlap the longer wins, and
 * impossible dates (31 February, month 13) are dropped. A year-less mention keeps `year: null`.
 */
export function findDateMentions(text: string, order: SlashDateOrder): DateMention[] {
  const sorted = mentionsOf(text, order).sort((a, b) => a.index - b.index || b.end - a.end);
  const kept: DateMention[] = [];
  for (const mention of sorted) {
    const last = kept[kept.length - 1];
    if (last && mention.index < last.end) continue;
    if (mention.month < 1 || mention.month > 12) continue;
    if (!isCalendarDate(mention.year ?? 2000, mention.month, mention.day)) continue;
    kept.push(mention);
  }
  return kept;
}
