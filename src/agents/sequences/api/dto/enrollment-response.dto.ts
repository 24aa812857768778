import { ApiProperty } from '@nestjs/swagger';
import type { EnrollmentWithTimeline } from '../../enrollments.service';
import type { EnrollmentEventEntity } from '../../events/enrollment-event.entity';
import {
  ENROLLMENT_EVENT_TYPES,
  EXIT_REASONS,
  type EnrollmentEventType,
} from '../../events/enrollment-event.types';
import type { SequenceEnrollmentEntity } from '../../sequence-enrollment.entity';
import {
  ENROLLMENT_SOURCES,
  ENROLLMENT_STATUSES,
  type EnrollmentSource,
  type EnrollmentStatus,
} from '../../sequence.types';
import {
  ENROLLMENT_SKIP_REASONS,
  type EnrollmentSkip,
  type EnrollmentSkipReason,
} from '../../utils/enrollment-plan.util';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** A prospect in a sequence. */
export class EnrollmentDto {
  /** @example 9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b */
  id: string;
  /** @example 5a7c9e1f-2b3d-4f6a-8c0e-1d2f3a4b5c6d */
  sequence_id: string;
  /** @example 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55 */
  prospect_id: string;
  /**
   * active, paused, or how it ended: finished (every step done, or a meeting booked), replied,
   * bounced, unsubscribed, suppressed or stopped (by hand, a colleague's reply, its touch
   * removed from the outbox, a send the server refused). @example active
   */
  @ApiProperty({ enum: ENROLLMENT_STATUSES })
  status: EnrollmentStatus;
  /** The step it is at, from 0. @example 0 */
  @ApiProperty({ type: 'integer' })
  step_index: number;
  /**
   * ISO-8601, when its current step is due; null until the sequence's launch schedules it
   * (enrolling sends nothing), and once it ended.
   */
  @ApiProperty({ type: String, nullable: true, example: null })
  next_due_at: string | null;
  /** Why it ended; null while active or paused. */
  @ApiProperty({ enum: EXIT_REASONS, nullable: true, example: null })
  exit_reason: string | null;
  /** ISO-8601, when it ended. */
  @ApiProperty({ type: String, nullable: true, example: null })
  exited_at: string | null;
  /** How it was made: ids, filter or job. @example ids */
  @ApiProperty({ enum: ENROLLMENT_SOURCES })
  source: EnrollmentSource;
  /** ISO-8601, when a launch's approval scheduled it; null while it waits for a launch. */
  @ApiProperty({ type: String, nullable: true, example: null })
  launched_at: string | null;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  created_at: string;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  updated_at: string;

  static from(enrollment: SequenceEnrollmentEntity): EnrollmentDto {
    return {
      id: enrollment.id,
      sequence_id: enrollment.sequenceId,
      prospect_id: enrollment.prospectId,
      status: enrollment.status,
      step_index: enrollment.stepIndex,
      next_due_at: iso(enrollment.nextDueAt),
      exit_reason: enrollment.exitReason,
      exited_at: iso(enrollment.exitedAt),
      source: enrollment.source,
      launched_at: iso(enrollment.launchedAt),
      created_at: enrollment.createdAt.toISOString(),
      updated_at: enrollment.updatedAt.toISOString(),
    };
  }
}

/** A prospect not enrolled, and why. */
export class EnrollmentSkipDto {
  /** @example 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55 */
  prospect_id: string;
  /**
   * unknown_prospect, sample_data, opted_out, no_email, suppressed, already_enrolled (active or
   * paused in this sequence) or in_other_sequence (active or paused in another, where the
   * one-active-sequence rule applies). @example suppressed
   */
  @ApiProperty({ enum: ENROLLMENT_SKIP_REASONS })
  reason: EnrollmentSkipReason;
  /** The reason in words. @example "suppressed (acme.example)" */
  message: string;

  static from(skip: EnrollmentSkip): EnrollmentSkipDto {
    return { prospect_id: skip.prospectId, reason: skip.reason, message: skip.message };
  }
}

/** What an enrolment did: the enrollments made (active, nothing sent yet), and who was skipped. */
export class EnrollResultDto {
  enrolled: EnrollmentDto[];
  skipped: EnrollmentSkipDto[];
}

/** One entry of an enrollment's timeline. */
export class EnrollmentEventDto {
  /**
   * launched, sent, deferred (a daily limit), awaiting_approval (a follow-up draft),
   * task_created, task_completed, paused, resumed, replied, bounced, unsubscribed,
   * meeting_booked, or exited (with its reason). @example sent
   */
  @ApiProperty({ enum: ENROLLMENT_EVENT_TYPES })
  type: EnrollmentEventType;
  /**
   * The step it concerns: the email sent, the task; for a reply, bounce, unsubscribe or meeting,
   * the email step the prospect last received. @example 0
   */
  @ApiProperty({ type: 'integer', nullable: true })
  step_index: number | null;
  /** Its details: touch_index, outbox_id and message_id of a send; reason of an exit; note. */
  @ApiProperty({ type: 'object', additionalProperties: true, example: { touch_index: 0 } })
  data: Record<string, unknown>;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  at: string;

  static from(event: Pick<EnrollmentEventEntity, 'type' | 'stepIndex' | 'data' | 'at'>) {
    return {
      type: event.type,
      step_index: event.stepIndex,
      data: event.data,
      at: event.at.toISOString(),
    } satisfies EnrollmentEventDto;
  }
}

/** An enrollment with its timeline, oldest event first. */
export class EnrollmentDetailDto extends EnrollmentDto {
  timeline: EnrollmentEventDto[];

  static withTimeline(item: EnrollmentWithTimeline): EnrollmentDetailDto {
    return {
      ...EnrollmentDto.from(item.enrollment),
      timeline: item.timeline.map((event) => EnrollmentEventDto.from(event)),
    };
  }
}

/** One page of a sequence's enrollments, oldest first, each with its timeline. */
export class EnrollmentPageDto {
  items: EnrollmentDetailDto[];
  /** @example 22 */
  total: number;
  /** @example 0 */
  skip: number;
  /** @example 20 */
  limit: number;

  static from(page: {
    items: EnrollmentWithTimeline[];
    total: number;
    skip: number;
    limit: number;
  }): EnrollmentPageDto {
    return { ...page, items: page.items.map((item) => EnrollmentDetailDto.withTimeline(item)) };
  }
}

/** What recording an event did. */
export class EnrollmentEventResultDto {
  /** The enrollment as it is now (ended, unless it had ended before). */
  enrollment: EnrollmentDto;
  event: EnrollmentEventDto;
  /** Other enrollments the event ended: a colleague's (stop_on_company_reply), the address's. */
  ended: string[];
}
