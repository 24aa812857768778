import type { ValidatedStep } from '../../agents/plan-validation.util';
import type { JobRecord } from '../job.types';
import type { AgentRegistry } from '../../agents/agent-registry.service';
import { IsInt } from 'class-validator';
import { failedWrite, runStart, stepSucceededWrite } from './job-writes.util';

const now = new Date('2026-01-02T03:04:05.000Z');
const step = (action: string, requiresApproval = false) =>
  ({
    agent: 'core',
    action,
    params: {},
    reads: [],
    writes: [],
    requiresApproval,
  }) as unknown as ValidatedStep;

function job(steps: ValidatedStep[], currentStep: number): JobRecord {
  return {
    id: 'job-1',
    steps,
    progress: steps.map((_, i) =>
      i < currentStep
        ? { status: 'succeeded', attempts: 1 }
        : i === currentStep
          ? { status: 'running', attempts: 1 }
          : { status: 'pending', attempts: 0 },
    ),
    currentStep,
    status: 'running',
  } as JobRecord;
}

const succeed = (record: JobRecord, index: number) =>
  stepSucceededWrite({
    job: record,
    index,
    state: { a: 1, b: 2 },
    outcome: { writes: { b: 2 }, summary: 'Set b' },
    runner: 'runner-1',
    now,
  });

describe('stepSucceededWrite', () => {
  it("records the step's outcome, checkpoint and the next step's start in one write", () => {
    const { write, nextStarted } = succeed(job([step('one'), step('two')], 0), 0);
    expect(nextStarted).toBe(1);
    expect(write.set).toEqual({
      currentStep: 1,
      progress: [
        expect.objectContaining({ status: 'succeeded', summary: 'Set b', outputKeys: ['b'] }),
        expect.objectContaining({ status: 'running', attempts: 1, startedAt: now.toISOString() }),
      ],
    });
    expect(write.checkpoint).toEqual({ stepIndex: 0, state: { a: 1, b: 2 } });
    expect(write.contextChanges).toEqual({ stateKeys: ['b'], steps: [0, 1] });
    expect(write.context).not.toHaveProperty('status');
    expect(write.events?.map((event) => event.type)).toEqual(['step_succeeded', 'step_started']);
  });

  it('ends the job with its last step: succeeded, lease released, job_finished', () => {
    const { write, nextStarted } = succeed(job([step('one'), step('two')], 1), 1);
    expect(nextStarted).toBeUndefined();
    expect(write.set).toMatchObject({
      currentStep: 2,
      status: 'succeeded',
      finishedAt: now,
      leaseOwner: null,
      leaseExpiresAt: null,
      wakeAt: null,
    });
    expect(write.context).toMatchObject({ status: 'succeeded' });
    expect(write.contextChanges).toEqual({ stateKeys: ['b'], steps: [1] });
    expect(write.events?.map((event) => event.type)).toEqual(['step_succeeded', 'job_finished']);
  });

  it('neither starts nor ends anything when the next step waits for approval', () => {
    const { write, nextStarted } = succeed(job([step('one'), step('review', true)], 0), 0);
    expect(nextStarted).toBeUndefined();
    expect(write.set).not.toHaveProperty('status');
    expect(write.set.progress?.[1]).toEqual({ status: 'pending', attempts: 0 });
    expect(write.events?.map((event) => event.type)).toEqual(['step_succeeded']);
  });
});

describe('stepSucceededWrite of a step that asks to pause', () => {
  const pause = (wakeAt: Date, steps = [step('wait'), step('two')]) =>
    stepSucceededWrite({
      job: job(steps, 0),
      index: 0,
      state: { a: 1 },
      outcome: { writes: {}, summary: 'Waits', wakeAt },
      runner: 'runner-1',
      now,
    });

  it('parks the job in waiting until then: lease released, no next step started', () => {
    const wakeAt = new Date(now.getTime() + 3600_000);
    const { write, nextStarted } = pause(wakeAt);
    expect(nextStarted).toBeUndefined();
    expect(write.set).toEqual({
      status: 'waiting',
      currentStep: 1,
      wakeAt,
      leaseOwner: null,
      leaseExpiresAt: null,
      progress: [
        expect.objectContaining({ status: 'succeeded', summary: 'Waits' }),
        { status: 'pending', attempts: 0 },
      ],
    });
    expect(write.checkpoint).toEqual({ stepIndex: 0, state: { a: 1 } });
    expect(write.context).toMatchObject({ status: 'waiting', state: { a: 1 } });
    expect(write.events).toEqual([
      expect.objectContaining({ type: 'step_succeeded' }),
      { type: 'job_waiting', data: { wake_at: wakeAt.toISOString() } },
    ]);
  });

  it('parks even after the last step, so the job ends only when the time is up', () => {
    const wakeAt = new Date(now.getTime() + 1000);
    expect(pause(wakeAt, [step('wait')]).write.set.status).toBe('waiting');
  });

  it('goes straight on when the time is already up', () => {
    const { write, nextStarted } = pause(now);
    expect(write.set.status).toBeUndefined();
    expect(nextStarted).toBe(1);
  });
});

