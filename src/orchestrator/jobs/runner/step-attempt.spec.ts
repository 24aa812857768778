import type { RegisteredAction } from '../../agents/agent-registry.service';
import type { ActionContext, ActionResult } from '../../agents/agent.types';
import { attemptStep } from './step-attempt';

function actionOf(invoke: (context: ActionContext) => Promise<ActionResult>): RegisteredAction {
  return {
    invoke: (_params: object, context: ActionContext) => invoke(context),
  } as RegisteredAction;
}

const context = { jobId: 'job-1', stepIndex: 0, state: {}, idempotencyKey: 'job-1:0' };

function attempt(
  invoke: (context: ActionContext) => Promise<ActionResult>,
  options: { jobSignal?: AbortSignal; timeoutMs?: number; allowedWrites?: string[] } = {},
) {
  return attemptStep({
    action: actionOf(invoke),
    params: {},
    context,
    allowedWrites: options.allowedWrites ?? ['a'],
    jobSignal: options.jobSignal ?? new AbortController().signal,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
}

/** An action that waits until its signal aborts, then rejects with the signal's reason. */
const hangs = (context: ActionContext) =>
  new Promise<ActionResult>((_, reject) =>
    context.signal.addEventListener('abort', () => reject(context.signal.reason as Error)),
  );

describe('attemptStep', () => {
  afterEach(() => jest.useRealTimers());

  it('returns the writes and summary of an action that succeeds', async () => {
    await expect(attempt(async () => ({ writes: { a: 1 }, summary: 'Set a' }))).resolves.toEqual({
      ok: true,
      writes: { a: 1 },
      summary: 'Set a',
    });
  });

  it('refuses writes the step did not declare', async () => {
    const outcome = await attempt(async () => ({ writes: { a: 1, b: 2 } }));
    expect(outcome).toMatchObject({ ok: false, message: 'wrote undeclared state keys: b' });
  });

  it('holds the time limit: the action is aborted and the attempt fails as timed out', async () => {
    jest.useFakeTimers();
    let signal: AbortSignal | undefined;
    const pending = attempt(
      (ctx) => {
        signal = ctx.signal;
        return hangs(ctx);
      },
      { timeoutMs: 500 },
    );
    await jest.advanceTimersByTimeAsync(499);
    expect(signal?.aborted).toBe(false);
    await jest.advanceTimersByTimeAsync(1);
    await expect(pending).resolves.toMatchObject({ ok: false, message: 'timed out after 500 ms' });
    expect(signal?.aborted).toBe(true);
  });

  it('fails at the time limit even when the action ignores its signal', async () => {
    jest.useFakeTimers();
    const pending = attempt(() => new Promise<ActionResult>(() => undefined), { timeoutMs: 100 });
    await jest.advanceTimersByTimeAsync(100);
    await expect(pending).resolves.toMatchObject({ ok: false, message: 'timed out after 100 ms' });
  });

  it('aborts the action when the job is aborted, with the job’s reason', async () => {
    const job = new AbortController();
    const pending = attempt(hangs, { jobSignal: job.signal });
    job.abort(new Error('cancelled'));
    await expect(pending).resolves.toMatchObject({ ok: false, message: 'cancelled' });
  });

  it('leaves no timer behind once the action settled', async () => {
    jest.useFakeTimers();
    await attempt(async () => ({ writes: {} }), { timeoutMs: 1000 });
    expect(jest.getTimerCount()).toBe(0);
  });
});
