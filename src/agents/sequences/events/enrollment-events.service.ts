import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock } from '../../../common/time/clock';
import { SuppressionsService } from '../../email/suppressions.service';
import { ProspectsService } from '../../prospects/prospects.service';
import { EnrollmentNotFoundException } from '../exceptions/sequences.exceptions';
import { outOfOfficeResume } from '../schedule/out-of-office-resume.util';
import { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { SequenceEntity } from '../sequence.entity';
import { HOLDING_STATUSES } from '../sequence.types';
import { SequencesService } from '../sequences.service';
import { EnrollmentStore } from '../store/enrollment.store';
import { EnrollmentEventEntity } from './enrollment-event.entity';
import type { NewEnrollmentEvent, OutsideEventType } from './enrollment-event.types';
import { enrollmentEvent, exitChange } from './exit.util';

/** What recording an outside event did. */
export interface RecordedEvent {
  enrollment: SequenceEnrollmentEntity;
  event: NewEnrollmentEvent;
  /** Other enrollments it ended (a colleague's reply, an address unsubscribed), by id. */
  ended: string[];
}

/** What an automatic answer did to an enrollment. */
export interface OutOfOfficeOutcome {
  /** When the enrollment goes on. */
  resumeAt: Date;
  /** Whether its next step was moved to `resumeAt` (false: nothing was due before then). */
  postponed: boolean;
}

/**
 * An event from an inbound message carries its id (`inbound_message_id`: the reply in GET
 * /replies/{id}), which also makes it once per enrollment: applying the message again adds none.
 */
export interface InboundSource {
  inboundMessageId: string;
}

/**
 * The exit rules, applied the moment an event is known: a reply, a bounce, an unsubscribe or a
 * booked meeting ends the enrollment at once (recorded in its timeline with the email step it
 * answers); a bounce also suppresses the address; an unsubscribe opts the prospect out,
 * suppresses the address and ends every active enrollment of it; with `stop_on_company_reply`, a
 * reply ends the other enrollments of the same company in the sequence. An event about an
 * enrollment that ended already is recorded (and counted) without changing it.
 */
@Injectable()
export class EnrollmentEventsService {
  private readonly logger = new Logger(EnrollmentEventsService.name);

  constructor(
    private readonly sequences: SequencesService,
    private readonly store: EnrollmentStore,
    private readonly prospects: ProspectsService,
    private readonly suppressions: SuppressionsService,
    @InjectRepository(SequenceEnrollmentEntity)
    private readonly enrollments: Repository<SequenceEnrollmentEntity>,
    @InjectRepository(EnrollmentEventEntity)
    private readonly events: Repository<EnrollmentEventEntity>,
    private readonly clock: Clock,
  ) {}

  /**
   * Records an outside event. With `inboundMessageId` (the mailbox's), an event of that message
   * already on the timeline is not recorded again; what the event does beyond its enrollment
   * (suppression, opt-out, the company's other enrollments) is applied again, and changes nothing
   * the second time.
   */
  async record(
    enrollmentId: string,
    input: { type: OutsideEventType; at?: Date; note?: string; inboundMessageId?: string },
  ): Promise<RecordedEvent> {
    const enrollment = await this.enrollments.findOneBy({ id: enrollmentId });
    if (!enrollment) throw new EnrollmentNotFoundException(enrollmentId);
    const sequence = await this.sequences.get(enrollment.sequenceId);
    const now = this.clock.now();
    const data = {
      ...(input.note ? { note: input.note } : {}),
      ...(input.inboundMessageId ? { inbound_message_id: input.inboundMessageId } : {}),
    };
    const seen =
      input.inboundMessageId !== undefined &&
      (await this.hasInboundEvent(enrollmentId, input.inboundMessageId));
    const event = (exited: boolean) =>
      enrollmentEvent({
        enrollment,
        steps: sequence.steps,
        type: input.type,
        data: { ...data, exited },
        at: input.at ?? now,
      });
    const exited =
      !seen &&
      HOLDING_STATUSES.includes(enrollment.status as (typeof HOLDING_STATUSES)[number]) &&
      (await this.store.change(
        exitChange({
          enrollment,
          steps: sequence.steps,
          reason: input.type,
          now,
          event: event(true),
        }),
      ));
    if (!exited && !seen) await this.store.addEvents([event(false)]);
    const ended = await this.consequences(enrollment, sequence, input.type);
    if (exited || ended.length > 0) await this.sequences.wakeRun(sequence.id);
    const current = (await this.enrollments.findOneBy({ id: enrollmentId })) ?? enrollment;
    return { enrollment: current, event: event(exited), ended };
  }

  /**
   * An automatic answer (out of office) from the enrollment's prospect: not a reply, the
   * enrollment stays. Its next step, if due before the person is back (see outOfOfficeResume, in
   * the sequence's time zone), is moved to then — in one conditional UPDATE while it is still
   * active or paused at the same step — and the run job is woken by then; the scheduler sends
   * nothing of it before. An `out_of_office` event records it either way (once per message).
   */
  async outOfOffice(
    enrollmentId: string,
    input: InboundSource & { returnDate: string | null; defaultDays: number },
  ): Promise<OutOfOfficeOutcome> {
    const enrollment = await this.enrollments.findOneBy({ id: enrollmentId });
    if (!enrollment) throw new EnrollmentNotFoundException(enrollmentId);
    const sequence = await this.sequences.get(enrollment.sequenceId);
    const now = this.clock.now();
    const resumeAt = outOfOfficeResume({
      returnDate: input.returnDate,
      now,
      zone: sequence.settings.time_zone,
      defaultDays: input.defaultDays,
    });
    if (await this.hasInboundEvent(enrollmentId, input.inboundMessageId)) {
      return { resumeAt, postponed: false };
    }
    const event = (postponed: boolean) =>
      enrollmentEvent({
        enrollment,
        steps: sequence.steps,
        type: 'out_of_office',
        data: {
          inbound_message_id: input.inboundMessageId,
          return_date: input.returnDate,
          resume_at: resumeAt.toISOString(),
          postponed,
        },
        at: now,
      });
    const due = enrollment.nextDueAt;
    const postponed =
      HOLDING_STATUSES.includes(enrollment.status as (typeof HOLDING_STATUSES)[number]) &&
      due !== null &&
      due < resumeAt &&
      (await this.store.change({
        id: enrollment.id,
        from: { statuses: HOLDING_STATUSES, stepIndex: enrollment.stepIndex },
        set: { nextDueAt: resumeAt },
        events: [event(true)],
        now,
      }));
    if (!postponed) await this.store.addEvents([event(false)]);
    // The run parked for the old due time wakes, finds nothing due and parks until resumeAt.
    else await this.sequences.wakeRun(sequence.id, resumeAt);
    return { resumeAt, postponed };
  }

  /**
   * An address unsubscribed (through a message's link, or an event): every active or paused
   * enrollment of its prospects ends as `unsubscribed`, except `except`. Answers their ids.
   */
  async addressUnsubscribed(
    email: string,
    source: Record<string, unknown>,
    except?: string,
  ): Promise<string[]> {
    const prospectIds = await this.prospects.idsWithEmail(email);
    if (prospectIds.length === 0) return [];
    const holding = await this.enrollments.findBy({
      prospectId: In(prospectIds),
      status: In([...HOLDING_STATUSES]),
    });
    const ended: string[] = [];
    for (const enrollment of holding.filter((entry) => entry.id !== except)) {
      const sequence = await this.sequences.find(enrollment.sequenceId);
      if (!sequence) continue;
      const now = this.clock.now();
      const event = enrollmentEvent({
        enrollment,
        steps: sequence.steps,
        type: 'unsubscribed',
        data: { ...source, exited: true },
        at: now,
      });
      const change = exitChange({
        enrollment,
        steps: sequence.steps,
        reason: 'unsubscribed',
        now,
        event,
      });
      if (await this.store.change(change)) ended.push(enrollment.id);
    }
    this.logger.log({ ended: ended.length }, 'Enrollments of an unsubscribed address ended');
    return ended;
  }

  /** Whether the enrollment's timeline has an event of this inbound message. */
  private hasInboundEvent(enrollmentId: string, inboundMessageId: string): Promise<boolean> {
    // `data` is JSON text on both engines, written by JSON.stringify (no spaces).
    return this.events
      .createQueryBuilder('v')
      .where('v.enrollment_id = :enrollmentId', { enrollmentId })
      .andWhere('v.data LIKE :needle', {
        needle: `%${JSON.stringify({ inbound_message_id: inboundMessageId }).slice(1, -1)}%`,
      })
      .getExists();
  }

  /** What an event does beyond its enrollment; the ids of other enrollments it ended. */
  private async consequences(
    enrollment: SequenceEnrollmentEntity,
    sequence: SequenceEntity,
    type: OutsideEventType,
  ): Promise<string[]> {
    if (type === 'replied' && sequence.settings.stop_on_company_reply) {
      return this.endCompany(enrollment, sequence);
    }
    if (type !== 'bounced' && type !== 'unsubscribed') return [];
    const prospect = (await this.prospects.getMany([enrollment.prospectId]))[0];
    if (!prospect?.email) return [];
    if (type === 'bounced') {
      await this.suppressions.addEmail(prospect.email, 'bounce');
      return [];
    }
    await this.prospects.optOut(prospect.id);
    await this.suppressions.addEmail(prospect.email, 'unsubscribe');
    const source = { source: 'event', enrollment_id: enrollment.id };
    return this.addressUnsubscribed(prospect.email, source, enrollment.id);
  }

  /** `stop_on_company_reply`: the other active or paused enrollments at the replier's company. */
  private async endCompany(
    replier: SequenceEnrollmentEntity,
    sequence: SequenceEntity,
  ): Promise<string[]> {
    const others = (
      await this.enrollments.findBy({
        sequenceId: sequence.id,
        status: In([...HOLDING_STATUSES]),
      })
    ).filter((enrollment) => enrollment.id !== replier.id);
    const prospects = await this.prospects.getMany([
      replier.prospectId,
      ...others.map((enrollment) => enrollment.prospectId),
    ]);
    const domainOf = new Map(prospects.map((prospect) => [prospect.id, companyDomain(prospect)]));
    const domain = domainOf.get(replier.prospectId);
    if (!domain) return [];
    const ended: string[] = [];
    for (const enrollment of others.filter((entry) => domainOf.get(entry.prospectId) === domain)) {
      const change = exitChange({
        enrollment,
        steps: sequence.steps,
        reason: 'company_replied',
        now: this.clock.now(),
        detail: { replied_enrollment_id: replier.id, domain },
      });
      if (await this.store.change(change)) ended.push(enrollment.id);
    }
    return ended;
  }
}

/** A prospect's company domain: its company's, else its email address's. */
function companyDomain(prospect: {
  email: string | null;
  company?: { domain: string | null } | null;
}): string | undefined {
  const domain = prospect.company?.domain ?? prospect.email?.split('@')[1];
  return domain?.trim().toLowerCase() || undefined;
}
