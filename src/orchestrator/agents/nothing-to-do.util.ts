/**
 * The summary of a step whose input list is empty ("Nothing to do: no prospects"). Such a step
 * succeeds and writes its outputs empty: an empty search is a normal outcome, not a failure. A
 * missing or malformed input is still bad input, and an ActionError.
 */
export function nothingToDo(what: string, detail?: string): string {
  return `Nothing to do: no ${what}${detail ? `; ${detail}` : ''}`;
}
