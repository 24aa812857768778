import type { NewEnrollmentEvent } from '../events/enrollment-event.types';
import type { SequenceEnrollmentEntity } from '../sequence-enrollment.entity';
import type { EnrollmentStatus } from '../sequence.types';
import type { SequenceTaskEntity } from '../tasks/sequence-task.entity';

/** The fields of an enrollment a change may set. */
export type EnrollmentSet = Partial<
  Pick<
    SequenceEnrollmentEntity,
    | 'status'
    | 'stepIndex'
    | 'nextDueAt'
    | 'exitReason'
    | 'exitedAt'
    | 'launchedAt'
    | 'followUpsApproved'
  >
>;

/**
 * One change of one enrollment, applied only while the enrollment is as the writer saw it (in one
 * of `from.statuses`, at `from.stepIndex` when given), with what goes with it in the same
 * transaction: its timeline events, the cancellation of its open tasks (an exit), a task to
 * create (once per enrollment and step).
 */
export interface EnrollmentChange {
  id: string;
  from: { statuses: readonly EnrollmentStatus[]; stepIndex?: number };
  set: EnrollmentSet;
  events?: NewEnrollmentEvent[];
  cancelOpenTasks?: boolean;
  task?: SequenceTaskEntity;
  now: Date;
}

/** Completing an open task: it is done, and its enrollment (if still at that step) due at `dueAt`. */
export interface TaskCompletion {
  taskId: string;
  now: Date;
  dueAt: Date;
  /** The `task_completed` event of its enrollment. */
  event: (
    task: Pick<SequenceTaskEntity, 'enrollmentId' | 'sequenceId' | 'stepIndex'>,
  ) => NewEnrollmentEvent;
}

/** The column of each settable field. */
export const ENROLLMENT_COLUMNS: Record<keyof EnrollmentSet, string> = {
  status: 'status',
  stepIndex: 'step_index',
  nextDueAt: 'next_due_at',
  exitReason: 'exit_reason',
  exitedAt: 'exited_at',
  launchedAt: 'launched_at',
  followUpsApproved: 'follow_ups_approved',
};

/** The fields a change sets, in a stable order (its statement is prepared once per set). */
export function changedFields(set: EnrollmentSet): (keyof EnrollmentSet)[] {
  return (Object.keys(ENROLLMENT_COLUMNS) as (keyof EnrollmentSet)[]).filter(
    (field) => set[field] !== undefined,
  );
}

export const EVENT_COLUMNS = 'enrollment_id, sequence_id, type, step_index, data, at';
export const TASK_COLUMNS =
  'id, sequence_id, enrollment_id, prospect_id, step_index, kind, instructions, status, created_at, completed_at';
