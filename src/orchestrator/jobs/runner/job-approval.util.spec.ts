import type { StepProgress } from '../job.types';
import { conflictingDecision, describeDecision, latestDecision } from './job-approval.util';

const step = (change: Partial<StepProgress> = {}): StepProgress => ({
  status: 'succeeded',
  attempts: 1,
  ...change,
});

describe('latestDecision', () => {
  it('is undefined when no step was decided', () => {
    expect(latestDecision({ progress: [step(), step()] })).toBeUndefined();
  });

  it('is the decision of the last step decided, with who and when', () => {
    const progress = [
      step({ approval: 'approved', decidedBy: 'alice', decidedAt: '2026-12-07T10:00:00.000Z' }),
      step(),
      step({ approval: 'rejected', decidedBy: 'bob', decidedAt: '2026-12-07T11:00:00.000Z' }),
      step({ status: 'cancelled' }),
    ];
    expect(latestDecision({ progress })).toEqual({
      step: 2,
      decision: 'rejected',
      by: 'bob',
      at: '2026-12-07T11:00:00.000Z',
    });
  });

  it('has null who and when for a decision stored before they were recorded', () => {
    expect(latestDecision({ progress: [step({ approval: 'approved' })] })).toEqual({
      step: 0,
      decision: 'approved',
      by: null,
      at: null,
    });
  });
});

describe('conflictingDecision', () => {
  const approved = step({ approval: 'approved', decidedBy: 'alice', decidedAt: 'T1' });

  it('names the decision on the step the job stands at', () => {
    const rejected = step({ status: 'cancelled', approval: 'rejected', decidedBy: 'bob' });
    expect(
      conflictingDecision({ progress: [approved, rejected], currentStep: 1, status: 'cancelled' }),
    ).toMatchObject({ step: 1, decision: 'rejected', by: 'bob' });
  });

  it('names the latest decision when the job went on past it', () => {
    expect(
      conflictingDecision({ progress: [approved, step()], currentStep: 2, status: 'succeeded' }),
    ).toMatchObject({ step: 0, decision: 'approved', by: 'alice', at: 'T1' });
  });

  it('names none when a cancel or a later failure stopped the job', () => {
    const waiting = step({ status: 'waiting_approval' });
    expect(
      conflictingDecision({ progress: [approved, waiting], currentStep: 1, status: 'cancelled' }),
    ).toBeUndefined();
    const failed = step({ status: 'failed' });
    expect(
      conflictingDecision({ progress: [approved, failed], currentStep: 1, status: 'failed' }),
    ).toBeUndefined();
  });
});

describe('describeDecision', () => {
  it('names the step, the decision, who and when', () => {
    expect(
      describeDecision({
        step: 1,
        decision: 'approved',
        by: 'ops',
        at: '2026-12-07T10:00:00.000Z',
      }),
    ).toBe('step 1 was approved by "ops" at 2026-12-07T10:00:00.000Z');
    expect(describeDecision({ step: 0, decision: 'rejected', by: null, at: null })).toBe(
      'step 0 was rejected',
    );
  });
});
