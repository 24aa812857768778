import { ApiProperty } from '@nestjs/swagger';
import { IsISO8601, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_TIME_PATTERN } from '../../../../common/validation/date-time.util';
import { IsNotBlank } from '../../../../common/validation/not-blank.validator';
import { OUTSIDE_EVENT_TYPES, type OutsideEventType } from '../../events/enrollment-event.types';

/** Something that happened to an enrollment outside Zigral (the mailbox will report these too). */
export class EnrollmentEventInputDto {
  /** replied, bounced, unsubscribed or meeting_booked. */
  @ApiProperty({ enum: OUTSIDE_EVENT_TYPES, example: 'replied' })
  @IsIn(OUTSIDE_EVENT_TYPES, { message: `type must be one of ${OUTSIDE_EVENT_TYPES.join(', ')}` })
  type: OutsideEventType;

  /** When it happened, ISO-8601 (default now). @example 2026-11-25T14:03:00Z */
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'at must be an ISO-8601 date and time' })
  @Matches(DATE_TIME_PATTERN, { message: 'at must be an ISO-8601 date and time' })
  at?: string;

  /** A note for the timeline. @example "Asked to talk in January" */
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(2000)
  note?: string;
}
