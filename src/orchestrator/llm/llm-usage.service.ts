import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import { DEFAULT_PRICES, estimateCost } from './llm-pricing';
import { LlmUsageEntity } from './llm-usage.entity';

/** A job's LLM usage, as its context and the job API show it. */
export interface JobUsage {
  calls: number;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** USD, from the price table; null when a model has no known price. */
  estimated_cost_usd: number | null;
}

export type UsageRecord = Omit<LlmUsageEntity, 'id' | 'createdAt'>;

/** The usage ledger: every LLM call's tokens, latency and outcome, and each job's totals. */
@Injectable()
export class LlmUsageService {
  private readonly prices: AppConfig['llm']['prices'];

  constructor(
    @InjectRepository(LlmUsageEntity) private readonly ledger: Repository<LlmUsageEntity>,
    config: AppConfig,
  ) {
    this.prices = { ...DEFAULT_PRICES, ...config.llm.prices };
  }

  async record(usage: UsageRecord): Promise<void> {
    await this.ledger.insert({ ...usage, createdAt: new Date() });
  }

  async totalTokens(jobId: string): Promise<number> {
    return (await this.forJob(jobId)).total_tokens;
  }

  async forJob(jobId: string): Promise<JobUsage> {
    const rows = await this.ledger
      .createQueryBuilder('usage')
      .select('usage.model', 'model')
      .addSelect('COUNT(*)', 'calls')
      .addSelect('SUM(usage.prompt_tokens)', 'promptTokens')
      .addSelect('SUM(usage.completion_tokens)', 'completionTokens')
      .where('usage.job_id = :jobId', { jobId })
      .groupBy('usage.model')
      .getRawMany<{
        model: string;
        calls: string;
        promptTokens: string;
        completionTokens: string;
      }>();
    // Postgres returns SUM/COUNT as strings; SQLite as numbers.
    const byModel = rows.map((row) => ({
      model: row.model,
      calls: Number(row.calls),
      promptTokens: Number(row.promptTokens),
      completionTokens: Number(row.completionTokens),
    }));
    const prompt = byModel.reduce((sum, row) => sum + row.promptTokens, 0);
    const completion = byModel.reduce((sum, row) => sum + row.completionTokens, 0);
    return {
      calls: byModel.reduce((sum, row) => sum + row.calls, 0),
      prompt_tokens: prompt,
      completion_tokens: completion,
      total_tokens: prompt + completion,
      estimated_cost_usd: estimateCost(byModel, this.prices) ?? null,
    };
  }
}
