import { HttpStatus } from '@nestjs/common';
import { CodedHttpException } from '../../common/http/coded-http.exception';

/** No preview with this id: never made, or expired (and maybe pruned already). */
export class PlanNotFoundException extends CodedHttpException {
  constructor(planId: string, expiredAt?: Date) {
    super(
      HttpStatus.NOT_FOUND,
      'plan_not_found',
      expiredAt
        ? `Plan "${planId}" expired at ${expiredAt.toISOString()}: preview the command again`
        : `No plan "${planId}" (previews expire after PLAN_PREVIEW_TTL_SECONDS): preview the command again`,
    );
  }
}

/** The preview was run already; `details.job_id` is its job. */
export class PlanAlreadyRunException extends CodedHttpException {
  constructor(planId: string, jobId: string) {
    super(
      HttpStatus.CONFLICT,
      'plan_already_run',
      `Plan "${planId}" already ran as job "${jobId}": follow it with GET /jobs/${jobId}`,
      { job_id: jobId },
    );
  }
}

/** The prospects the plan would work on are not those previewed. */
export class AudienceChangedException extends CodedHttpException {
  constructor(change: { added: number; removed: number }) {
    super(
      HttpStatus.CONFLICT,
      'audience_changed',
      `The audience changed since the preview (${change.added} prospects added, ${change.removed} removed): preview again, then run the new plan`,
      change,
    );
  }
}
