import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../../common/decorators/api-docs.decorators';
import { toSearchCriteria } from '../../prospects/dto/list-prospects-query.dto';
import { EnrollmentsService } from '../enrollments.service';
import { EnrollmentEventsService } from '../events/enrollment-events.service';
import { EnrollmentEventInputDto } from './dto/enrollment-event-input.dto';
import type { EnrollmentAction } from '../utils/transitions.util';
import { CreateEnrollmentsDto, MAX_ENROLLMENTS_PER_CALL } from './dto/create-enrollments.dto';
import {
  EnrollmentDetailDto,
  EnrollmentDto,
  EnrollmentEventDto,
  EnrollmentEventResultDto,
  EnrollmentPageDto,
  EnrollmentSkipDto,
  EnrollResultDto,
} from './dto/enrollment-response.dto';
import { ListEnrollmentsQueryDto } from './dto/list-enrollments-query.dto';
import {
  BAD_ID,
  ENROLLMENT_ID,
  ENROLLMENT_NOT_FOUND,
  IdParam,
  SEQUENCE_ID,
  SEQUENCE_NOT_FOUND,
} from './sequence-api.docs';

const ENROL_EXAMPLES = {
  filter: {
    summary: 'Every prospect a search finds (the filters of GET /prospects)',
    value: { filter: { title: ['VP Sales'], country: ['Germany'], min_score: 70 } },
  },
};

const conflict = (status: string, action: string, from: string) => ({
  status: 409,
  error: 'invalid_enrollment_transition',
  message: `Enrollment "9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b" is ${status}: only ${from} enrollment can be ${action}`,
});

/** Enrollments: prospects going through a sequence. */
@ApiTags('sequences')
@ApiKeyAuth()
@Controller()
export class EnrollmentsController {
  constructor(
    private readonly enrollments: EnrollmentsService,
    private readonly events: EnrollmentEventsService,
  ) {}

  /**
   * Enrols prospects in a sequence
   * @remarks By `prospect_ids`, or every prospect a `filter` finds (the filters of
   * GET /prospects), at most 1,000 a call (a filter finding more is a 422
   * `too_many_prospects`). Skipped, each listed with its reason: an unknown id, sample data,
   * opted out, no email address, a suppressed address or domain, already active or paused in
   * this sequence, or active or paused in another sequence where the one-active-sequence rule is
   * on (in either sequence). Enrolling sends nothing: new enrollments are `active` at step 0
   * with nothing due (`next_due_at` null) until the sequence is launched. A paused sequence
   * takes enrollments too.
   */
  @Post('sequences/:id/enrollments')
  @SEQUENCE_ID
  @ApiBody({ type: CreateEnrollmentsDto, examples: ENROL_EXAMPLES })
  @ApiResponse({ status: 201, type: EnrollResultDto })
  @ApiErrorResponses(
    { status: 400, message: 'prospect_ids or filter is required' },
    SEQUENCE_NOT_FOUND,
    413,
    {
      status: 422,
      error: 'too_many_prospects',
      message: `The filter finds 2400 prospects; one call enrols at most ${MAX_ENROLLMENTS_PER_CALL}: narrow the filter (by batch, country, min_score, …) and enrol in several calls`,
    },
  )
  async enrol(@IdParam() id: string, @Body() body: CreateEnrollmentsDto): Promise<EnrollResultDto> {
    const target = body.filter
      ? { criteria: toSearchCriteria(body.filter) }
      : { prospectIds: body.prospect_ids! };
    const outcome = await this.enrollments.enrol(id, target, MAX_ENROLLMENTS_PER_CALL);
    return {
      enrolled: outcome.enrolled.map((enrollment) => EnrollmentDto.from(enrollment)),
      skipped: outcome.skipped.map((skip) => EnrollmentSkipDto.from(skip)),
    };
  }

  /**
   * Lists a sequence's enrollments, oldest first, optionally in one status
   * @remarks Each with its timeline: launched, sent (touch, Message-ID), deferred, waiting for
   * approval, tasks, pauses, replies and other events, and its exit.
   */
  @Get('sequences/:id/enrollments')
  @SEQUENCE_ID
  @ApiResponse({ status: 200, type: EnrollmentPageDto })
  @ApiErrorResponses(400, SEQUENCE_NOT_FOUND)
  async list(
    @IdParam() id: string,
    @Query() query: ListEnrollmentsQueryDto,
  ): Promise<EnrollmentPageDto> {
    return EnrollmentPageDto.from(
      await this.enrollments.list(id, {
        status: query.status,
        skip: query.skip,
        limit: query.limit,
      }),
    );
  }

