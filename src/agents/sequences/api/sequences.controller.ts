import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiBody, ApiExtraModels, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrorResponses, ApiKeyAuth } from '../../../common/decorators/api-docs.decorators';
import { SequencesService } from '../sequences.service';
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
  constructor(private readonly sequences: SequencesService) {}

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

  /** Reads a sequence, with its enrollments counted by status */
  @Get(':id')
  @SEQUENCE_ID
  @ApiResponse({ status: 200, type: SequenceDetailDto })
  @ApiErrorResponses(BAD_ID, SEQUENCE_NOT_FOUND)
  async get(@IdParam() id: string): Promise<SequenceDetailDto> {
    const { sequence, counts } = await this.sequences.detail(id);
    return SequenceDetailDto.withCounts(sequence, counts);
  }

  /**
   * Pauses a sequence
   * @remarks Nothing of it is sent while it is paused; its enrollments keep their places and
   * steps. 409 when it is paused already.
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
   * @remarks Its enrollments go on from the steps they were at. 409 when it is active.
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
