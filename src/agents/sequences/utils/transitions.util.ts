import type { EnrollmentStatus, SequenceStatus } from '../sequence.types';

/** A change of status a route asks for: the statuses it applies to, and the one it leads to. */
export interface Transition<Status extends string> {
  from: readonly Status[];
  to: Status;
}

export const SEQUENCE_TRANSITIONS = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
} as const satisfies Record<string, Transition<SequenceStatus>>;
export type SequenceAction = keyof typeof SEQUENCE_TRANSITIONS;

export const ENROLLMENT_TRANSITIONS = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  stop: { from: ['active', 'paused'], to: 'stopped' },
} as const satisfies Record<string, Transition<EnrollmentStatus>>;
export type EnrollmentAction = keyof typeof ENROLLMENT_TRANSITIONS;

/** Past tense of each action, for messages. */
const DONE: Record<EnrollmentAction | SequenceAction, string> = {
  pause: 'paused',
  resume: 'resumed',
  stop: 'stopped',
};

/**
 * Why `action` cannot apply to something in `status` ("… is finished: only an active or paused
 * enrollment can be stopped"), or undefined when it can.
 */
export function transitionRefusal<Status extends string>(input: {
  what: 'sequence' | 'enrollment';
  action: EnrollmentAction | SequenceAction;
  transition: Transition<Status>;
  status: Status;
}): string | undefined {
  const { what, action, transition, status } = input;
  if (transition.from.includes(status)) return undefined;
  const from = transition.from.join(' or ');
  const article = /^[aeiou]/.test(from) ? 'an' : 'a';
  return `is ${status}: only ${article} ${from} ${what} can be ${DONE[action]}`;
}
