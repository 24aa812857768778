/** Whether the prospect database holds sample prospects, and prospects that are not samples. */
export interface SamplePresence {
  hasSample: boolean;
  hasReal: boolean;
}

/**
 * Whether a search leaves the sample prospects out. `includeSample` decides when given (true:
 * include, false: leave out); without it they are left out once any prospect that is not sample
 * data exists, so a fresh install's demo finds them and a first real campaign never does. No
 * filter at all when there is no sample prospect: nothing to leave out, and the search keeps its
 * plan.
 */
export function shouldExcludeSamples(input: {
  includeSample?: boolean;
  presence: SamplePresence;
}): boolean {
  if (!input.presence.hasSample) return false;
  if (input.includeSample !== undefined) return !input.includeSample;
  return input.presence.hasReal;
}
