import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../../common/decorators/api-docs.decorators';
import { SequenceLaunchService } from '../launch/sequence-launch.service';
import { SequencesService } from '../sequences.service';
import { LaunchSequenceDto, SequenceLaunchDto } from './dto/launch.dto';
import { CreateSequenceDto } from './dto/create-sequence.dto';
import { ListSequencesQueryDto } from './dto/list-sequences-query.dto';
import { SequenceSettingsInputDto } from './dto/sequence-settings.dto';
import { SequenceDetailDto, SequenceDto, SequencePageDto } from './dto/sequence-response.dto';
import { STEP_DTOS, toSequenceStep } from './dto/sequence-step.dto';
import { BAD_ID, IdParam, SEQUENCE_ID, SEQUENCE_NOT_FOUND } from './sequence-api.docs';

/** Example bodies of POST /sequences. */
const CREATE_EXAMPLES = {
  templates: {
    summary: 'Three touches from templates, follow-ups after 3 and 7 business days',
    value: {
      name: 'Germany VP Sales, Q1',
      steps: [
        {
          type: 'email',
          subject: '{{first_name}}, a quick idea for {{company}}',
          body: 'Hi {{first_name}},\n\nwould a 14-day pilot help {{company}}?\n\nBest, Ana',
        },
        { type: 'wait', business_days: 3 },
        {
          type: 'email',
          subject: 'Re: {{first_name}}, a quick idea for {{company}}',
          body: 'Hi {{first_name}}, just bringing this back to the top of your inbox.',
        },
        { type: 'wait', business_days: 4 },
        { type: 'task', kind: 'call', instructions: 'Call and refer to the emails' },
      ],
      settings: {
        time_zone: 'Europe/Berlin',
        window: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '09:00', end: '17:00' },
        daily_cap: 50,
      },
    },
  },
  llm: {
    summary: 'LLM-written touches, default settings',
    value: {
      name: 'Founders, LLM drafts',
      steps: [
        { type: 'email', draft: 'llm', instructions: 'Introduce the 14-day pilot' },
        { type: 'wait', days: 5 },
        { type: 'email', draft: 'llm', instructions: 'A short follow-up asking for a call' },
      ],
    },
  },
};

const CONFLICT = (state: string, action: string) => ({
  status: 409,
  error: 'invalid_sequence_transition',
  message: `Sequence "5a7c9e1f-2b3d-4f6a-8c0e-1d2f3a4b5c6d" is ${state}: only ${state === 'paused' ? 'an active' : 'a paused'} sequence can be ${action}`,
});

/** Sequence definitions: multi-touch outreach, each step an email, a wait or a manual task. */
@ApiTags('sequences')
@ApiKeyAuth()
@ApiExtraModels(...STEP_DTOS)
@Controller('sequences')
export class SequencesController {
  constructor(
    private readonly sequences: SequencesService,
    private readonly launches: SequenceLaunchService,
  ) {}

  /**
   * Defines a sequence
   * @remarks Ordered steps (the first one an email) and settings, each one left out at its
   * default. Email templates may use only the variables the email drafting fills; an unknown one
   * is a 400 naming the step and the variable. The sequence starts `active`; nothing is sent
   * until prospects are enrolled and the sequence is launched.
   */
  @Post()
  @ApiBody({ type: CreateSequenceDto, examples: CREATE_EXAMPLES })
  @ApiResponse({ status: 201, type: SequenceDto })
  @ApiErrorResponses(
    {
      status: 400,
      message:
        'steps.0.body uses the unknown variable {{favourite_colour}} (known: first_name, name, title, role, company, department, offer, offer_name, summary)',
    },
    413,
  )
  async create(@Body() body: CreateSequenceDto): Promise<SequenceDto> {
    const sequence = await this.sequences.create({
      name: body.name,
      steps: body.steps.map(toSequenceStep),
      settings: SequenceSettingsInputDto.withDefaults(body.settings),
    });
    return SequenceDto.from(sequence);
  }

  /** Lists sequences, newest first, optionally in one status */
  @Get()
  @ApiResponse({ status: 200, type: SequencePageDto })
  @ApiErrorResponses(400)
  async list(@Query() query: ListSequencesQueryDto): Promise<SequencePageDto> {
    return SequencePageDto.from(
      await this.sequences.list({ status: query.status, skip: query.skip, limit: query.limit }),
    );
  }

