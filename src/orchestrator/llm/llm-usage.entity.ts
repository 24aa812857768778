import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One LLM call in the usage ledger: what it cost and how it ended, against its job. */
@Entity({ name: 'llm_usage' })
@Index('IDX_llm_usage_job_id', ['jobId'])
export class LlmUsageEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id: number;

  @Column({ name: 'job_id', type: 'varchar', length: 128, nullable: true })
  jobId: string | null;

  /** What the call was for: `plan`, `plan_repair`, later `score`, `draft`, … */
  @Column({ type: 'varchar', length: 32 })
  purpose: string;

  @Column({ type: 'varchar', length: 128 })
  model: string;

  @Column({ name: 'prompt_tokens', type: 'integer' })
  promptTokens: number;

  @Column({ name: 'completion_tokens', type: 'integer' })
  completionTokens: number;

  @Column({ name: 'latency_ms', type: 'integer' })
  latencyMs: number;

  /** `ok`, or the error kind: `rate_limited`, `timeout`, `unavailable`, `credentials`, `rejected`. */
  @Column({ type: 'varchar', length: 32 })
  outcome: string;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
