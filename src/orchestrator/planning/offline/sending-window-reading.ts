import { Evidence } from './evidence';
import { Span, WORD_END, WORD_START } from './text-matching';

// When a sequence's emails may go out, in plain words: "during working hours" (Monday to Friday,
// 09:00–17:00, the sequence's default said aloud), "between 9am and 5:30pm", "on weekdays",
// "Tuesday to Thursday". Always in each prospect's own time zone. Read only with follow-ups.

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Day = (typeof DAYS)[number];
const DAY_NAMES =
  'monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun';

/** A sending window, as a sequence's settings hold it. */
export interface WindowSetting {
  days: Day[];
  start: string;
  end: string;
}

export type WindowReading =
  | { ok: true; window?: WindowSetting; evidence: Evidence[]; spans: Span[] }
  | { ok: false; reason: string };

const THEIR_TIME =
  "(?:\\s+(?:in\\s+)?(?:their|the\\s+prospects?'s?|each\\s+prospect's|local)\\s+(?:own\\s+)?(?:local\\s+)?time(?:\\s+zones?)?)?";
const WORKING_HOURS = new RegExp(
  `${WORD_START}(?:only\\s+)?(?:during|in|within|inside)\\s+(?:(?:their|the|normal|regular|local|usual|own|each\\s+prospect's|the\\s+prospect's)\\s+)*(?:working|business|office|work)\\s+hours${THEIR_TIME}${WORD_END}`,
  'iu',
);
const TIME = "(?:\\d{1,2}(?:[:.]\\d{2})?(?:\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|o'clock))?|noon|midday)";
const BETWEEN = new RegExp(
  `${WORD_START}(?<!\\bscor(?:e|ed|es|ing)\\s+)(?:only\\s+)?(?:between|from)\\s+(?<start>${TIME})\\s*(?:and|to|-|until|till)\\s*(?<end>${TIME})${THEIR_TIME}` +
    '(?!\\s*(?:%|percent|employees|people|staff|years?|days?|weeks?|months?|k\\b|m\\b))(?![\\p{L}\\p{N}.])',
  'iu',
);
const WEEKDAYS = new RegExp(
  `${WORD_START}(?:only\\s+)?on\\s+(?:week\\s?days|working\\s+days|business\\s+days)${WORD_END}`,
  'iu',
);
const DAY_RANGE = new RegExp(
  `${WORD_START}(?:(?:only\\s+)?(?:on|from)\\s+)?(?<first>${DAY_NAMES})s?\\s*(?:to|-|through|till|until)\\s*(?<last>${DAY_NAMES})s?${WORD_END}`,
  'iu',
);

/** Minutes after midnight of a time as said; undefined when it is not one, or is ambiguous. */
function minutesOf(said: string, edge: 'start' | 'end', start?: number): number | undefined {
  const text = said
    .toLowerCase()
    .replace(/([ap])\.m\./, '$1m')
    .replace(/(\d)\.(\d)/, '$1:$2');
  if (text === 'noon' || text === 'midday') return 12 * 60;
  const match = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm|o'clock)?$/.exec(text.replace(/\s+/g, ' '));
  if (!match) return undefined;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const marker = match[3];
  if (minute > 59) return undefined;
  if (marker === 'am' || marker === 'pm') {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (marker === 'pm' ? 12 : 0);
  } else if (match[2] === undefined && marker === undefined) {
    // A bare hour: office hours on a 12-hour clock ("between 9 and 5"), or a 24-hour clock.
    if (edge === 'start' && !(hour >= 6 && hour <= 11) && !(hour >= 13 && hour <= 23))
      return undefined;
    // An end after a bare start: up to noon as said ("9 and 12"), else in the afternoon ("9 and 5").
    if (edge === 'end' && start !== undefined && start < 12 * 60) {
      if (hour > 12 || hour < 1) return undefined;
      if (hour * 60 <= start) hour += 12;
    }
  }
  if (hour > 24 || (hour === 24 && minute > 0) || (edge === 'start' && hour === 24))
    return undefined;
  return hour * 60 + minute;
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const dayOf = (name: string): Day => name.toLowerCase().slice(0, 3) as Day;

/**
 * The sending window a command gives, with evidence for each value it says (`settings.window.*`
 * of the sequence), the default filling what it leaves out; a refusal naming the words of a window
 * that cannot be (it would end before it starts). Nothing said: no window.
 */
export function readSendingWindow(text: string): WindowReading {
  const evidence: Evidence[] = [];
  const spans: Span[] = [];
  const window: WindowSetting = {
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    start: '09:00',
    end: '17:00',
  };
  const said = (match: RegExpExecArray, values: [string, string][]) => {
    const span = { start: match.index, end: match.index + match[0].length };
    spans.push(span);
    for (const [param, value] of values)
      evidence.push({ ...span, param: `settings.window.${param}`, value });
  };
  const hours = WORKING_HOURS.exec(text);
  // Working hours are the default window; the days are the default's too (Monday to Friday).
  if (hours)
    said(hours, [
      ['start', '09:00'],
      ['end', '17:00'],
    ]);
  const between = BETWEEN.exec(text);
  if (between) {
    const start = minutesOf(between.groups!.start, 'start');
    const end = start === undefined ? undefined : minutesOf(between.groups!.end, 'end', start);
    if (start !== undefined && end !== undefined) {
      if (end <= start) {
        return {
          ok: false,
          reason: `The offline planner cannot send "${between[0].trim()}": a sending window ends later than it starts, on the same day.`,
        };
      }
      Object.assign(window, { start: clock(start), end: clock(end) });
      said(between, [
        ['start', window.start],
        ['end', window.end],
      ]);
    }
  }
  const weekdays = WEEKDAYS.exec(text);
  if (weekdays)
    said(
      weekdays,
      window.days.map((day) => ['days', day]),
    );
  const range = DAY_RANGE.exec(text);
  if (range) {
    const first = DAYS.indexOf(dayOf(range.groups!.first));
    const last = DAYS.indexOf(dayOf(range.groups!.last));
    if (last < first) {
      return {
        ok: false,
        reason: `The offline planner cannot send "${range[0].trim()}": say the days of the week from Monday to Sunday.`,
      };
    }
    window.days = DAYS.slice(first, last + 1);
    said(
      range,
      window.days.map((day) => ['days', day]),
    );
  }
  return spans.length > 0 ? { ok: true, window, evidence, spans } : { ok: true, evidence, spans };
}
