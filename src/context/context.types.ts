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
