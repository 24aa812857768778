import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Clock } from '../../../common/time/clock';
import { SuppressionsService } from '../../email/suppressions.service';
import { ProspectsService } from '../../prospects/prospects.service';
import { EnrollmentNotFoundException } from '../exceptions/sequences.exceptions';
import { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { SequenceEntity } from '../sequence.entity';
import { HOLDING_STATUSES } from '../sequence.types';
import { SequencesService } from '../sequences.service';
import { EnrollmentStore } from '../store/enrollment.store';
import type { NewEnrollmentEvent, OutsideEventType } from './enrollment-event.types';
import { enrollmentEvent, exitChange } from './exit.util';

/** What recording an outside event did. */
export interface RecordedEvent {
  enrollment: SequenceEnrollmentEntity;
  event: NewEnrollmentEvent;
  /** Other enrollments it ended (a colleague's reply, an address unsubscribed), by id. */
  ended: string[];
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
    private readonly clock: Clock,
  ) {}

  async record(
    enrollmentId: string,
    input: { type: OutsideEventType; at?: Date; note?: string },
  ): Promise<RecordedEvent> {
    const enrollment = await this.enrollments.findOneBy({ id: enrollmentId });
    if (!enrollment) throw new EnrollmentNotFoundException(enrollmentId);
    const sequence = await this.sequences.get(enrollment.sequenceId);
    const now = this.clock.now();
    const data = input.note ? { note: input.note } : {};
    const event = (exited: boolean) =>
      enrollmentEvent({
        enrollment,
        steps: sequence.steps,
        type: input.type,
        data: { ...data, exited },
        at: input.at ?? now,
      });
    const exited =
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
    if (!exited) await this.store.addEvents([event(false)]);
    const ended = await this.consequences(enrollment, sequence, input.type);
    if (exited || ended.length > 0) await this.sequences.wakeRun(sequence.id);
    const current = (await this.enrollments.findOneBy({ id: enrollmentId })) ?? enrollment;
    return { enrollment: current, event: event(exited), ended };
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
