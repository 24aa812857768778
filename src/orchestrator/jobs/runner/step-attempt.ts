import type { RegisteredAction } from '../../agents/agent-registry.service';
import type { ActionContext } from '../../agents/agent.types';
import { ActionError } from '../../agents/retry-policy.util';

export type AttemptOutcome =
  | {
      ok: true;
      writes: Record<string, unknown>;
      summary?: string;
      wakeAt?: Date;
      repeat?: boolean;
    }
  | { ok: false; error: unknown; message: string };

/** Why a step's signal aborted when its time limit passed. */
class StepTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`timed out after ${timeoutMs} ms`);
    this.name = 'TimeoutError'; // as AbortSignal.timeout() names it
  }
}

/**
 * One attempt of a step: the action called with its inputs, a time limit, and the job's abort
 * signal. Writes outside what the step declared are refused, so plans stay truthful.
 *
 * The step's signal is one plain AbortController that the job's signal and a timer abort: cheaper
 * than `AbortSignal.any([job, AbortSignal.timeout()])` (weak references, a registry entry per
 * step), and the timer is cleared as soon as the action settles.
 */
export async function attemptStep(input: {
  action: RegisteredAction;
  params: object;
  context: Omit<ActionContext, 'signal'>;
  allowedWrites: string[];
  jobSignal: AbortSignal;
  timeoutMs: number;
}): Promise<AttemptOutcome> {
  const step = new AbortController();
  const { signal } = step;
  const onJobAbort = () => step.abort(input.jobSignal.reason);
  if (input.jobSignal.aborted) onJobAbort();
  else input.jobSignal.addEventListener('abort', onJobAbort, { once: true });
  const timer = setTimeout(
    () => step.abort(new StepTimeoutError(input.timeoutMs)),
    input.timeoutMs,
  );
  try {
    const result = await Promise.race([
      input.action.invoke(input.params, { ...input.context, signal }),
      abortion(signal),
    ]);
    const writes = result.writes ?? {};
    const undeclared = Object.keys(writes).filter((key) => !input.allowedWrites.includes(key));
    if (undeclared.length > 0) {
      const error = new ActionError(`wrote undeclared state keys: ${undeclared.join(', ')}`);
      return { ok: false, error, message: error.message };
    }
    return {
      ok: true,
      writes,
      summary: result.summary,
      wakeAt: result.wakeAt,
      ...(result.repeat && result.wakeAt ? { repeat: true } : {}),
    };
  } catch (error) {
    if (signal.reason instanceof StepTimeoutError && !input.jobSignal.aborted) {
      return { ok: false, error, message: signal.reason.message };
    }
    return { ok: false, error, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
    input.jobSignal.removeEventListener('abort', onJobAbort);
  }
}

function abortion(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () =>
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    if (signal.aborted) fail();
    else signal.addEventListener('abort', fail, { once: true });
  });
}
