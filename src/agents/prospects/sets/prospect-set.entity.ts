import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `complete`: a step's result; `building`: a scoring step's scratch set, filled batch by batch. */
export type ProspectSetStatus = 'building' | 'complete';

/** A stored list of prospects a job step produced (see the prospect-sets migration). */
@Entity({ name: 'prospect_sets' })
export class ProspectSetEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'job_id', type: 'varchar', length: 128 })
  jobId: string;

  /** The step that produced it. */
  @Column({ name: 'step_index', type: 'integer' })
  stepIndex: number;

  @Column({ type: 'varchar', length: 16 })
  status: ProspectSetStatus;

  @Column({ type: 'integer' })
  count: number;

  @Column({ name: 'created_at' })
  createdAt: Date;
}

/** One prospect of a set, at its place in the set's order (from 1). */
@Entity({ name: 'prospect_set_members' })
export class ProspectSetMemberEntity {
  @PrimaryColumn({ name: 'set_id', type: 'varchar', length: 36 })
  setId: string;

  @PrimaryColumn({ type: 'integer' })
  position: number;

  @Column({ name: 'prospect_id', type: 'varchar', length: 36 })
  prospectId: string;

  /** The score a scoring step gave it (its scratch set and its result). */
  @Column({ type: 'integer', nullable: true })
  score: number | null;
}
