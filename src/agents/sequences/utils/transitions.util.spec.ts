import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '../sequence.types';
import {
  ENROLLMENT_TRANSITIONS,
  SEQUENCE_TRANSITIONS,
  transitionRefusal,
  type EnrollmentAction,
} from './transitions.util';

const allowed: Record<EnrollmentAction, EnrollmentStatus[]> = {
  pause: ['active'],
  resume: ['paused'],
  stop: ['active', 'paused'],
};

describe('enrollment transitions', () => {
  const cases = (Object.keys(allowed) as EnrollmentAction[]).flatMap((action) =>
    ENROLLMENT_STATUSES.map((status) => [action, status] as const),
  );

  it.each(cases)('%s from %s', (action, status) => {
    const refusal = transitionRefusal({
      what: 'enrollment',
      action,
      transition: ENROLLMENT_TRANSITIONS[action],
      status,
    });
    if (allowed[action].includes(status)) expect(refusal).toBeUndefined();
    else expect(refusal).toMatch(new RegExp(`^is ${status}: only an? .* enrollment can be`));
  });

  it('says what the action needs', () => {
    const refusal = transitionRefusal({
      what: 'enrollment',
      action: 'stop',
      transition: ENROLLMENT_TRANSITIONS.stop,
      status: 'finished',
    });
    expect(refusal).toBe('is finished: only an active or paused enrollment can be stopped');
  });

  it('ends a stop in `stopped`, a pause in `paused` and a resume in `active`', () => {
    expect(ENROLLMENT_TRANSITIONS.stop.to).toBe('stopped');
    expect(ENROLLMENT_TRANSITIONS.pause.to).toBe('paused');
    expect(ENROLLMENT_TRANSITIONS.resume.to).toBe('active');
  });
});

describe('sequence transitions', () => {
  it('pauses an active sequence and resumes a paused one, nothing else', () => {
    const refusal = (action: 'pause' | 'resume', status: 'active' | 'paused') =>
      transitionRefusal({
        what: 'sequence',
        action,
        transition: SEQUENCE_TRANSITIONS[action],
        status,
      });
    expect(refusal('pause', 'active')).toBeUndefined();
    expect(refusal('resume', 'paused')).toBeUndefined();
    expect(refusal('pause', 'paused')).toBe('is paused: only an active sequence can be paused');
    expect(refusal('resume', 'active')).toBe('is active: only a paused sequence can be resumed');
  });
});
