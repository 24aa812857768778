/** A context entry as other modules see it (the ContextService's public shape). */
export interface ContextEntry {
  jobId: string;
  jobType: string;
  contextData: Record<string, unknown>;
  version: number;
  etag: string;
  createdAt: Date;
  updatedAt: Date;
}

/** Optimistic-concurrency precondition of a write: the If-Match header as the client sent it. */
export interface WritePrecondition {
  ifMatch?: string;
}

export interface ListContextsQuery {
  skip: number;
  limit: number;
  jobType?: string;
}

export interface ContextPage {
  items: ContextEntry[];
  total: number;
  skip: number;
  limit: number;
}

/**
 * The parts of a job's context document a write changes, besides its top-level keys: which keys
 * of `state` and which entries of `steps` (see `ContextAssignment.changes`).
 */
export interface ContextChanges {
  stateKeys: readonly string[];
  steps: readonly number[];
}

/**
 * A write of another module's store to a context entry, inside its own transaction (the job
 * store's step commits): top-level keys replaced, entries appended to `errors`.
 */
export interface ContextAssignment {
  /** Top-level keys replaced in context_data (status, state, steps…). */
  keys: Record<string, unknown>;
  /**
   * What in `keys` differs from the document as the writer last left it: a backend may then
   * write only those parts (the other top-level keys, these `state` keys, these `steps` entries)
   * instead of rewriting the whole document. It reads the same either way.
   */
  changes?: ContextChanges;
  /** Entries appended to the document's `errors` list. */
  errors?: readonly Record<string, unknown>[];
}
