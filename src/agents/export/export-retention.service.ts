import { Injectable, Logger, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, LessThan, Repository } from 'typeorm';
import { DAY_MS, HOUR_MS, runPeriodically } from '../../common/scheduling/periodic-task';
import { AppConfig } from '../../config/app-config';
import { ExportEntity } from './export.entity';
import { ExportFileStore } from './export-file.store';

/** Exports handled per query; a pass goes on until none is left. */
const BATCH = 200;

/**
 * Removes, every hour, the files of spreadsheet exports last written more than
 * EXPORT_RETENTION_DAYS ago, so EXPORT_DIR stays bounded. The export's row stays (its job's
 * history refers to it) and records when its files went.
 */
@Injectable()
export class ExportRetention implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ExportRetention.name);
  private stop: (() => void) | undefined;

  constructor(
    @InjectRepository(ExportEntity) private readonly exports: Repository<ExportEntity>,
    private readonly files: ExportFileStore,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    if (this.config.exports.retentionDays <= 0) return;
    this.stop = runPeriodically(() => this.prune(), HOUR_MS);
  }

  onModuleDestroy(): void {
    this.stop?.();
  }

  /** Removes the files of the exports due; answers how many exports lost their files. */
  async prune(now = new Date()): Promise<number> {
    const days = this.config.exports.retentionDays;
    if (days <= 0) return 0;
    const before = new Date(now.getTime() - days * DAY_MS);
    let removed = 0;
    try {
      for (;;) {
        const due = await this.exports.find({
          where: { kind: 'spreadsheet', filesRemovedAt: IsNull(), updatedAt: LessThan(before) },
          order: { updatedAt: 'ASC', id: 'ASC' },
          take: BATCH,
        });
        for (const record of due) {
          for (const file of record.files) await this.files.remove(file.stored_name);
          await this.exports.update({ id: record.id }, { filesRemovedAt: now });
        }
        removed += due.length;
        if (due.length < BATCH) break;
      }
    } catch (error) {
      this.logger.error({ err: error }, 'Could not remove old export files');
    }
    if (removed > 0) this.logger.log({ exports: removed }, 'Removed old export files');
    return removed;
  }
}
