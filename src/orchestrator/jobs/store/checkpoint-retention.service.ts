import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DAY_MS, HOUR_MS, runPeriodically } from '../../../common/scheduling/periodic-task';
import { AppConfig } from '../../../config/app-config';
import { JobStore } from './job-store';

/** Prunes, every hour, the checkpoints of jobs finished more than CHECKPOINT_RETENTION_DAYS ago. */
@Injectable()
export class CheckpointRetention implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(CheckpointRetention.name);
  private stop: (() => void) | undefined;

  constructor(
    private readonly store: JobStore,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.jobs.checkpointRetentionDays <= 0) return;
    this.stop = runPeriodically(() => this.prune(), HOUR_MS);
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  async prune(now = new Date()): Promise<number> {
    const before = new Date(now.getTime() - this.config.jobs.checkpointRetentionDays * DAY_MS);
    try {
      const pruned = await this.store.pruneCheckpoints(before);
      if (pruned > 0) this.logger.log({ pruned }, 'Pruned old checkpoints');
      return pruned;
    } catch (error) {
      this.logger.error({ err: error }, 'Could not prune checkpoints');
      return 0;
    }
  }
}
