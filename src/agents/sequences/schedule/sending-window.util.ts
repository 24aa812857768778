/** Days of the week as a sending window names them, Monday first (ISO order). */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * When messages may go out, in the recipient's zone: on `days`, from `start` (inclusive) to `end`
 * (exclusive), both `HH:MM` on a 24-hour clock; `end` may be `24:00` (midnight). A window does not
 * span midnight.
 */
export interface SendingWindow {
  days: Weekday[];
  start: string;
  end: string;
}

/** What is wrong with a sending window, naming the field (`days`, `days[2]`, `start`, `end`). */
export interface SendingWindowProblem {
  field: string;
  message: string;
}

/** A time a window may start at: `HH:MM` from 00:00 to 23:59. */
export const START_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A time a window may end at: `HH:MM` from 00:00 to 24:00 (midnight). */
export const END_TIME = /^(?:([01]\d|2[0-3]):([0-5]\d)|(24):(00))$/;

/** Minutes after midnight of a window's `start` or `end` time; undefined when it is not one. */
export function windowTimeMinutes(value: unknown, edge: 'start' | 'end'): number | undefined {
  return minutesOf(value, edge === 'start' ? START_TIME : END_TIME);
}

/** Every problem of a window (none: it is valid). Tolerates any input, as a DTO may pass one. */
export function validateSendingWindow(window: SendingWindow): SendingWindowProblem[] {
  const problems: SendingWindowProblem[] = [...dayProblems(window?.days)];
  const start = minutesOf(window?.start, START_TIME);
  const end = minutesOf(window?.end, END_TIME);
  if (start === undefined) {
    problems.push({
      field: 'start',
      message: `must be HH:MM from 00:00 to 23:59, got ${shown(window?.start)}`,
    });
  }
  if (end === undefined) {
    problems.push({
      field: 'end',
      message: `must be HH:MM from 00:00 to 24:00, got ${shown(window?.end)}`,
    });
  }
  if (start !== undefined && end !== undefined && start >= end) {
    problems.push({
      field: 'end',
      message: `must be after start (${window.start}); a window does not span midnight`,
    });
  }
  return problems;
}

/** A valid window's hours in minutes after midnight; throws a RangeError listing the problems. */
export function windowMinutes(window: SendingWindow): { start: number; end: number } {
  const problems = validateSendingWindow(window);
  if (problems.length > 0) {
    const list = problems.map((problem) => `${problem.field} ${problem.message}`).join('; ');
    throw new RangeError(`Invalid sending window: ${list}`);
  }
  return { start: minutesOf(window.start, START_TIME)!, end: minutesOf(window.end, END_TIME)! };
}

/** The ISO weekday number (Monday 1 … Sunday 7) of a day name. */
export function isoWeekday(day: Weekday): number {
  return WEEKDAYS.indexOf(day) + 1;
}

function dayProblems(days: unknown): SendingWindowProblem[] {
  if (!Array.isArray(days) || days.length === 0) {
    return [{ field: 'days', message: `must list at least one of ${WEEKDAYS.join(', ')}` }];
  }
  const problems: SendingWindowProblem[] = [];
  const seen = new Set<unknown>();
  days.forEach((day: unknown, index) => {
    if (!WEEKDAYS.includes(day as Weekday)) {
      problems.push({
        field: `days[${index}]`,
        message: `must be one of ${WEEKDAYS.join(', ')}, got ${shown(day)}`,
      });
    } else if (seen.has(day)) {
      problems.push({ field: `days[${index}]`, message: `${shown(day)} is listed twice` });
    }
    seen.add(day);
  });
  return problems;
}

function minutesOf(value: unknown, pattern: RegExp): number | undefined {
  const match = typeof value === 'string' ? pattern.exec(value) : null;
  if (!match) return undefined;
  const [hours, minutes] = match.slice(1).filter((part) => part !== undefined);
  return Number(hours) * 60 + Number(minutes);
}

function shown(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
