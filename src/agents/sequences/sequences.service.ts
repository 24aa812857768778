import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { Repository } from 'typeorm';
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
}

export interface SequencePage {
  items: SequenceEntity[];
  total: number;
  skip: number;
  limit: number;
}

/** Sequence definitions: create, list, read (with enrollment counts), pause and resume. */
@Injectable()
export class SequencesService {
  constructor(
    @InjectRepository(SequenceEntity) private readonly sequences: Repository<SequenceEntity>,
    @InjectRepository(SequenceEnrollmentEntity)
    private readonly enrollments: Repository<SequenceEnrollmentEntity>,
  ) {}

  async create(input: NewSequence): Promise<SequenceEntity> {
    const now = new Date();
    const sequence = this.sequences.create({
      id: randomUUID(),
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
    const sequence = await this.sequences.findOneBy({ id });
    if (!sequence) throw new SequenceNotFoundException(id);
    return sequence;
  }

  /** The sequence, and how many of its enrollments are in each status. */
  async detail(
    id: string,
  ): Promise<{ sequence: SequenceEntity; counts: Record<EnrollmentStatus, number> }> {
    const sequence = await this.get(id);
    return { sequence, counts: await this.enrollmentCounts(id) };
  }

  /** How many of the sequence's enrollments are in each status (every status, 0 included). */
  private async enrollmentCounts(id: string): Promise<Record<EnrollmentStatus, number>> {
    const rows = await this.enrollments
      .createQueryBuilder('e')
      .select('e.status', 'status')
      .addSelect('COUNT(*)', 'count')
      .where('e.sequence_id = :id', { id })
      .groupBy('e.status')
      .getRawMany<{ status: EnrollmentStatus; count: number | string }>();
    const counts = Object.fromEntries(ENROLLMENT_STATUSES.map((status) => [status, 0]));
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts as Record<EnrollmentStatus, number>;
  }

  /** Pauses (nothing of it is sent) or resumes the sequence; 409 when its status does not allow it. */
  async transition(id: string, action: SequenceAction): Promise<SequenceEntity> {
    const transition = SEQUENCE_TRANSITIONS[action];
    // One conditional UPDATE: of two racing calls, one changes the row and the other finds it changed.
    const result = await this.sequences
      .createQueryBuilder()
      .update(SequenceEntity)
      .set({ status: transition.to, version: () => 'version + 1', updatedAt: new Date() })
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
    return sequence;
  }
}
