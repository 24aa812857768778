import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ValidatedPlan } from '../agents/plan-validation.util';
import type { Interpretation } from '../planning/interpretation';
import type { PlannerKind } from '../planning/plan.types';
import type { PlanAudience } from './plan-audience.types';

/** A plan previewed with `run: false`, runnable until `expiresAt`. See the plan-previews migration. */
@Entity({ name: 'plan_previews' })
export class PlanPreviewEntity {
  /** A UUID: the plan id, and the id of the job that runs it. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Who previewed it (as jobs.client); only that client's queue limit applies on run. */
  @Column({ type: 'varchar', length: 80, nullable: true })
  client: string | null;

  @Column({ name: 'job_type', type: 'varchar', length: 64 })
  jobType: string;

  /** The command in plain words; null for an explicit plan (POST /jobs). */
  @Column({ type: 'text', nullable: true })
  command: string | null;

  /** JSON text, portable across SQLite and Postgres. */
  @Column({ type: 'simple-json' })
  context: Record<string, unknown>;

  /** The validated plan, as the job will run it. */
  @Column({ type: 'simple-json' })
  plan: ValidatedPlan;

  @Column({ type: 'varchar', length: 16 })
  planner: PlannerKind;

  @Column({ type: 'simple-json' })
  interpretation: Interpretation;

  /** The audience as previewed; null when the plan works on no prospects. */
  @Column({ type: 'simple-json', nullable: true })
  audience: PlanAudience | null;

  /** The ids of the prospects the plan starts from, in order; null when they cannot change. */
  @Column({ name: 'audience_ids', type: 'simple-json', nullable: true })
  audienceIds: string[] | null;

  /** The job that ran the plan; null until it ran. */
  @Column({ name: 'job_id', type: 'varchar', length: 128, nullable: true })
  jobId: string | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'expires_at' })
  expiresAt: Date;
}
