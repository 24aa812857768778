import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../../../common/dto/page-query.dto';
import { TASK_KINDS, type TaskKind } from '../../sequence.types';
import {
  TASK_STATUSES,
  type SequenceTaskEntity,
  type TaskStatus,
} from '../../tasks/sequence-task.entity';
import type { TaskPage } from '../../tasks/tasks.service';

/** Filters of GET /tasks. */
export class ListTasksQueryDto extends PageQueryDto {
  /** Only tasks in this status: open, done or cancelled. @example open */
  @IsOptional()
  @IsIn(TASK_STATUSES, { message: `status must be one of ${TASK_STATUSES.join(', ')}` })
  status?: TaskStatus;

  /** Only the tasks of this sequence. */
  @IsOptional()
  @IsUUID('all', { message: 'sequence_id must be a UUID' })
  sequence_id?: string;
}

/** A manual step of a sequence for one prospect, which its enrollment waits on. */
export class TaskDto {
  /** @example 1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f */
  id: string;
  /** @example 5a7c9e1f-2b3d-4f6a-8c0e-1d2f3a4b5c6d */
  sequence_id: string;
  /** @example 9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b */
  enrollment_id: string;
  /** @example 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55 */
  prospect_id: string;
  /** The task step of the sequence. @example 4 */
  @ApiProperty({ type: 'integer' })
  step_index: number;
  /** call, linkedin_connect or other. @example call */
  @ApiProperty({ enum: TASK_KINDS })
  kind: TaskKind;
  /** @example "Call and refer to the emails" */
  instructions: string;
  /** open (to do), done, or cancelled (its enrollment ended first). @example open */
  @ApiProperty({ enum: TASK_STATUSES })
  status: TaskStatus;
  /** ISO-8601, when it fell due. @example 2026-11-24T10:00:00.000Z */
  created_at: string;
  /** ISO-8601, when it was done or cancelled. */
  @ApiProperty({ type: String, nullable: true, example: null })
  completed_at: string | null;

  static from(task: SequenceTaskEntity): TaskDto {
    return {
      id: task.id,
      sequence_id: task.sequenceId,
      enrollment_id: task.enrollmentId,
      prospect_id: task.prospectId,
      step_index: task.stepIndex,
      kind: task.kind,
      instructions: task.instructions,
      status: task.status,
      created_at: task.createdAt.toISOString(),
      completed_at: task.completedAt ? task.completedAt.toISOString() : null,
    };
  }
}

/** One page of tasks, oldest first. */
export class TaskPageDto {
  items: TaskDto[];
  /** @example 3 */
  total: number;
  /** @example 0 */
  skip: number;
  /** @example 20 */
  limit: number;

  static from(page: TaskPage): TaskPageDto {
    return { ...page, items: page.items.map((task) => TaskDto.from(task)) };
  }
}
