import { isUUID, registerDecorator, ValidationArguments } from 'class-validator';
import { windowTimeMinutes } from '../../schedule/sending-window.util';
import { templateProblems } from '../../utils/template-variables.util';
import { isValidTimeZone } from '../../schedule/time-zone.util';

/** The smallest and largest wait, in days or business days. */
export const MIN_WAIT_DAYS = 1;
export const MAX_WAIT_DAYS = 365;

type Rule = {
  name: string;
  /** The problem with the value, or undefined when it is fine. */
  problem(value: unknown, object: Record<string, unknown>, property: string): string | undefined;
};

/** A property rule whose message is the problem found, after the property's name. */
function rule({ name, problem }: Rule) {
  return (target: object, key: string) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: key,
      validator: {
        validate: (value: unknown, args: ValidationArguments) =>
          problem(value, args.object as Record<string, unknown>, key) === undefined,
        defaultMessage: (args?: ValidationArguments) =>
          `${key} ${problem(args?.value, (args?.object ?? {}) as Record<string, unknown>, key)}`,
      },
    });
}

/** A template's `{{variable}}` placeholders are ones the email drafting fills (strings only). */
export function IsEmailTemplate() {
  return rule({
    name: 'isEmailTemplate',
    problem: (value) =>
      typeof value === 'string' ? templateProblems(value).join('; ') || undefined : undefined,
  });
}

/** An IANA time zone the runtime knows (strings only). */
export function IsKnownTimeZone() {
  return rule({
    name: 'isKnownTimeZone',
    problem: (value) =>
      typeof value !== 'string' || isValidTimeZone(value)
        ? undefined
        : `must be an IANA time zone such as Europe/Berlin or UTC, not "${String(value).slice(0, 64)}"`,
  });
}

/** A window's end, later than its start in `property` (when both are window times). */
export function IsLaterThan(property: string) {
  return rule({
    name: 'isLaterThan',
    problem: (value, object) => {
      const end = windowTimeMinutes(value, 'end');
      const other = object[property];
      const start = windowTimeMinutes(other, 'start');
      if (end === undefined || start === undefined || end > start) return undefined;
      return `must be later than ${property} (${String(other)}): the window would have no hours`;
    },
  });
}

/**
 * One of two properties holds a whole number of days from MIN_WAIT_DAYS to MAX_WAIT_DAYS: put on
 * both, each naming the other. Neither is reported on the first; both, on the second.
 */
export function IsWaitLength(other: string, { first }: { first: boolean }) {
  return rule({
    name: 'isWaitLength',
    problem: (value, object) => {
      const otherGiven = object[other] !== undefined;
      if (value === undefined) {
        return otherGiven || !first
          ? undefined
          : `or ${other} is required: a wait of ${MIN_WAIT_DAYS} to ${MAX_WAIT_DAYS} days`;
      }
      if (otherGiven && !first) return `cannot be given with ${other}: choose one`;
      const valid =
        Number.isInteger(value) &&
        (value as number) >= MIN_WAIT_DAYS &&
        (value as number) <= MAX_WAIT_DAYS;
      return valid
        ? undefined
        : `must be a whole number from ${MIN_WAIT_DAYS} to ${MAX_WAIT_DAYS}, not ${JSON.stringify(value)?.slice(0, 32)}`;
    },
  });
}

/** Exactly one of `properties` is given: put on the first of them. */
export function IsOneOf(properties: string[]) {
  return rule({
    name: 'isOneOf',
    problem: (_value, object) => {
      const given = properties.filter((property) => object[property] !== undefined);
      if (given.length === 1) return undefined;
      const others = properties.slice(1).join(' or ');
      return given.length === 0 ? `or ${others} is required` : `cannot be given with ${others}`;
    },
  });
}

/** A list of steps whose first is an email (`type: 'email'`); other problems are the steps' own. */
export function StartsWithEmail() {
  return rule({
    name: 'startsWithEmail',
    problem: (value) => {
      if (!Array.isArray(value) || value.length === 0) return undefined;
      const first = (value[0] ?? {}) as { type?: unknown };
      return first.type === 'email'
        ? undefined
        : `must start with an email step: steps.0 is ${JSON.stringify(first.type ?? null)?.slice(0, 32)}`;
    },
  });
}

/** A list of 1 to `max` UUIDs (when given). */
export function IsIdList(max: number) {
  return rule({
    name: 'isIdList',
    problem: (value) => {
      if (value === undefined) return undefined;
      if (!Array.isArray(value)) return 'must be a list of UUIDs';
      if (value.length === 0) return 'must list at least one id';
      if (value.length > max) return `must list at most ${max} ids (${value.length} given)`;
      const bad = value.find((id) => typeof id !== 'string' || !isUUID(id));
      return bad === undefined
        ? undefined
        : `must hold UUIDs only, not ${JSON.stringify(bad)?.slice(0, 64)}`;
    },
  });
}

/** Text of 1 to `max` characters, or a plain object (a sender or an offer, as email.draft takes them). */
export function IsTextOrObject(max: number) {
  return rule({
    name: 'isTextOrObject',
    problem: (value) => {
      if (value === undefined) return undefined;
      if (typeof value === 'string') {
        return value.trim().length > 0 && value.length <= max
          ? undefined
          : `must be text of 1 to ${max} characters, or an object`;
      }
      return typeof value === 'object' && value !== null && !Array.isArray(value)
        ? undefined
        : 'must be text or an object';
    },
  });
}
