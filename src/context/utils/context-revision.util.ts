/** The version and updated_at of a context entry (what every write moves forward). */
export interface ContextRevision {
  version: number;
  updatedAt: Date;
}

/**
 * The revision a write gives an entry: version + 1, and an updated_at that strictly increases
 * (`now`, or 1 ms past the stored one when the clock is not ahead of it: two writes in one
 * millisecond, or a replica whose clock is behind), as the Context Manager promises.
 */
export function nextRevision(current: ContextRevision, now: Date): ContextRevision {
  const after = current.updatedAt.getTime() + 1;
  return {
    version: current.version + 1,
    updatedAt: new Date(Math.max(now.getTime(), after)),
  };
}
