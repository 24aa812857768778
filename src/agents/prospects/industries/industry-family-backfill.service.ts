import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CompanyEntity } from '../company.entity';
import { industryFamilyFixes, StoredIndustryFamily } from './industry-family-fixes.util';

/** Industries per UPDATE, well under every database's limit on bound parameters. */
const CHUNK = 500;

/**
 * Gives every company the industry family the vocabulary says, at start-up (before the job runner
 * and the HTTP server): the companies stored before the family column existed, and those whose
 * spelling a changed vocabulary files elsewhere. One grouped read of the companies (about 1 ms
 * for 10,000, from the family index), then one UPDATE per family that changed, in one transaction.
 */
@Injectable()
export class IndustryFamilyBackfill implements OnModuleInit {
  private readonly logger = new Logger(IndustryFamilyBackfill.name);

  constructor(
    @InjectRepository(CompanyEntity) private readonly companies: Repository<CompanyEntity>,
  ) {}

  async onModuleInit(): Promise<void> {
    const updated = await this.run();
    if (updated > 0) this.logger.log(`Gave ${updated} companies their industry family`);
  }

  /** How many companies got a new family. */
  async run(): Promise<number> {
    const stored = await this.companies
      .createQueryBuilder('c')
      .select('c.industry', 'industry')
      .addSelect('c.industryFamily', 'family')
      .groupBy('c.industry')
      .addGroupBy('c.industryFamily')
      .getRawMany<StoredIndustryFamily>();
    const fixes = industryFamilyFixes(stored);
    if (fixes.size === 0) return 0;
    return this.companies.manager.transaction(async (manager) => {
      let updated = 0;
      for (const [family, industries] of fixes) {
        for (let start = 0; start < industries.length; start += CHUNK) {
          const result = await manager.update(
            CompanyEntity,
            { industry: In(industries.slice(start, start + CHUNK)) },
            { industryFamily: family },
          );
          updated += result.affected ?? 0;
        }
      }
      return updated;
    });
  }
}
