import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../../../common/http/coded-http.exception';

export class SequenceNotFoundException extends CodedHttpException {
  constructor(id: string) {
    super(HttpStatus.NOT_FOUND, 'sequence_not_found', `No sequence with id "${id}"`);
  }
}

export class EnrollmentNotFoundException extends CodedHttpException {
  constructor(id: string) {
    super(HttpStatus.NOT_FOUND, 'enrollment_not_found', `No enrollment with id "${id}"`);
  }
}

/** pause/resume asked of a sequence whose status does not allow it; `details.status` is its status. */
export class InvalidSequenceTransitionException extends CodedHttpException {
  constructor(id: string, status: string, refusal: string) {
    super(HttpStatus.CONFLICT, 'invalid_sequence_transition', `Sequence "${id}" ${refusal}`, {
      status,
    });
  }
}

/** pause/resume/stop asked of an enrollment whose status does not allow it. */
export class InvalidEnrollmentTransitionException extends CodedHttpException {
  constructor(id: string, status: string, refusal: string) {
    super(HttpStatus.CONFLICT, 'invalid_enrollment_transition', `Enrollment "${id}" ${refusal}`, {
      status,
    });
  }
}

/** A filter finds more prospects than one enrolment call takes. */
export class TooManyProspectsException extends CodedHttpException {
  constructor(found: number, max: number) {
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'too_many_prospects',
      `The filter finds ${found} prospects; one call enrols at most ${max}: narrow the filter (by batch, country, min_score, …) and enrol in several calls`,
      { found, max },
    );
  }
}

/** A launch while the previous one still waits for its drafts or its approval. */
export class LaunchInProgressException extends CodedHttpException {
  constructor(sequenceId: string, jobId: string) {
    super(
      HttpStatus.CONFLICT,
      'launch_in_progress',
      `Sequence "${sequenceId}" has a launch waiting for its review (job ${jobId}): approve or reject that job first, then launch again for the enrollments it does not hold`,
      { job_id: jobId },
    );
  }
}

/** A launch with no enrollment to launch, and the launched ones running already. */
export class NothingToLaunchException extends CodedHttpException {
  constructor(sequenceId: string, runJobId: string | null) {
    const running = runJobId ? `; its launched enrollments run in job ${runJobId}` : '';
    super(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'nothing_to_launch',
      `Sequence "${sequenceId}" has no active enrollment waiting for a launch: enrol prospects first (POST /sequences/{id}/enrollments)${running}`,
      runJobId ? { run_job_id: runJobId } : undefined,
    );
  }
}

export class TaskNotFoundException extends CodedHttpException {
  constructor(id: string) {
    super(HttpStatus.NOT_FOUND, 'task_not_found', `No task with id "${id}"`);
  }
}

/** Completing a task that is not open; `details.status` is its status. */
export class InvalidTaskTransitionException extends CodedHttpException {
  constructor(id: string, status: string) {
    super(
      HttpStatus.CONFLICT,
      'invalid_task_transition',
      `Task "${id}" is ${status}: only an open task can be completed`,
      { status },
    );
  }
}
