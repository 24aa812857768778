import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock } from '../../common/time/clock';
import { ProspectsService } from '../prospects/prospects.service';
import type { ProspectSearchCriteria } from '../prospects/search/prospect-search.types';
import { SuppressionsService } from '../email/suppressions.service';
import {
  EnrollmentNotFoundException,
  InvalidEnrollmentTransitionException,
  TooManyProspectsException,
} from './exceptions/sequences.exceptions';
import { EnrollmentEventEntity } from './events/enrollment-event.entity';
import { enrollmentEvent, exitChange } from './events/exit.util';
import { SequenceEnrollmentEntity } from './sequence-enrollment.entity';
import { HOLDING_STATUSES, type EnrollmentSource, type EnrollmentStatus } from './sequence.types';
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

/**
 * Whom to enrol: listed prospect ids (`source` 'ids' by default; 'job' for a plan step's
 * prospects), or every prospect a search finds.
 */
export type EnrollmentTarget =
  { prospectIds: string[]; source?: 'ids' | 'job' } | { criteria: ProspectSearchCriteria };

/** An enrollment with its timeline, oldest event first. */
export interface EnrollmentWithTimeline {
  enrollment: SequenceEnrollmentEntity;
  timeline: EnrollmentEventEntity[];
}

export interface EnrollmentPage {
  items: EnrollmentWithTimeline[];
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
    @InjectRepository(EnrollmentEventEntity)
    private readonly events: Repository<EnrollmentEventEntity>,
    private readonly clock: Clock,
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
      now: this.clock.now(),
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

  /** A sequence's enrollments with their timelines, oldest first; 404 for an unknown sequence. */
  async list(
    sequenceId: string,
    query: { status?: EnrollmentStatus; skip: number; limit: number },
  ): Promise<EnrollmentPage> {
    await this.sequences.get(sequenceId);
    const [found, total] = await this.enrollments.findAndCount({
      where: { sequenceId, ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: query.skip,
      take: query.limit,
    });
    return { items: await this.withTimelines(found), total, skip: query.skip, limit: query.limit };
  }

  /** One enrollment with its timeline; 404 for an unknown one. */
  async get(id: string): Promise<EnrollmentWithTimeline> {
    const enrollment = await this.enrollments.findOneBy({ id });
    if (!enrollment) throw new EnrollmentNotFoundException(id);
    return (await this.withTimelines([enrollment]))[0];
  }

  /**
   * The active or paused enrollment of any of `prospectIds` launched most recently (else the one
   * made most recently), or null: whom a message from one of their addresses is about.
   */
  async latestHolding(prospectIds: readonly string[]): Promise<SequenceEnrollmentEntity | null> {
    if (prospectIds.length === 0) return null;
    const holding = await this.enrollments.find({
      where: { prospectId: In([...prospectIds]), status: In([...HOLDING_STATUSES]) },
    });
    const time = (date: Date | null) => date?.getTime() ?? -Infinity;
    holding.sort(
      (a, b) =>
        time(b.launchedAt) - time(a.launchedAt) ||
        time(b.createdAt) - time(a.createdAt) ||
        a.id.localeCompare(b.id),
    );
    return holding[0] ?? null;
  }

  /** One enrollment, or null. */
  find(id: string): Promise<SequenceEnrollmentEntity | null> {
    return this.enrollments.findOneBy({ id });
  }

  private async withTimelines(
    enrollments: SequenceEnrollmentEntity[],
  ): Promise<EnrollmentWithTimeline[]> {
    const events =
      enrollments.length === 0
        ? []
        : await this.events.find({
            where: { enrollmentId: In(enrollments.map((enrollment) => enrollment.id)) },
            order: { at: 'ASC', id: 'ASC' },
          });
    return enrollments.map((enrollment) => ({
      enrollment,
      timeline: events.filter((event) => event.enrollmentId === enrollment.id),
    }));
  }

  /**
   * Pauses, resumes or stops an enrollment, recorded in its timeline; 404 for an unknown one, 409
   * when its status does not allow it. A stop records the exit (`stopped`, now), leaves nothing
   * due and cancels its open tasks; a resume wakes the sequence's run, which goes on from the
   * step it was at.
   */
  async transition(id: string, action: EnrollmentAction): Promise<SequenceEnrollmentEntity> {
    const transition = ENROLLMENT_TRANSITIONS[action];
    const now = this.clock.now();
    const current = await this.enrollments.findOneBy({ id });
    if (!current) throw new EnrollmentNotFoundException(id);
    const { steps } = await this.sequences.get(current.sequenceId);
    const changed = await this.store.change(
      action === 'stop'
        ? exitChange({ enrollment: current, steps, reason: 'stopped', now })
        : {
            id,
            from: { statuses: transition.from },
            set: { status: transition.to },
            events: [
              enrollmentEvent({
                enrollment: current,
                steps,
                type: action === 'pause' ? 'paused' : 'resumed',
                data: {},
                at: now,
                stepIndex: null,
              }),
            ],
            now,
          },
    );
    const enrollment = await this.enrollments.findOneBy({ id });
    if (!enrollment) throw new EnrollmentNotFoundException(id);
    if (changed && action === 'resume') await this.sequences.wakeRun(enrollment.sequenceId, now);
    if (!changed) {
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
    if ('prospectIds' in target) {
      return { ids: [...new Set(target.prospectIds)], source: target.source ?? 'ids' };
    }
    const found = await this.prospects.count(target.criteria);
    if (found > max) throw new TooManyProspectsException(found, max);
    const page = await this.prospects.search(target.criteria, { skip: 0, limit: max });
    return { ids: page.items.map((prospect) => prospect.id), source: 'filter' };
  }
}
