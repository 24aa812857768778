import { Injectable } from '@nestjs/common';
import type { Checkpoint } from '../job.types';
import { CheckpointNotFoundException, JobNotFoundException } from '../jobs.exceptions';
import { CheckpointSelector, JobStore } from './job-store';

/**
 * Checkpoints in the database: the job state after each completed step, strictly ordered per job
 * by a sequence number (many in one millisecond stay distinct). The runner writes them in the
 * same transaction as the step's outcome; this service reads them and can add one by hand.
 */
@Injectable()
export class CheckpointService {
  constructor(private readonly store: JobStore) {}

  /** Adds a checkpoint of `state` after the job's last completed step. */
  async create(jobId: string, state: Record<string, unknown>): Promise<Checkpoint> {
    const job = await this.store.get(jobId);
    if (!job) throw new JobNotFoundException(jobId);
    const written = await this.store.write({
      jobId,
      expect: {},
      set: {},
      checkpoint: { stepIndex: job.currentStep - 1, state },
    });
    if (!written) throw new JobNotFoundException(jobId);
    return this.load(jobId);
  }

  async list(jobId: string): Promise<Checkpoint[]> {
    await this.assertJob(jobId);
    return this.store.checkpoints(jobId);
  }

  /** The latest checkpoint, or the one of `{ seq }`, or the last one at or before `{ at }`. */
  async load(jobId: string, selector?: CheckpointSelector): Promise<Checkpoint> {
    await this.assertJob(jobId);
    const checkpoint = await this.store.checkpoint(jobId, selector);
    if (checkpoint) return checkpoint;
    const which =
      selector === undefined
        ? 'yet'
        : 'seq' in selector
          ? `#${selector.seq}`
          : `at or before ${selector.at.toISOString()}`;
    throw new CheckpointNotFoundException(jobId, which);
  }

  private async assertJob(jobId: string): Promise<void> {
    if (!(await this.store.get(jobId))) throw new JobNotFoundException(jobId);
  }
}
