import type { RegisteredAction } from '../agents/agent-registry.service';
import type { ActionContext } from '../agents/agent.types';
import { ActionError } from './retry-policy.util';

export type AttemptOutcome =
  | { ok: true; writes: Record<string, unknown>; summary?: string }
  | { ok: false; error: unknown; message: string };

/**
 * One attempt of a step: the action called with its inputs, a time limit, and the job's abort
 * signal. Writes outside what the step declared are refused, so plans stay truthful.
 */
export async function attemptStep(input: {
  action: RegisteredAction;
  params: object;
  context: Omit<ActionContext, 'signal'>;
  allowedWrites: string[];
  jobSignal: AbortSignal;
  timeoutMs: number;
}): Promise<AttemptOutcome> {
  const timeout = AbortSignal.timeout(input.timeoutMs);
  const signal = AbortSignal.any([input.jobSignal, timeout]);
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
    return { ok: true, writes, summary: result.summary };
  } catch (error) {
    if (timeout.aborted && !input.jobSignal.aborted) {
      return { ok: false, error, message: `timed out after ${input.timeoutMs} ms` };
    }
    return { ok: false, error, message: error instanceof Error ? error.message : String(error) };
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
