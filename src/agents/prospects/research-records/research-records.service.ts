import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CompanyEntity } from '../company.entity';
import { ProspectEntity } from '../prospect.entity';
import {
  CompanySummaryRecord,
  FitScoreRecord,
  storedFit,
  storedSummary,
} from './research-record.util';

/**
 * Keeps the latest research on the prospects and companies it is about, for the research agent
 * (which owns no table): fit scores on prospects, website summaries on companies. Each call is
 * one transaction; records of prospects or domains not stored are skipped.
 */
@Injectable()
export class ResearchRecordsService {
  constructor(
    @InjectRepository(ProspectEntity) private readonly prospects: Repository<ProspectEntity>,
  ) {}

  /** Stores each score with its reasons, the time and the job; answers how many prospects had one stored. */
  recordFitScores(
    records: readonly FitScoreRecord[],
    source: { jobId: string; at?: Date },
  ): Promise<number> {
    const at = source.at ?? new Date();
    return this.prospects.manager.transaction(async (manager) => {
      let stored = 0;
      for (const record of records) {
        const fit = storedFit(record);
        if (!fit || !record.prospectId) continue;
        const result = await manager.update(
          ProspectEntity,
          { id: record.prospectId },
          { fitScore: fit.score, fitReasons: fit.reasons, fitScoredAt: at, fitJobId: source.jobId },
        );
        stored += result.affected ?? 0;
      }
      return stored;
    });
  }

  /** Stores each summary on the company with its domain; answers how many companies had one stored. */
  recordCompanySummaries(
    records: readonly CompanySummaryRecord[],
    at = new Date(),
  ): Promise<number> {
    return this.prospects.manager.transaction(async (manager) => {
      let stored = 0;
      for (const record of records) {
        const summary = storedSummary(record);
        if (!summary) continue;
        const result = await manager.update(
          CompanyEntity,
          { domain: summary.domain },
          { summary: summary.summary, summarizedAt: at },
        );
        stored += result.affected ?? 0;
      }
      return stored;
    });
  }
}
