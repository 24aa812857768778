import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { SequenceEntity } from '../../sequence.entity';
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

/** A sequence with its enrollments counted by status. */
export class SequenceDetailDto extends SequenceDto {
  enrollments: EnrollmentCountsDto;

  static withCounts(
    sequence: SequenceEntity,
    counts: Record<EnrollmentStatus, number>,
  ): SequenceDetailDto {
    return { ...SequenceDto.from(sequence), enrollments: EnrollmentCountsDto.from(counts) };
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
