import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
import { Clock } from '../../common/time/clock';
import { JobControl } from '../../orchestrator/job-control/job-control';
import { EnrollmentEventEntity } from './events/enrollment-event.entity';
import {
  InvalidSequenceTransitionException,
  SequenceNotFoundException,
} from './exceptions/sequences.exceptions';
import { SequenceEnrollmentEntity } from './sequence-enrollment.entity';
import { SequenceEntity } from './sequence.entity';
import {
  ENROLLMENT_STATUSES,
  type EnrollmentStatus,
  type SequenceSettings,
  type SequenceStatus,
  type SequenceStep,
} from './sequence.types';
import { stepStats, type EventsAtStep, type StepStats } from './stats/step-stats.util';
import {
  SEQUENCE_TRANSITIONS,
  transitionRefusal,
  type SequenceAction,
} from './utils/transitions.util';

/** The refusal when a racing call changed the status between the update and the read. */
export const CHANGED_MEANWHILE = 'changed meanwhile: read it and try again';

export interface NewSequence {
  name: string;
  steps: SequenceStep[];
  settings: SequenceSettings;
  /** Its id, when the caller derives one (a plan step's re-run finds its sequence); else random. */
  id?: string;
}

export interface SequencePage {
  items: SequenceEntity[];
  total: number;
  skip: number;
  limit: number;
}

/** A sequence, its enrollments counted by status, and how each step is doing. */
export interface SequenceDetail {
  sequence: SequenceEntity;
  counts: Record<EnrollmentStatus, number>;
  steps: StepStats[];
}

/** The job ids a sequence keeps. */
type JobColumn = 'runJobId' | 'launchJobId';

/**
 * Sequence definitions: create, list, read (with enrollment counts and per-step stats), pause and
 * resume; and which job launches and runs each (a resume wakes that run).
 */
@Injectable()
export class SequencesService {
  constructor(
    @InjectRepository(SequenceEntity) private readonly sequences: Repository<SequenceEntity>,
    @InjectRepository(SequenceEnrollmentEntity)
    private readonly enrollments: Repository<SequenceEnrollmentEntity>,
    @InjectRepository(EnrollmentEventEntity)
    private readonly events: Repository<EnrollmentEventEntity>,
    private readonly jobs: JobControl,
    private readonly clock: Clock,
  ) {}

  async create(input: NewSequence): Promise<SequenceEntity> {
    const now = this.clock.now();
    const sequence = this.sequences.create({
      id: input.id ?? randomUUID(),
      name: input.name.trim(),
      steps: input.steps,
      settings: input.settings,
      status: 'active',
      runJobId: null,
      launchJobId: null,
      version: 1,
      createdAt: now,
      updatedAt: now,
    });
    await this.sequences.insert(sequence);
    return sequence;
  }

  async list(query: {
    status?: SequenceStatus;
    skip: number;
    limit: number;
  }): Promise<SequencePage> {
    const [items, total] = await this.sequences.findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: query.skip,
      take: query.limit,
    });
    return { items, total, skip: query.skip, limit: query.limit };
  }

  async get(id: string): Promise<SequenceEntity> {
    const sequence = await this.find(id);
    if (!sequence) throw new SequenceNotFoundException(id);
    return sequence;
  }

  find(id: string): Promise<SequenceEntity | null> {
    return this.sequences.findOneBy({ id });
  }

  /** The sequence, how many of its enrollments are in each status, and each step's counts. */
  async detail(id: string): Promise<SequenceDetail> {
    const sequence = await this.get(id);
    const places = await this.enrollments
      .createQueryBuilder('e')
      .select('e.step_index', 'stepIndex')
      .addSelect('e.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('e.sequence_id = :id', { id })
      .groupBy('e.step_index')
      .addGroupBy('e.status')
      .getRawMany<{ stepIndex: number; status: EnrollmentStatus; count: number | string }>();
    const events = await this.events
      .createQueryBuilder('v')
      .select('v.step_index', 'stepIndex')
      .addSelect('v.type', 'type')
      .addSelect('COUNT(*)', 'count')
      .where('v.sequence_id = :id', { id })
      .andWhere('v.step_index IS NOT NULL')
      .groupBy('v.step_index')
      .addGroupBy('v.type')
      .getRawMany<Omit<EventsAtStep, 'count'> & { count: number | string }>();
    const counts = Object.fromEntries(ENROLLMENT_STATUSES.map((status) => [status, 0]));
    for (const row of places) counts[row.status] += Number(row.count);
    const numbers = <T extends { stepIndex: unknown; count: unknown }>(row: T) => ({
      ...row,
      stepIndex: Number(row.stepIndex),
      count: Number(row.count),
    });
    return {
      sequence,
      counts: counts as Record<EnrollmentStatus, number>,
      steps: stepStats({
        steps: sequence.steps,
        enrollments: places.map(numbers),
        events: events.map(numbers),
      }),
    };
  }

  /**
   * Moves a job id of the sequence from `from` to `to` (null: none) in one conditional UPDATE:
   * false when it was not `from` any more (another launch or run took it first).
   */
  async swapJob(
    id: string,
    column: JobColumn,
    from: string | null,
    to: string | null,
  ): Promise<boolean> {
    const name = column === 'runJobId' ? 'run_job_id' : 'launch_job_id';
    const query = this.sequences
      .createQueryBuilder()
      .update(SequenceEntity)
      .set({ [column]: to, updatedAt: this.clock.now() })
      .where('id = :id', { id });
    if (from === null) query.andWhere(`${name} IS NULL`);
    else query.andWhere(`${name} = :from`, { from });
    return Boolean((await query.execute()).affected);
  }

  /** Asks the sequence's run job to look at its due work by `at` (default now); false without one. */
  async wakeRun(id: string, at = this.clock.now()): Promise<boolean> {
    const sequence = await this.find(id);
    return sequence?.runJobId ? this.jobs.wakeBy(sequence.runJobId, at) : false;
  }

  /**
   * Pauses (nothing of it is sent) or resumes the sequence; 409 when its status does not allow
   * it. A resume wakes its run job, which goes on from where each enrollment was.
   */
  async transition(id: string, action: SequenceAction): Promise<SequenceEntity> {
    const transition = SEQUENCE_TRANSITIONS[action];
    // One conditional UPDATE: of two racing calls, one changes the row and the other finds it changed.
    const result = await this.sequences
      .createQueryBuilder()
      .update(SequenceEntity)
      .set({ status: transition.to, version: () => 'version + 1', updatedAt: this.clock.now() })
      .where('id = :id', { id })
      .andWhere('status IN (:...from)', { from: transition.from })
      .execute();
    const sequence = await this.get(id);
    if (!result.affected) {
      const refusal =
        transitionRefusal({ what: 'sequence', action, transition, status: sequence.status }) ??
        CHANGED_MEANWHILE;
      throw new InvalidSequenceTransitionException(id, sequence.status, refusal);
    }
    if (action === 'resume') await this.wakeRun(id);
    return sequence;
  }
}
