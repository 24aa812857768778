import { fromSqliteDatetime, toSqliteDatetime } from '../../../database/sqlite-datetime';
import type { Checkpoint, JobEvent, JobRecord } from '../job.types';

/** How the SQLite job store maps jobs, events and checkpoints to and from their rows. */

export interface JobRow {
  id: string;
  job_type: string;
  status: string;
  objective: string;
  input: string;
  steps: string;
  progress: string;
  current_step: number;
  lease_owner: string | null;
  lease_expires_at: string | null;
  wake_at: string | null;
  client: string | null;
  error: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  finished_at: string | null;
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
  'id, job_type, status, objective, input, steps, progress, current_step, lease_owner, lease_expires_at, ' +
  'wake_at, client, error, version, created_at, updated_at, started_at, finished_at';

/** A job field as its column stores it. */
export function columnValue(job: JobRecord, field: keyof JobRecord): unknown {
  const value = job[field];
  if (value instanceof Date) return toSqliteDatetime(value);
  if (field === 'progress' || field === 'steps' || field === 'input') return JSON.stringify(value);
  return value ?? null;
}

const dt = (date: Date | null) => (date ? toSqliteDatetime(date) : null);
const date = (value: string | null) => (value ? fromSqliteDatetime(value) : null);

export function toJobRow(job: JobRecord): unknown[] {
  return [
    job.id,
    job.jobType,
    job.status,
    job.objective,
    JSON.stringify(job.input),
    JSON.stringify(job.steps),
    JSON.stringify(job.progress),
    job.currentStep,
    job.leaseOwner,
    dt(job.leaseExpiresAt),
    dt(job.wakeAt),
    job.client,
    job.error,
    job.version,
    toSqliteDatetime(job.createdAt),
    toSqliteDatetime(job.updatedAt),
    dt(job.startedAt),
    dt(job.finishedAt),
  ];
}

export function fromJobRow(row: JobRow): JobRecord {
  return {
    id: row.id,
    jobType: row.job_type,
    status: row.status as JobRecord['status'],
    objective: row.objective,
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
    createdAt: fromSqliteDatetime(row.created_at),
    updatedAt: fromSqliteDatetime(row.updated_at),
    startedAt: date(row.started_at),
    finishedAt: date(row.finished_at),
  };
}

export interface EventRow {
  id: number;
  job_id: string;
  type: string;
  data: string;
  created_at: string;
}

export function fromEventRow(row: EventRow): JobEvent {
  return {
    id: row.id,
    jobId: row.job_id,
    type: row.type,
    data: JSON.parse(row.data) as Record<string, unknown>,
    createdAt: fromSqliteDatetime(row.created_at),
  };
}

export interface CheckpointRow {
  job_id: string;
  seq: number;
  step_index: number;
  state: string;
  created_at: string;
}

export function fromCheckpointRow(row: CheckpointRow): Checkpoint {
  return {
    jobId: row.job_id,
    seq: row.seq,
    stepIndex: row.step_index,
    state: JSON.parse(row.state) as Record<string, unknown>,
    createdAt: fromSqliteDatetime(row.created_at),
  };
}
