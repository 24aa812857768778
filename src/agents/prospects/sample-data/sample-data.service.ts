import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CompanyEntity } from '../company.entity';
import { ProspectEntity } from '../prospect.entity';
import type { SamplePresence } from './sample-presence.util';

/** Company ids per IN list, well under every database's limit on bound parameters. */
const ID_CHUNK = 500;

/** What removing the sample data deleted. */
export interface SampleRemoval {
  prospects: number;
  companies: number;
}

/** The sample prospects once loaded: are there any (and anything else), and removing them. */
@Injectable()
export class SampleDataService {
  constructor(
    @InjectRepository(ProspectEntity) private readonly prospects: Repository<ProspectEntity>,
  ) {}

  /**
   * Two EXISTS, each a seek in the `is_sample` index: cheap enough to ask on every search, and
   * never stale, unlike a cached count that every import, delete and process would have to keep.
   */
  async presence(): Promise<SamplePresence> {
    const [hasSample, hasReal] = await Promise.all([
      this.prospects.existsBy({ isSample: true }),
      this.prospects.existsBy({ isSample: false }),
    ]);
    return { hasSample, hasReal };
  }

  /**
   * Deletes every sample prospect, then the companies they were at that no other prospect is at,
   * in one transaction. Outbox messages stay (the email module's); they were never sendable.
   */
  removeAll(): Promise<SampleRemoval> {
    return this.prospects.manager.transaction(async (manager) => {
      const companyIds = (
        await manager
          .createQueryBuilder(ProspectEntity, 'p')
          .select('DISTINCT p.companyId', 'id')
          .where('p.isSample = :isSample', { isSample: true })
          .andWhere('p.companyId IS NOT NULL')
          .getRawMany<{ id: string }>()
      ).map((row) => row.id);
      const deleted = await manager.delete(ProspectEntity, { isSample: true });
      let companies = 0;
      for (let start = 0; start < companyIds.length; start += ID_CHUNK) {
        const result = await manager
          .createQueryBuilder()
          .delete()
          .from(CompanyEntity)
          .where('id IN (:...ids)', { ids: companyIds.slice(start, start + ID_CHUNK) })
          .andWhere(
            'NOT EXISTS (SELECT 1 FROM prospects WHERE prospects.company_id = companies.id)',
          )
          .execute();
        companies += result.affected ?? 0;
      }
      return { prospects: deleted.affected ?? 0, companies };
    });
  }
}
