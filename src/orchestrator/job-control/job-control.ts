/**
 * What other modules (sequences) may do with jobs, without depending on the runner: submit a
 * plan, wake a parked job earlier, and look at where a job stands. OrchestratorModule provides it
 * (JobControlService) to every module.
 */

/** A step of a plan, as POST /jobs takes it. */
export interface PlanStepInput {
  agent: string;
  action: string;
  params?: Record<string, unknown>;
}

/** A job as seen from outside the orchestrator. */
export interface JobGlance {
  id: string;
  /** queued, running, waiting_approval, waiting, succeeded, failed or cancelled. */
  status: string;
  /** The step running or next to run (= the number of steps once all ran). */
  currentStep: number;
  /** Not finished: queued, running, waiting for approval or parked. */
  active: boolean;
}

export abstract class JobControl {
  /**
   * Creates a job of an explicit plan, validated against the agent registry as POST /jobs
   * validates one (a coded 4xx exception otherwise), and wakes the runner. With `jobId`, the job
   * gets that id; `created` is false when a job with it exists already (a step's re-run).
   */
  abstract submit(input: {
    jobId?: string;
    objective: string;
    steps: PlanStepInput[];
    context?: Record<string, unknown>;
    jobType?: string;
  }): Promise<{ jobId: string; created: boolean }>;

  /**
   * Asks a job to run again no later than `at` (the injected clock's time): a parked (`waiting`)
   * job's wake_at becomes the earlier of the two, a running job's next park keeps `at`. Anything
   * else is left alone (false).
   */
  abstract wakeBy(jobId: string, at: Date): Promise<boolean>;

  /** Where a job stands; undefined for an unknown id. */
  abstract glance(jobId: string): Promise<JobGlance | undefined>;
}
