import type { TimeColumns } from '../../../database/time-columns';
import type { Checkpoint, JobEvent, JobRecord } from '../job.types';

/**
 * How the job stores map jobs, events and checkpoints to and from their rows: JSON as text on
 * both engines, times as each engine keeps them (`Time`).
 */

export interface JobRow<Time> {
  id: string;
  job_type: string;
  status: string;
  objective: string;
  command: string | null;
  input: string;
  steps: string;
  progress: string;
  current_step: number;
  lease_owner: string | null;
  lease_expires_at: Time | null;
  wake_at: Time | null;
  client: string | null;
  error: string | null;
  version: number;
  created_at: Time;
  updated_at: Time;
  started_at: Time | null;
  finished_at: Time | null;
}

/** The column each updatable field of a job is stored in. */
export const COLUMN_OF: Partial<Record<keyof JobRecord, string>> = {
  version: 'version',
  updatedAt: 'updated_at',
  status: 'status',
  progress: 'progress',
  currentStep: 'current_step',
  leaseOwner: 'lease_owner',
  leaseExpiresAt: 'lease_expires_at',
  wakeAt: 'wake_at',
  error: 'error',
  startedAt: 'started_at',
  finishedAt: 'finished_at',
  steps: 'steps',
};

export const JOB_COLUMNS =
  'id, job_type, status, objective, command, input, steps, progress, current_step, lease_owner, lease_expires_at, ' +
  'wake_at, client, error, version, created_at, updated_at, started_at, finished_at';

/** A job field as its column stores it. */
export function columnValue<Time>(
  job: JobRecord,
  field: keyof JobRecord,
  times: TimeColumns<Time>,
): unknown {
  const value = job[field];
  if (value instanceof Date) return times.write(value);
  if (field === 'progress' || field === 'steps' || field === 'input') return JSON.stringify(value);
  return value ?? null;
}

/** The values of JOB_COLUMNS for a job, in their order. */
export function toJobRow<Time>(job: JobRecord, times: TimeColumns<Time>): unknown[] {
  const time = (date: Date | null) => (date ? times.write(date) : null);
  return [
    job.id,
    job.jobType,
    job.status,
    job.objective,
    job.command ?? null,
    JSON.stringify(job.input),
    JSON.stringify(job.steps),
    JSON.stringify(job.progress),
    job.currentStep,
    job.leaseOwner,
    time(job.leaseExpiresAt),
    time(job.wakeAt),
    job.client,
    job.error,
    job.version,
    times.write(job.createdAt),
    times.write(job.updatedAt),
    time(job.startedAt),
    time(job.finishedAt),
  ];
}

export function fromJobRow<Time>(row: JobRow<Time>, times: TimeColumns<Time>): JobRecord {
  const date = (value: Time | null) => (value === null ? null : times.read(value));
  return {
    id: row.id,
    jobType: row.job_type,
    status: row.status as JobRecord['status'],
    objective: row.objective,
    command: row.command,
    input: JSON.parse(row.input) as Record<string, unknown>,
    steps: JSON.parse(row.steps) as JobRecord['steps'],
    progress: JSON.parse(row.progress) as JobRecord['progress'],
    currentStep: row.current_step,
    leaseOwner: row.lease_owner,
    leaseExpiresAt: date(row.lease_expires_at),
    wakeAt: date(row.wake_at),
    client: row.client,
    error: row.error,
    version: row.version,
    createdAt: times.read(row.created_at),
    updatedAt: times.read(row.updated_at),
    startedAt: date(row.started_at),
    finishedAt: date(row.finished_at),
  };
}

export interface EventRow<Time> {
  id: number;
  job_id: string;
  type: string;
  data: string;
  created_at: Time;
}

export function fromEventRow<Time>(row: EventRow<Time>, times: TimeColumns<Time>): JobEvent {
  return {
    id: row.id,
    jobId: row.job_id,
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: times.read(row.created_at),
  };
}

export const CHECKPOINT_COLUMNS = 'job_id, seq, step_index, state, created_at';

export interface CheckpointRow<Time> {
  job_id: string;
  seq: number;
  step_index: number;
  state: string;
  created_at: Time;
}

export function fromCheckpointRow<Time>(
  row: CheckpointRow<Time>,
  times: TimeColumns<Time>,
): Checkpoint {
  return {
    jobId: row.job_id,
    seq: row.seq,
    stepIndex: row.step_index,
    state: JSON.parse(row.state) as Record<string, unknown>,
    createdAt: times.read(row.created_at),
  };
}
