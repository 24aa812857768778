import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { END_TIME, START_TIME } from '../../schedule/sending-window.util';
import {
  DEFAULT_SETTINGS,
  WEEKDAYS,
  type SendingWindow,
  type SequenceSettings,
  type Weekday,
} from '../../sequence.types';
import { IsKnownTimeZone, IsLaterThan } from '../validators/sequence-input.validators';

export const MAX_DAILY_CAP = 10_000;
const windowTime = (field: 'start' | 'end') =>
  field === 'start'
    ? Matches(START_TIME, { message: 'start must be a time HH:MM from 00:00 to 23:59' })
    : Matches(END_TIME, { message: 'end must be a time HH:MM from 00:00 to 24:00 (midnight)' });

/** When touches may go out: days of the week and hours, in the prospect's time zone. */
export class SendingWindowDto {
  /** Days of the week, at least one: mon, tue, wed, thu, fri, sat, sun. */
  @ApiProperty({ enum: WEEKDAYS, isArray: true, example: ['mon', 'tue', 'wed', 'thu', 'fri'] })
  @IsArray({ message: 'days must be a list of days of the week' })
  @ArrayMinSize(1, { message: 'days must list at least one day of the week' })
  @ArrayMaxSize(WEEKDAYS.length)
  @ArrayUnique({ message: 'days must not repeat a day' })
  @IsIn(WEEKDAYS, { each: true, message: `days must hold only ${WEEKDAYS.join(', ')}` })
  days: Weekday[];

  /** The first minute touches may go out, `HH:MM` (24-hour). @example "09:00" */
  @IsString()
  @windowTime('start')
  start: string;

  /** When the window closes, `HH:MM` up to `24:00`, later than `start`. @example "17:00" */
  @IsString()
  @windowTime('end')
  @IsLaterThan('start')
  end: string;

  static from(window: SendingWindow): SendingWindowDto {
    return { days: [...window.days], start: window.start, end: window.end };
  }
}

const defaults = DEFAULT_SETTINGS;

/** A sequence's settings; each one left out takes its default. */
export class SequenceSettingsInputDto {
  /**
   * The IANA time zone of the window for prospects whose own zone is unknown (default UTC).
   * @example "Europe/Berlin"
   */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsKnownTimeZone()
  time_zone?: string;

  /** The sending window, whole (default Monday to Friday, 09:00 to 17:00). */
  @IsOptional()
  @IsObject({ message: 'window must be an object with days, start and end' })
  @ValidateNested()
  @Type(() => SendingWindowDto)
  window?: SendingWindowDto;

  /** Touches of this sequence per UTC day, 0 to 10,000 (default 50; 0 sends none). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: MAX_DAILY_CAP })
  @IsOptional()
  @IsInt({ message: 'daily_cap must be a whole number' })
  @Min(0, { message: `daily_cap must be from 0 to ${MAX_DAILY_CAP}` })
  @Max(MAX_DAILY_CAP, { message: `daily_cap must be from 0 to ${MAX_DAILY_CAP}` })
  daily_cap?: number;

  /**
   * true: each follow-up waits for its own approval; false (the default): approving the launch
   * approves the follow-ups too.
   */
  @IsOptional()
  @IsBoolean()
  review_follow_ups?: boolean;

  /**
   * A prospect of this sequence is in no other sequence at the same time (default true): one
   * active or paused elsewhere is not enrolled, and one enrolled here is not enrolled elsewhere.
   */
  @IsOptional()
  @IsBoolean()
  one_active_sequence_per_prospect?: boolean;

  /** A reply from anyone at the prospect's company ends the enrollment (default false). */
  @IsOptional()
  @IsBoolean()
  stop_on_company_reply?: boolean;

  /** The settings given, each one left out (or null) at its default. */
  static withDefaults(input: SequenceSettingsInputDto | undefined): SequenceSettings {
    const window = input?.window ?? defaults.window;
    return {
      time_zone: input?.time_zone ?? defaults.time_zone,
      window: { days: [...window.days], start: window.start, end: window.end },
      daily_cap: input?.daily_cap ?? defaults.daily_cap,
      review_follow_ups: input?.review_follow_ups ?? defaults.review_follow_ups,
      one_active_sequence_per_prospect:
        input?.one_active_sequence_per_prospect ?? defaults.one_active_sequence_per_prospect,
      stop_on_company_reply: input?.stop_on_company_reply ?? defaults.stop_on_company_reply,
    };
  }
}

/** A sequence's settings, every one of them. */
export class SequenceSettingsDto {
  /** @example "Europe/Berlin" */
  time_zone: string;
  window: SendingWindowDto;
  /** @example 50 */
  daily_cap: number;
  review_follow_ups: boolean;
  one_active_sequence_per_prospect: boolean;
  stop_on_company_reply: boolean;

  static from(settings: SequenceSettings): SequenceSettingsDto {
    return { ...settings, window: SendingWindowDto.from(settings.window) };
  }
}