  /** Reads an enrollment, with its timeline */
  @Get('enrollments/:id')
  @ENROLLMENT_ID
  @ApiResponse({ status: 200, type: EnrollmentDetailDto })
  @ApiErrorResponses(BAD_ID, ENROLLMENT_NOT_FOUND)
  async get(@IdParam() id: string): Promise<EnrollmentDetailDto> {
    return EnrollmentDetailDto.withTimeline(await this.enrollments.get(id));
  }

  /**
   * Records what happened to an enrollment: a reply, a bounce, an unsubscribe, a meeting booked
   * @remarks An active or paused enrollment ends at once with that reason (a meeting booked ends
   * it as `finished`, exit reason `meeting_booked`), and nothing more is sent to it. A bounce also
   * puts the address on the suppression list; an unsubscribe opts the prospect out, suppresses
   * the address and ends its other active enrollments; a reply, with the sequence's
   * `stop_on_company_reply`, ends the enrollments of the same company domain in the sequence
   * (`ended`). An enrollment that ended already keeps its status; the event is recorded and
   * counted all the same.
   */
  @Post('enrollments/:id/events')
  @ENROLLMENT_ID
  @ApiBody({ type: EnrollmentEventInputDto })
  @ApiResponse({ status: 201, type: EnrollmentEventResultDto })
  @ApiErrorResponses(
    { status: 400, message: 'type must be one of replied, bounced, unsubscribed, meeting_booked' },
    ENROLLMENT_NOT_FOUND,
  )
  async recordEvent(
    @IdParam() id: string,
    @Body() body: EnrollmentEventInputDto,
  ): Promise<EnrollmentEventResultDto> {
    const recorded = await this.events.record(id, {
      type: body.type,
      at: body.at === undefined ? undefined : new Date(body.at),
      note: body.note,
    });
    return {
      enrollment: EnrollmentDto.from(recorded.enrollment),
      event: EnrollmentEventDto.from(recorded.event),
      ended: recorded.ended,
    };
  }

  /**
   * Pauses an enrollment
   * @remarks Nothing is sent to the prospect while it is paused; it keeps its place and step.
   * 409 unless it is active.
   */
  @Post('enrollments/:id/pause')
  @HttpCode(HttpStatus.OK)
  @ENROLLMENT_ID
  @ApiResponse({ status: 200, type: EnrollmentDto })
  @ApiErrorResponses(BAD_ID, ENROLLMENT_NOT_FOUND, conflict('paused', 'paused', 'an active'))
  pause(@IdParam() id: string): Promise<EnrollmentDto> {
    return this.transition(id, 'pause');
  }

  /**
   * Resumes a paused enrollment
   * @remarks It goes on from the step it was at (a touch that fell due meanwhile goes out in the
   * prospect's next window). 409 unless it is paused.
   */
  @Post('enrollments/:id/resume')
  @HttpCode(HttpStatus.OK)
  @ENROLLMENT_ID
  @ApiResponse({ status: 200, type: EnrollmentDto })
  @ApiErrorResponses(BAD_ID, ENROLLMENT_NOT_FOUND, conflict('active', 'resumed', 'a paused'))
  resume(@IdParam() id: string): Promise<EnrollmentDto> {
    return this.transition(id, 'resume');
  }

  /**
   * Stops an enrollment for good
   * @remarks It ends as `stopped` (exit_reason `stopped`, exited_at now), nothing more is sent
   * and its open task is cancelled; the prospect may be enrolled again. 409 unless it is active
   * or paused.
   */
  @Post('enrollments/:id/stop')
  @HttpCode(HttpStatus.OK)
  @ENROLLMENT_ID
  @ApiResponse({ status: 200, type: EnrollmentDto })
  @ApiErrorResponses(
    BAD_ID,
    ENROLLMENT_NOT_FOUND,
    conflict('finished', 'stopped', 'an active or paused'),
  )
  stop(@IdParam() id: string): Promise<EnrollmentDto> {
    return this.transition(id, 'stop');
  }

  private async transition(id: string, action: EnrollmentAction): Promise<EnrollmentDto> {
    return EnrollmentDto.from(await this.enrollments.transition(id, action));
  }
}
