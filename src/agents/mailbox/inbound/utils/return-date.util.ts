import { DateMention, findDateMentions } from './date-mentions.util';
import { slashDateOrder } from './text-language.util';

/** A pattern for whole words (JavaScript's \b does not know letters like é or ü). */
function words(alternatives: string, flags = 'iu'): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${alternatives})(?![\\p{L}])`, flags);
}

/** Words that name the day someone is back, shortly before the date ("back on", "de retour le"). */
const RETURN_BEFORE = words(
  'back|return(?:s|ing|ed)?|in the office|zurück|wieder|retour|reviens|reprendrai|rentre|regres(?:o|aré|are|aremos)|volver(?:é|e)|vuelta',
);
/** German names the return after the date ("ab dem 12. Januar wieder da", "am 12.01. zurück"). */
const RETURN_AFTER = /^[^.!?\n]{0,15}?(?<![\p{L}])(?:wieder|zurück)(?![\p{L}])/iu;
/** Words that name the last day away ("until", "bis zum", "jusqu'au", "hasta el"). */
const UNTIL_BEFORE = words('until|till|through|bis|jusqu|hasta');
const WINDOW = 40;

type Anchor = 'return' | 'until' | 'none';

function anchorOf(text: string, mention: DateMention): Anchor {
  const before = text.slice(Math.max(0, mention.index - WINDOW), mention.index);
  const clause = before.split(/[.!?\n]\s/).pop() ?? before;
  if (RETURN_BEFORE.test(clause) || RETURN_AFTER.test(text.slice(mention.end))) return 'return';
  return UNTIL_BEFORE.test(clause) ? 'until' : 'none';
}

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The date a mention means, as YYYY-MM-DD: a year-less one is its next occurrence on or after
 * the message's day. Null when it lies before that day, or has no year and there is no date.
 */
export function resolveMention(mention: DateMention, messageDate: Date | null): string | null {
  const today = messageDate ? messageDate.toISOString().slice(0, 10) : null;
  if (mention.year !== null) {
    const date = isoDate(mention.year, mention.month, mention.day);
    return today && date < today ? null : date;
  }
  if (!messageDate || !today) return null;
  const year = messageDate.getUTCFullYear();
  const thisYear = isoDate(year, mention.month, mention.day);
  if (thisYear >= today) return thisYear;
  // 29 February without a year: the next leap year would be a guess too far.
  return mention.month === 2 && mention.day === 29
    ? null
    : isoDate(year + 1, mention.month, mention.day);
}

/**
 * The return date an automatic answer names, YYYY-MM-DD, or null. Prefers a date after "back" /
 * "zurück" / "de retour" / "de vuelta" (the first), then one after "until" / "bis" / "jusqu'au" /
 * "hasta" (the latest: it is the date named, not the day after), then the latest date in the text.
 * Dates before the message's day are ignored; year-less dates are the next occurrence after it.
 */
export function findReturnDate(input: { text: string; messageDate: Date | null }): string | null {
  const { text, messageDate } = input;
  const candidates = findDateMentions(text, slashDateOrder(text))
    .map((mention) => ({
      anchor: anchorOf(text, mention),
      date: resolveMention(mention, messageDate),
    }))
    .filter((candidate): candidate is { anchor: Anchor; date: string } => candidate.date !== null);
  const firstReturn = candidates.find((candidate) => candidate.anchor === 'return');
  if (firstReturn) return firstReturn.date;
  const latest = (anchor?: Anchor) =>
    candidates
      .filter((candidate) => !anchor || candidate.anchor === anchor)
      .map((candidate) => candidate.date)
      .sort()
      .pop() ?? null;
  return latest('until') ?? latest();
}
