import type { ContextRecord } from '../../src/context/store/context-store';
import type { JobRecord } from '../../src/orchestrator/jobs/job.types';

/** A job row as a store test writes it directly: queued, no steps, unless overridden. */
export function jobRecord(id: string, overrides: Partial<JobRecord> = {}): JobRecord {
  const now = new Date();
  return {
    id,
    jobType: 'test',
    status: 'queued',
    objective: 'Store test',
    input: {},
    steps: [],
    progress: [],
    currentStep: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    wakeAt: null,
    client: null,
    error: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

/** The empty context entry created with such a job. */
export function contextRecord(jobId: string): ContextRecord {
  const now = new Date();
  return { jobId, jobType: 'test', contextData: {}, version: 1, createdAt: now, updatedAt: now };
}
