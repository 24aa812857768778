import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ProspectsService } from '../prospects/prospects.service';
import type { ProspectSearchCriteria } from '../prospects/search/prospect-search.types';
import { SuppressionsService } from '../email/suppressions.service';
import {
  EnrollmentNotFoundException,
  InvalidEnrollmentTransitionException,
  TooManyProspectsException,
} from './exceptions/sequences.exceptions';
import { SequenceEnrollmentEntity } from './sequence-enrollment.entity';
import type { EnrollmentSource, EnrollmentStatus } from './sequence.types';
import { CHANGED_MEANWHILE, SequencesService } from './sequences.service';
import { EnrollmentStore, type EnrollmentOutcome } from './store/enrollment.store';
import {
  checkPlaces,
  checkProspects,
  inGivenOrder,
  type ProspectFacts,
} from './utils/enrollment-plan.util';
import {
  ENROLLMENT_TRANSITIONS,
  transitionRefusal,
  type EnrollmentAction,
} from './utils/transitions.util';

/** Whom to enrol: listed prospect ids, or every prospect a search finds. */
export type EnrollmentTarget = { prospectIds: string[] } | { criteria: ProspectSearchCriteria };

export interface EnrollmentPage {
  items: SequenceEnrollmentEntity[];
  total: number;
  skip: number;
  limit: number;
}

/**
 * Enrollments: enrolling prospects (each checked, and the one-place rules applied race-free by
 * the EnrollmentStore), listing them, and pausing, resuming or stopping one. Enrolling sends
 * nothing: a new enrollment is active at step 0 with nothing due, until a launch schedules it.
 */
@Injectable()
export class EnrollmentsService {
  constructor(
    private readonly sequences: SequencesService,
    private readonly prospects: ProspectsService,
    private readonly suppressions: SuppressionsService,
    private readonly store: EnrollmentStore,
    @InjectRepository(SequenceEnrollmentEntity)
    private readonly enrollments: Repository<SequenceEnrollmentEntity>,
  ) {}

  /**
   * Enrols the target's prospects (at most `max`; a filter finding more is refused with 422).
   * Skipped, each with its reason: unknown, sample data, opted out, no email address,
   * suppressed, already active or paused in this sequence, or in another one where the
   * one-active-sequence rule applies. Opt-outs and suppressions are checked again right before
   * each send, so one made while this runs still holds.
   */
  async enrol(
    sequenceId: string,
    target: EnrollmentTarget,
    max: number,
  ): Promise<EnrollmentOutcome> {
    const sequence = await this.sequences.get(sequenceId);
    const { ids, source } = await this.targetIds(target, max);
    const found = await this.prospects.getMany(ids);
    const facts = new Map<string, ProspectFacts>(
      found.map((prospect) => [
        prospect.id,
        { email: prospect.email, optedOut: prospect.optedOut, isSample: prospect.isSample },
      ]),
    );
    const emails = found.flatMap((prospect) => (prospect.email ? [prospect.email] : []));
    const suppressed = await this.suppressions.matchingMany(emails);
    const checked = checkProspects({ ids, prospects: facts, suppressed });
    const outcome = await this.store.enrol({
      sequenceId,
      candidates: checked.candidates,
      source,
      now: new Date(),
      plan: (held) =>
        checkPlaces({
          sequenceId,
          oneActiveSequence: sequence.settings.one_active_sequence_per_prospect,
          candidates: checked.candidates,
          held,
        }),
    });
    return {
      enrolled: outcome.enrolled,
      skipped: inGivenOrder(ids, [...checked.skipped, ...outcome.skipped]),
    };
  }

  /** A sequence's enrollments, oldest first; 404 for an unknown sequence. */
  async list(
    sequenceId: string,
    query: { status?: EnrollmentStatus; skip: number; limit: number },
  ): Promise<EnrollmentPage> {
    await this.sequences.get(sequenceId);
    const [items, total] = await this.enrollments.findAndCount({
      where: { sequenceId, ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: query.skip,
      take: query.limit,
    });
    return { items, total, skip: query.skip, limit: query.limit };
  }

  /**
   * Pauses, resumes or stops an enrollment; 404 for an unknown one, 409 when its status does not
   * allow it. A stop records the exit (`stopped`, now) and leaves nothing due.
   */
  async transition(id: string, action: EnrollmentAction): Promise<SequenceEnrollmentEntity> {
    const transition = ENROLLMENT_TRANSITIONS[action];
    const now = new Date();
    const exit =
      transition.to === 'stopped' ? { exitReason: 'stopped', exitedAt: now, nextDueAt: null } : {};
    const result = await this.enrollments
      .createQueryBuilder()
      .update(SequenceEnrollmentEntity)
      .set({ status: transition.to, updatedAt: now, ...exit })
      .where('id = :id', { id })
      .andWhere('status IN (:...from)', { from: transition.from })
      .execute();
    const enrollment = await this.enrollments.findOneBy({ id });
    if (!enrollment) throw new EnrollmentNotFoundException(id);
    if (!result.affected) {
      const { status } = enrollment;
      const refusal =
        transitionRefusal({ what: 'enrollment', action, transition, status }) ?? CHANGED_MEANWHILE;
      throw new InvalidEnrollmentTransitionException(id, status, refusal);
    }
    return enrollment;
  }

  private async targetIds(
    target: EnrollmentTarget,
    max: number,
  ): Promise<{ ids: string[]; source: EnrollmentSource }> {
    if ('prospectIds' in target) return { ids: [...new Set(target.prospectIds)], source: 'ids' };
    const found = await this.prospects.count(target.criteria);
    if (found > max) throw new TooManyProspectsException(found, max);
    const page = await this.prospects.search(target.criteria, { skip: 0, limit: max });
    return { ids: page.items.map((prospect) => prospect.id), source: 'filter' };
  }
}
