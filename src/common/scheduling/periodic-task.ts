/** One hour, in ms: how often the retention tasks run. */
export const HOUR_MS = 3_600_000;
/** One day, in ms. */
export const DAY_MS = 24 * HOUR_MS;

/**
 * Runs `task` now and then every `everyMs`, without keeping the process alive; the answer stops
 * it. The task handles its own errors (a rejection would be unhandled).
 */
export function runPeriodically(task: () => Promise<unknown>, everyMs: number): () => void {
  void task();
  const timer = setInterval(() => void task(), everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
