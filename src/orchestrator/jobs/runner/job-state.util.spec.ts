import type { ValidatedStep } from '../../agents/plan-validation.util';
import { canApply, earliestWake, isTerminal, nextMove } from './job-state.util';
import type { StepProgress } from '../job.types';

const step = (requiresApproval = false): ValidatedStep => ({
  agent: 'core',
  action: requiresApproval ? 'review' : 'set_context',
  params: {},
  reads: [],
  writes: [],
  sideEffect: false,
  requiresApproval,
});
const pending: StepProgress = { status: 'pending', attempts: 0 };

describe('job state machine', () => {
  it.each([
    ['cancel', 'queued', true],
    ['cancel', 'running', true],
    ['cancel', 'waiting_approval', true],
    ['cancel', 'succeeded', false],
    ['cancel', 'cancelled', false],
    ['retry', 'failed', true],
    ['retry', 'running', false],
    ['approve', 'waiting_approval', true],
    ['approve', 'queued', false],
    ['reject', 'waiting_approval', true],
    ['reject', 'failed', false],
  ] as const)('%s from %s: %s', (command, status, allowed) => {
    expect(canApply(command, status)).toBe(allowed);
  });

  it('knows the terminal statuses', () => {
    expect(['succeeded', 'failed', 'cancelled'].every((s) => isTerminal(s as never))).toBe(true);
    expect(isTerminal('waiting_approval')).toBe(false);
  });

  it('runs the next step, parks before an unapproved one, finishes after the last', () => {
    const steps = [step(), step(true), step()];
    const progress = [pending, pending, pending];
    expect(nextMove({ steps, progress, currentStep: 0 })).toEqual({ kind: 'run', index: 0 });
    expect(nextMove({ steps, progress, currentStep: 1 })).toEqual({ kind: 'park', index: 1 });
    const approved = [pending, { ...pending, approval: 'approved' as const }, pending];
    expect(nextMove({ steps, progress: approved, currentStep: 1 })).toEqual({
      kind: 'run',
      index: 1,
    });
    expect(nextMove({ steps, progress, currentStep: 3 })).toEqual({ kind: 'finish' });
  });
});

describe('earliestWake', () => {
  const at = (iso: string) => new Date(iso);

  it("keeps a park's own time unless an earlier wake-up is pending", () => {
    expect(earliestWake(at('2026-03-02T09:00:00Z'), null)).toEqual(at('2026-03-02T09:00:00Z'));
    expect(earliestWake(at('2026-03-02T09:00:00Z'), at('2026-03-01T12:00:00Z'))).toEqual(
      at('2026-03-01T12:00:00Z'),
    );
    expect(earliestWake(at('2026-03-02T09:00:00Z'), at('2026-03-05T12:00:00Z'))).toEqual(
      at('2026-03-02T09:00:00Z'),
    );
  });
});
