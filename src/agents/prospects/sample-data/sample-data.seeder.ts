import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../../config/app-config';
import { ProspectEntity } from '../prospect.entity';
import { ProspectUpsertService } from '../upsert/prospect-upsert.service';
import { generateSampleProspects } from './sample-prospects.generator';

/**
 * Loads the fictional sample prospects at start-up when the prospects table is empty, unless
 * SEED_SAMPLE_DATA=false. Runs before the job runner starts (module init precedes bootstrap), in
 * one transaction; the unique emails make a concurrent second loader fail instead of duplicating.
 */
@Injectable()
export class SampleDataSeeder implements OnModuleInit {
  private readonly logger = new Logger(SampleDataSeeder.name);

  constructor(
    private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly upserts: ProspectUpsertService,
  ) {}

  async onModuleInit(): Promise<void> {
    if (!this.config.seedSampleData) return;
    try {
      const loaded = await this.seedIfEmpty();
      if (loaded > 0) this.logger.log(`Loaded ${loaded} fictional sample prospects`);
    } catch (error) {
      // Another process loading them at the same moment: its data stands.
      this.logger.warn(`Sample prospects not loaded: ${(error as Error).message}`);
    }
  }

  /** How many prospects were loaded: 0 when the table had any. */
  seedIfEmpty(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      if (await manager.exists(ProspectEntity)) return 0;
      const outcomes = await this.upserts.upsertMany(generateSampleProspects(), manager);
      return outcomes.filter((outcome) => outcome.action === 'inserted').length;
    });
  }
}