  /**
   * Reads a sequence, with its enrollments counted by status and each step's counts
   * @remarks `step_stats`: per step, the enrollments at it now (`due`) and past it
   * (`finished`), its touches sent, the replies, bounces, unsubscribes and meetings that came
   * after its touch (the last one the prospect received), and its reply rate.
   */
  @Get(':id')
  @SEQUENCE_ID
  @ApiResponse({ status: 200, type: SequenceDetailDto })
  @ApiErrorResponses(BAD_ID, SEQUENCE_NOT_FOUND)
  async get(@IdParam() id: string): Promise<SequenceDetailDto> {
    return SequenceDetailDto.ofDetail(await this.sequences.detail(id));
  }

  /**
   * Launches a sequence
   * @remarks Creates the launch job (`job_id`), which drafts the first touch of every active
   * enrollment not launched yet into the outbox, then waits for approval
   * (`waiting_approval`; the drafts are in GET /outbox?job_id=…, editable with PATCH and
   * removable with DELETE — a removed one takes its prospect out of the sequence). Approving the
   * job (POST /jobs/{id}/approve) schedules them, and the follow-ups too unless the sequence has
   * `review_follow_ups`; its last step then sends each touch in the prospect's window and parks
   * until the next is due. Enrollments made later are launched by launching again once that
   * approval is done: 409 `launch_in_progress` before. 422 `nothing_to_launch` when no
   * enrollment waits for a launch; 422 `sending_unavailable` without SMTP.
   */
  @Post(':id/launch')
  @SEQUENCE_ID
  @ApiBody({ type: LaunchSequenceDto, required: false })
  @ApiResponse({ status: 201, type: SequenceLaunchDto })
  @ApiErrorResponses(
    BAD_ID,
    SEQUENCE_NOT_FOUND,
    {
      status: 409,
      error: 'launch_in_progress',
      message:
        'Sequence "5a7c9e1f-2b3d-4f6a-8c0e-1d2f3a4b5c6d" has a launch waiting for its review (job 3f0c2a9e-5b1d-4c8e-9a7f-2d6b1e0c4a55): approve or reject that job first, then launch again for the enrollments it does not hold',
    },
    {
      status: 422,
      error: 'nothing_to_launch',
      message:
        'Sequence "5a7c9e1f-2b3d-4f6a-8c0e-1d2f3a4b5c6d" has no active enrollment waiting for a launch: enrol prospects first (POST /sequences/{id}/enrollments)',
    },
  )
  async launch(
    @IdParam() id: string,
    @Body() body: LaunchSequenceDto = {},
  ): Promise<SequenceLaunchDto> {
    const outcome = await this.launches.launch(id, { sender: body?.sender, offer: body?.offer });
    return {
      job_id: outcome.jobId,
      sequence_id: outcome.sequenceId,
      enrollments: outcome.enrollments,
      run_only: outcome.runOnly,
    };
  }

  /**
   * Pauses a sequence
   * @remarks Nothing of it is sent while it is paused (a run under way stops within a few
   * touches); its enrollments keep their places and steps. 409 when it is paused already.
   */
  @Post(':id/pause')
  @HttpCode(HttpStatus.OK)
  @SEQUENCE_ID
  @ApiResponse({ status: 200, type: SequenceDto })
  @ApiErrorResponses(BAD_ID, SEQUENCE_NOT_FOUND, CONFLICT('paused', 'paused'))
  async pause(@IdParam() id: string): Promise<SequenceDto> {
    return SequenceDto.from(await this.sequences.transition(id, 'pause'));
  }

  /**
   * Resumes a paused sequence
   * @remarks Its enrollments go on from the steps they were at (its run job is woken: touches
   * that fell due meanwhile go out in their prospects' windows). 409 when it is active.
   */
  @Post(':id/resume')
  @HttpCode(HttpStatus.OK)
  @SEQUENCE_ID
  @ApiResponse({ status: 200, type: SequenceDto })
  @ApiErrorResponses(BAD_ID, SEQUENCE_NOT_FOUND, CONFLICT('active', 'resumed'))
  async resume(@IdParam() id: string): Promise<SequenceDto> {
    return SequenceDto.from(await this.sequences.transition(id, 'resume'));
  }
}
