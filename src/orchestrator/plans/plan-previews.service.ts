import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import { runPeriodically } from '../../common/scheduling/periodic-task';
import { PlanPreviewEntity } from './plan-preview.entity';

/** How often expired previews are swept (they are also pruned on each new preview). */
const SWEEP_EVERY_MS = 10 * 60 * 1000;

/** The `plan_previews` table: the only writer of it. */
@Injectable()
export class PlanPreviewsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PlanPreviewsService.name);
  private stop: (() => void) | undefined;

  constructor(
    @InjectRepository(PlanPreviewEntity) private readonly previews: Repository<PlanPreviewEntity>,
  ) {}

  onModuleInit(): void {
    this.stop = runPeriodically(() => this.sweep(), SWEEP_EVERY_MS);
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  /** Stores a new preview, pruning the expired ones first. */
  async create(preview: PlanPreviewEntity): Promise<PlanPreviewEntity> {
    await this.prune(preview.createdAt);
    return this.previews.save(preview);
  }

  /** The preview, expired or not (callers decide), or null when there is none (or pruned). */
  find(id: string): Promise<PlanPreviewEntity | null> {
    return this.previews.findOneBy({ id });
  }

  /** Marks the preview run by `jobId`; false when another run marked it first. */
  async markRun(id: string, jobId: string): Promise<boolean> {
    const result = await this.previews.update({ id, jobId: IsNull() }, { jobId });
    return (result.affected ?? 0) > 0;
  }

  /** Undoes markRun when the job could not be created (e.g. the queue was full). */
  async unmarkRun(id: string, jobId: string): Promise<void> {
    await this.previews.update({ id, jobId }, { jobId: null });
  }

  /** Deletes the previews past their expiry; answers how many. */
  async prune(now = new Date()): Promise<number> {
    const result = await this.previews.delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }

  private async sweep(): Promise<void> {
    try {
      const pruned = await this.prune();
      if (pruned > 0) this.logger.log({ pruned }, 'Pruned expired plan previews');
    } catch (error) {
      this.logger.error({ err: error }, 'Could not prune plan previews');
    }
  }
}
