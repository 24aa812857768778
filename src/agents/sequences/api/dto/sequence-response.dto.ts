import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { SequenceEntity } from '../../sequence.entity';
import type { SequenceDetail } from '../../sequences.service';
import type { StepStats } from '../../stats/step-stats.util';
import type { EnrollmentStatus, SequenceStatus, SequenceStep } from '../../sequence.types';
import { SequenceSettingsDto } from './sequence-settings.dto';
import { STEP_DTOS } from './sequence-step.dto';

/** A sequence definition. */
export class SequenceDto {
  /** @example 5a7c9e1f-2b3d-4f6a-8c0e-1d2f3a4b5c6d */
  id: string;
  /** @example "Germany VP Sales, Q1" */
  name: string;
  @ApiProperty({
    description: 'The steps in order, as given',
    type: 'array',
    items: { oneOf: STEP_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })) },
  })
  steps: SequenceStep[];
  settings: SequenceSettingsDto;
  /** active, or paused (nothing of it is sent). @example active */
  @ApiProperty({ enum: ['active', 'paused'] })
  status: SequenceStatus;
  /** The job whose `sequences.run` step sends it (GET /jobs/{id}); null before its first run. */
  @ApiProperty({ type: String, nullable: true, example: null })
  run_job_id: string | null;
  /** The job of its latest launch (drafts, review, run); null before the first launch. */
  @ApiProperty({ type: String, nullable: true, example: null })
  launch_job_id: string | null;
  /** 1 when created, one more on each change. @example 1 */
  @ApiProperty({ type: 'integer' })
  version: number;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  created_at: string;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  updated_at: string;

  static from(sequence: SequenceEntity): SequenceDto {
    return {
      id: sequence.id,
      name: sequence.name,
      steps: sequence.steps,
      settings: SequenceSettingsDto.from(sequence.settings),
      status: sequence.status,
      run_job_id: sequence.runJobId,
      launch_job_id: sequence.launchJobId,
      version: sequence.version,
      created_at: sequence.createdAt.toISOString(),
      updated_at: sequence.updatedAt.toISOString(),
    };
  }
}

/** How many enrollments of a sequence are in each status. */
export class EnrollmentCountsDto {
  /** @example 18 */
  active: number;
  /** @example 1 */
  paused: number;
  /** Went through every step. @example 0 */
  finished: number;
  /** @example 2 */
  replied: number;
  /** @example 0 */
  bounced: number;
  /** @example 0 */
  unsubscribed: number;
  /** @example 0 */
  suppressed: number;
  /** Stopped by hand. @example 1 */
  stopped: number;
  /** All of them. @example 22 */
  total: number;

  static from(counts: Record<EnrollmentStatus, number>): EnrollmentCountsDto {
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    return { ...counts, total };
  }
}

/** How one step is doing. */
export class StepStatsDto {
  /** @example 0 */
  @ApiProperty({ type: 'integer' })
  index: number;
  /** email, wait or task. @example email */
  @ApiProperty({ enum: ['email', 'wait', 'task'] })
  type: 'email' | 'wait' | 'task';
  /** Active or paused enrollments at this step now. @example 4 */
  @ApiProperty({ type: 'integer' })
  due: number;
  /** Touches of this step sent. @example 18 */
  @ApiProperty({ type: 'integer' })
  sent: number;
  /** Replies after this step's touch (the last one the prospect received). @example 3 */
  @ApiProperty({ type: 'integer' })
  replied: number;
  /** @example 1 */
  @ApiProperty({ type: 'integer' })
  bounced: number;
  /** @example 0 */
  @ApiProperty({ type: 'integer' })
  unsubscribed: number;
  /** @example 1 */
  @ApiProperty({ type: 'integer' })
  meeting_booked: number;
  /** Enrollments that went past this step (touch sent, task done, wait over). @example 14 */
  @ApiProperty({ type: 'integer' })
  finished: number;
  /** replied / sent for an email step that sent anything, else null. @example 0.167 */
  @ApiProperty({ type: Number, nullable: true })
  reply_rate: number | null;

  static from(stats: StepStats): StepStatsDto {
    return { ...stats };
  }
}

/** A sequence with its enrollments counted by status, and each step's counts. */
export class SequenceDetailDto extends SequenceDto {
  enrollments: EnrollmentCountsDto;
  /** Per step, in order: who is at it, what it sent and what came back. */
  step_stats: StepStatsDto[];

  static ofDetail(detail: SequenceDetail): SequenceDetailDto {
    return {
      ...SequenceDto.from(detail.sequence),
      enrollments: EnrollmentCountsDto.from(detail.counts),
      step_stats: detail.steps.map((stats) => StepStatsDto.from(stats)),
    };
  }
}

/** One page of sequences, newest first. */
export class SequencePageDto {
  items: SequenceDto[];
  /** @example 3 */
  total: number;
  /** @example 0 */
  skip: number;
  /** @example 20 */
  limit: number;

  static from(page: {
    items: SequenceEntity[];
    total: number;
    skip: number;
    limit: number;
  }): SequencePageDto {
    return { ...page, items: page.items.map((sequence) => SequenceDto.from(sequence)) };
  }
}
