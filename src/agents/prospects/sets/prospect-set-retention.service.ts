import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { DAY_MS, HOUR_MS, runPeriodically } from '../../../common/scheduling/periodic-task';
import { AppConfig } from '../../../config/app-config';
import { ProspectSetsService } from './prospect-sets.service';

/**
 * Removes, every hour, the prospect sets of jobs finished more than CHECKPOINT_RETENTION_DAYS
 * ago: a set is part of its job's saved state, so it goes with the job's checkpoints.
 */
@Injectable()
export class ProspectSetRetention implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ProspectSetRetention.name);
  private stop: (() => void) | undefined;

  constructor(
    private readonly sets: ProspectSetsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.jobs.checkpointRetentionDays <= 0) return;
    this.stop = runPeriodically(() => this.prune(), HOUR_MS);
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  /** Removes the sets due; answers how many went (0 when retention is off). */
  async prune(now = new Date()): Promise<number> {
    const days = this.config.jobs.checkpointRetentionDays;
    if (days <= 0) return 0;
    try {
      const removed = await this.sets.removeOfJobsFinishedBefore(
        new Date(now.getTime() - days * DAY_MS),
      );
      if (removed > 0) this.logger.log({ sets: removed }, 'Removed prospect sets of old jobs');
      return removed;
    } catch (error) {
      this.logger.error({ err: error }, 'Could not remove old prospect sets');
      return 0;
    }
  }
}
