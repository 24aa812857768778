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
