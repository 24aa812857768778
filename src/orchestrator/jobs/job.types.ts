import type { Interpretation } from '../planning/interpretation';
import type { ValidatedPlan, ValidatedStep } from '../agents/plan-validation.util';
import type { JobUsage } from '../llm/llm-usage.service';
import type { PlannerKind } from '../planning/plan.types';

export const JOB_STATUSES = [
  'queued',
  'running',
  'waiting_approval',
  'waiting',
  'succeeded',
  'failed',
  'cancelled',
] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const TERMINAL_STATUSES: readonly JobStatus[] = ['succeeded', 'failed', 'cancelled'];

/** `waiting`: a repeating step (sequences.run) parked until the job's `wake_at`, to run again. */
export type StepStatus =
  'pending' | 'running' | 'waiting_approval' | 'waiting' | 'succeeded' | 'failed' | 'cancelled';

/** What a human decided about a step that needs approval. */
export type Approval = 'approved' | 'rejected';

/** The progress of one step of a job. */
export interface StepProgress {
  status: StepStatus;
  attempts: number;
  startedAt?: string;
  finishedAt?: string;
  /** One line for humans: what the step did. */
  summary?: string;
  /** The state keys the step wrote. */
  outputKeys?: string[];
  error?: string;
  approval?: Approval;
  /** The API-key label of who approved or rejected it (`anonymous` without API_KEYS). */
  decidedBy?: string;
  /** When it was approved or rejected, ISO-8601. */
  decidedAt?: string;
  /** What the step will do, shown while it waits for approval. */
  preview?: Record<string, unknown>;
}

/** A stored job: its plan, where it stands, and who runs it. */
export interface JobRecord {
  id: string;
  jobType: string;
  status: JobStatus;
  objective: string;
  /** The command it was planned from (POST /command); null for an explicit plan. */
  command?: string | null;
  /** The command's context: the state the first step starts from. */
  input: Record<string, unknown>;
  steps: ValidatedStep[];
  progress: StepProgress[];
  /** Index of the next step to run (= steps.length when all are done). */
  currentStep: number;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  /** When a job parked in `waiting` (a step asked to pause) runs again; null otherwise. */
  wakeAt: Date | null;
  /** Who submitted the job: `key:<digest>` of its API key, or `ip:<address>`; null if unknown. */
  client: string | null;
  error: string | null;
  /** +1 on every write: approvals and cancels are compare-and-swap on it. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** One entry of a job's event stream (replayed over SSE, then streamed live). */
export interface JobEvent {
  id: number;
  jobId: string;
  type: string;
  data: Record<string, unknown>;
  createdAt: Date;
}

/** A snapshot of a job's state after a completed step. */
export interface Checkpoint {
  jobId: string;
  seq: number;
  stepIndex: number;
  state: Record<string, unknown>;
  createdAt: Date;
}

/** A job whose plan passed validation and whose context now exists. */
export interface SubmittedJob {
  jobId: string;
  jobType: string;
  plan: ValidatedPlan;
  planner: PlannerKind;
  interpretation: Interpretation;
  status: 'queued';
  usage: JobUsage;
  createdAt: Date;
}
