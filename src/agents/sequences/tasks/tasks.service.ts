import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../../../common/time/clock';
import {
  InvalidTaskTransitionException,
  TaskNotFoundException,
} from '../exceptions/sequences.exceptions';
import { SequencesService } from '../sequences.service';
import { EnrollmentStore } from '../store/enrollment.store';
import { SequenceTaskEntity, type TaskStatus } from './sequence-task.entity';

export interface TaskPage {
  items: SequenceTaskEntity[];
  total: number;
  skip: number;
  limit: number;
}

/**
 * The to-do list of manual sequence steps: listing them, and completing one, after which its
 * enrollment goes on (due at once; its run job is woken). A task ends `cancelled` when its
 * enrollment ends first.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(SequenceTaskEntity) private readonly tasks: Repository<SequenceTaskEntity>,
    private readonly store: EnrollmentStore,
    private readonly sequences: SequencesService,
    private readonly clock: Clock,
  ) {}

  /** Oldest first: the order they came due in. */
  async list(query: {
    status?: TaskStatus;
    sequenceId?: string;
    skip: number;
    limit: number;
  }): Promise<TaskPage> {
    const [items, total] = await this.tasks.findAndCount({
      where: {
        ...(query.status ? { status: query.status } : {}),
        ...(query.sequenceId ? { sequenceId: query.sequenceId } : {}),
      },
      order: { createdAt: 'ASC', id: 'ASC' },
      skip: query.skip,
      take: query.limit,
    });
    return { items, total, skip: query.skip, limit: query.limit };
  }

  /** Marks an open task done; 404 for an unknown one, 409 for one done or cancelled. */
  async complete(id: string): Promise<SequenceTaskEntity> {
    const now = this.clock.now();
    const outcome = await this.store.completeTask({
      taskId: id,
      now,
      dueAt: now,
      event: (task) => ({
        enrollmentId: task.enrollmentId,
        sequenceId: task.sequenceId,
        type: 'task_completed',
        stepIndex: task.stepIndex,
        data: { task_id: id },
        at: now,
      }),
    });
    const task = await this.tasks.findOneBy({ id });
    if (!task) throw new TaskNotFoundException(id);
    if (outcome === 'not_open') throw new InvalidTaskTransitionException(id, task.status);
    await this.sequences.wakeRun(task.sequenceId, now);
    return task;
  }
}