describe('stepSucceededWrite of a step that repeats', () => {
  const tick = (
    wakeAt: Date,
    outcome: { writes?: Record<string, unknown>; summary?: string } = {},
    wakeNow = now,
  ) =>
    stepSucceededWrite({
      job: job([step('draft'), step('run'), step('after')], 1),
      index: 1,
      state: { a: 1, ...outcome.writes },
      outcome: { writes: outcome.writes ?? {}, summary: outcome.summary, wakeAt, repeat: true },
      runner: 'runner-1',
      now,
      wakeNow,
    });

  it('parks the job at the same step, waiting, with a fresh count of attempts', () => {
    const wakeAt = new Date(now.getTime() + 86_400_000);
    const { write, nextStarted } = tick(wakeAt, { summary: 'Sent 3; next at 09:00' });
    expect(nextStarted).toBeUndefined();
    expect(write.set).toEqual({
      status: 'waiting',
      wakeAt,
      leaseOwner: null,
      leaseExpiresAt: null,
      progress: [
        { status: 'succeeded', attempts: 1 },
        expect.objectContaining({
          status: 'waiting',
          attempts: 0,
          summary: 'Sent 3; next at 09:00',
          outputKeys: [],
        }),
        { status: 'pending', attempts: 0 },
      ],
    });
    expect(write.set).not.toHaveProperty('currentStep');
    expect(write.checkpoint).toBeUndefined();
    expect(write.context).toMatchObject({ status: 'waiting' });
    expect(write.contextChanges).toEqual({ stateKeys: [], steps: [1] });
    expect(write.events).toEqual([
      {
        type: 'step_waiting',
        data: {
          step: 1,
          summary: 'Sent 3; next at 09:00',
          output_keys: [],
          wake_at: wakeAt.toISOString(),
        },
      },
      { type: 'job_waiting', data: { wake_at: wakeAt.toISOString() } },
    ]);
  });

  it('keeps what a run wrote in the state and a checkpoint', () => {
    const { write } = tick(new Date(now.getTime() + 1000), { writes: { ticks: 4 } });
    expect(write.checkpoint).toEqual({ stepIndex: 1, state: { a: 1, ticks: 4 } });
    expect(write.contextChanges).toEqual({ stateKeys: ['ticks'], steps: [1] });
  });

  it('parks even when the time is already up: the claim takes it again at once', () => {
    const { write } = tick(new Date(now.getTime() - 1000));
    expect(write.set).toMatchObject({ status: 'waiting' });
    expect(write.set).not.toHaveProperty('currentStep');
  });
});

describe('stepSucceededWrite compares wake-up times with the injected clock', () => {
  const pause = (wakeAt: Date, wakeNow: Date) =>
    stepSucceededWrite({
      job: job([step('wait'), step('two')], 0),
      index: 0,
      state: {},
      outcome: { writes: {}, wakeAt },
      runner: 'runner-1',
      now,
      wakeNow,
    });

  it('parks for a time after the clock, goes on for one before it', () => {
    const clock = new Date('2026-03-02T08:00:00.000Z');
    expect(pause(new Date('2026-03-03T08:00:00.000Z'), clock).write.set.status).toBe('waiting');
    expect(pause(new Date('2026-03-01T08:00:00.000Z'), clock).write.set.status).toBeUndefined();
  });
});

describe('failedWrite', () => {
  it('fails the job at the step, with the error in the job, its context and its events', () => {
    const write = failedWrite(job([step('one')], 0), 0, 'boom', now);
    expect(write.set).toMatchObject({
      status: 'failed',
      error: 'Step 0 (core.one) failed: boom',
      leaseOwner: null,
      wakeAt: null,
    });
    expect(write.contextErrors).toEqual([
      { step: 0, agent: 'core', action: 'one', attempt: 1, message: 'boom', at: now.toISOString() },
    ]);
    expect(write.events.map((event) => event.type)).toEqual(['step_failed', 'job_finished']);
  });
});

describe('runStart', () => {
  class CountParams {
    @IsInt()
    n: number;
  }
  const registry = {
    findAction: (_agent: string, action: string) =>
      action === 'missing' ? undefined : { paramsType: CountParams },
  } as unknown as Pick<AgentRegistry, 'findAction'>;
  const start = (steps: ValidatedStep[], params: Record<string, unknown> = { n: 1 }) =>
    runStart({
      job: job(
        steps.map((entry) => ({ ...entry, params })),
        0,
      ),
      registry,
      runner: 'runner-1',
      now,
    });

  it("records the first step's start, the context running, with the params validated", () => {
    const started = start([step('one'), step('two')]);
    expect(started?.index).toBe(0);
    expect(started?.params).toBeInstanceOf(CountParams);
    expect(started?.write).toMatchObject({
      set: {
        progress: [expect.objectContaining({ status: 'running', attempts: 2 }), expect.anything()],
      },
      context: { status: 'running' },
      events: [{ type: 'step_started', data: { step: 0, attempt: 2, runner: 'runner-1' } }],
    });
  });

  it('writes nothing for a step that waits for approval, is not installed or has bad params', () => {
    expect(start([step('review', true)])).toBeUndefined();
    expect(start([step('missing')])).toBeUndefined();
    expect(start([step('one')], { n: 'x' })).toBeUndefined();
  });
});
