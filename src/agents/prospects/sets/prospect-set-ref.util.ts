/** A stored prospect set as the job state refers to it (`state.prospects` of a large search). */
export interface ProspectSetRef {
  prospect_set: { id: string; count: number };
}

/** The reference to write to the state for a set. */
export function toProspectSetRef(set: { id: string; count: number }): ProspectSetRef {
  return { prospect_set: { id: set.id, count: set.count } };
}

/**
 * The set a state value refers to, or undefined when it is no set reference (a list of
 * prospects, or anything else, which the reader checks as before).
 */
export function prospectSetOf(value: unknown): { id: string; count: number } | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const set = (value as Partial<ProspectSetRef>).prospect_set;
  if (typeof set !== 'object' || set === null) return undefined;
  const { id, count } = set as Partial<ProspectSetRef['prospect_set']>;
  if (typeof id !== 'string' || id === '') return undefined;
  return { id, count: typeof count === 'number' && Number.isInteger(count) ? count : 0 };
}
