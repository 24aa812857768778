import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import {
  DatabaseConnection,
  PostgresConnection,
  SqliteConnection,
} from '../../../database/database-connection';
import { toSqliteDatetime } from '../../../database/sqlite-datetime';
import { CompanyEntity } from '../company.entity';
import { ProspectEntity } from '../prospect.entity';
import {
  CompanySummaryRecord,
  FitScoreRecord,
  storedFit,
  storedSummary,
} from './research-record.util';

/** Prospects per UPDATE of fit scores: 3 parameters each. */
const FIT_CHUNK = 200;

/**
 * One UPDATE of `count` prospects' fit scores from a VALUES list (id, score, reasons JSON), the
 * time and job as the first two parameters. VALUES columns are column1… on both engines.
 */
function fitUpdate(count: number, placeholder: (index: number) => string): string {
  const values = Array.from({ length: count }, (_, row) => {
    const at = 3 + row * 3;
    return `(${placeholder(at)}, ${placeholder(at + 1)}, ${placeholder(at + 2)})`;
  }).join(', ');
  return (
    `UPDATE prospects SET fit_score = CAST(v.column2 AS integer), fit_reasons = v.column3, ` +
    `fit_scored_at = ${placeholder(1)}, fit_job_id = ${placeholder(2)} ` +
    `FROM (VALUES ${values}) AS v WHERE prospects.id = v.column1`
  );
}

/**
 * Keeps the latest research on the prospects and companies it is about, for the research agent
 * (which owns no table): fit scores on prospects, website summaries on companies. Each call is
 * one transaction; records of prospects or domains not stored are skipped.
 */
@Injectable()
export class ResearchRecordsService {
  constructor(
    @InjectRepository(ProspectEntity) private readonly prospects: Repository<ProspectEntity>,
    private readonly connection: DatabaseConnection,
  ) {}

  /**
   * Stores each score with its reasons, the time and the job, in one transaction of a few
   * statements (UPDATE … FROM VALUES, FIT_CHUNK prospects each: a scoring step over a prospect
   * set stores a batch at a time); answers how many prospects had one stored.
   */
  async recordFitScores(
    records: readonly FitScoreRecord[],
    source: { jobId: string; at?: Date },
  ): Promise<number> {
    const at = source.at ?? new Date();
    const rows = records.flatMap((record) => {
      const fit = storedFit(record);
      return fit && record.prospectId
        ? [[record.prospectId, fit.score, JSON.stringify(fit.reasons)]]
        : [];
    });
    const chunks: unknown[][][] = [];
    for (let start = 0; start < rows.length; start += FIT_CHUNK) {
      chunks.push(rows.slice(start, start + FIT_CHUNK));
    }
    if (this.connection instanceof SqliteConnection) {
      const { db } = this.connection;
      return this.connection.commits.run(() =>
        chunks.reduce((stored, chunk) => {
          const sql = fitUpdate(chunk.length, () => '?');
          const params = [toSqliteDatetime(at), source.jobId, ...chunk.flat()];
          return stored + db.prepare(sql).run(...params).changes;
        }, 0),
      );
    }
    if (this.connection instanceof PostgresConnection) {
      return this.connection.transaction(async (tx) => {
        let stored = 0;
        for (const chunk of chunks) {
          const sql = fitUpdate(chunk.length, (index) => `$${index}`);
          stored += (await tx.query(sql, [at, source.jobId, ...chunk.flat()])).rowCount;
        }
        return stored;
      });
    }
    throw new Error(`No fit score writes for ${this.connection.engine}`);
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
