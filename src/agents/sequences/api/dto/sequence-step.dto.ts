import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../../common/validation/not-blank.validator';
import { TEMPLATE_VARIABLES } from '../../../email/utils/draft-templates.util';
import { STEP_TYPES, TASK_KINDS, type SequenceStep, type TaskKind } from '../../sequence.types';
import {
  IsEmailTemplate,
  IsWaitLength,
  MAX_WAIT_DAYS,
  MIN_WAIT_DAYS,
} from '../validators/sequence-input.validators';

const VARIABLES = TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join(', ');
const MAX_INSTRUCTIONS = 2000;

/** An email touch written from a template, its `{{variable}}` placeholders filled per prospect. */
export class EmailTemplateStepDto {
  @ApiProperty({ enum: ['email'] })
  @IsIn(['email'])
  type: 'email';

  @ApiProperty({
    description: `The subject; may use ${VARIABLES}. A follow-up is sent as a reply ("Re: " and the first subject)`,
    example: '{{first_name}}, a quick idea for {{company}}',
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(300)
  @IsEmailTemplate()
  subject: string;

  @ApiProperty({
    description: `Plain text; may use ${VARIABLES}. The unsubscribe line is added when it is sent`,
    example: 'Hi {{first_name}},\n\nwould a 14-day pilot help {{company}}?\n\nBest, Ana',
  })
  @IsString()
  @IsNotBlank()
  @MaxLength(20000)
  @IsEmailTemplate()
  body: string;
}

/** An email touch the LLM drafts for each prospect (the offline templates when no key is set). */
export class EmailDraftStepDto {
  @ApiProperty({ enum: ['email'] })
  @IsIn(['email'])
  type: 'email';

  /** Who writes it: `llm`. */
  @ApiProperty({ enum: ['llm'] })
  @IsIn(['llm'], { message: 'draft must be llm (or leave it out and give subject and body)' })
  draft: 'llm';

  /** What the draft should say or do. @example "A short, friendly follow-up asking for a 15-minute call" */
  @IsOptional()
  @IsString()
  @IsNotBlank()
  @MaxLength(MAX_INSTRUCTIONS)
  instructions?: string;
}

/** A pause before the next step: `days` (calendar days) or `business_days` (Monday to Friday). */
export class WaitStepDto {
  @ApiProperty({ enum: ['wait'] })
  @IsIn(['wait'])
  type: 'wait';

  @ApiPropertyOptional({
    type: 'integer',
    minimum: MIN_WAIT_DAYS,
    maximum: MAX_WAIT_DAYS,
    description: 'Calendar days to wait (or give business_days)',
    example: 3,
  })
  @IsWaitLength('business_days', { first: true })
  days?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: MIN_WAIT_DAYS,
    maximum: MAX_WAIT_DAYS,
    description: 'Business days (Monday to Friday) to wait (or give days)',
  })
  @IsWaitLength('days', { first: false })
  business_days?: number;
}

/** A manual task for the sales user ("call", "LinkedIn connect"); the enrollment waits on it. */
export class TaskStepDto {
  @ApiProperty({ enum: ['task'] })
  @IsIn(['task'])
  type: 'task';

  /** call, linkedin_connect or other. */
  @ApiProperty({ enum: TASK_KINDS, example: 'call' })
  @IsIn(TASK_KINDS, { message: `kind must be one of ${TASK_KINDS.join(', ')}` })
  kind: TaskKind;

  /** What to do. @example "Call and refer to the first email" */
  @IsString()
  @IsNotBlank()
  @MaxLength(MAX_INSTRUCTIONS)
  instructions: string;
}

/** A step whose `type` is none of the known ones: refused, naming the field. */
class UnknownStepDto {
  @IsIn(STEP_TYPES, { message: `type must be one of ${STEP_TYPES.join(', ')}` })
  type: unknown;
}

export type SequenceStepDto = EmailTemplateStepDto | EmailDraftStepDto | WaitStepDto | TaskStepDto;

/** Every step class, for the OpenAPI document. */
export const STEP_DTOS = [EmailTemplateStepDto, EmailDraftStepDto, WaitStepDto, TaskStepDto];

const text = (description: string, maxLength: number) => ({
  type: 'string' as const,
  minLength: 1,
  maxLength,
  description,
});
const waitLength = (description: string) => ({
  type: 'integer' as const,
  minimum: MIN_WAIT_DAYS,
  maximum: MAX_WAIT_DAYS,
  description,
});
const object = <P extends object>(properties: P, required: (keyof P & string)[]) => ({
  type: 'object' as const,
  properties,
  required,
  additionalProperties: false,
});

/**
 * The JSON Schema of one step, as plan steps (`sequences.create`) declare it: the classes above
 * validate, and the schema generator cannot read a list whose items are chosen by `type`.
 */
export const STEP_JSON_SCHEMA = {
  anyOf: [
    object(
      {
        type: { type: 'string' as const, enum: ['email'] },
        subject: text(`The subject; may use ${VARIABLES}`, 300),
        body: text(`Plain text; may use ${VARIABLES}`, 20000),
      },
      ['type', 'subject', 'body'],
    ),
    object(
      {
        type: { type: 'string' as const, enum: ['email'] },
        draft: { type: 'string' as const, enum: ['llm'], description: 'Drafted per prospect' },
        instructions: text('What the draft should say or do', MAX_INSTRUCTIONS),
      },
      ['type', 'draft'],
    ),
    object(
      {
        type: { type: 'string' as const, enum: ['wait'] },
        days: waitLength('Calendar days to wait (or give business_days)'),
        business_days: waitLength('Business days (Monday to Friday) to wait (or give days)'),
      },
      ['type'],
    ),
    object(
      {
        type: { type: 'string' as const, enum: ['task'] },
        kind: { type: 'string' as const, enum: [...TASK_KINDS] },
        instructions: text('What to do', MAX_INSTRUCTIONS),
      },
      ['type', 'kind', 'instructions'],
    ),
  ],
};

/**
 * A step as given, as the class that validates it: by `type`, and for an email by whether it
 * names a `draft` (LLM-written) or is a template. Anything else validates as an unknown type.
 */
export function toStepInstance(step: unknown): object {
  const plain = typeof step === 'object' && step !== null && !Array.isArray(step) ? step : {};
  const { type } = plain as { type?: unknown };
  if (type === 'email') {
    return 'draft' in plain
      ? plainToInstance(EmailDraftStepDto, plain)
      : plainToInstance(EmailTemplateStepDto, plain);
  }
  if (type === 'wait') return plainToInstance(WaitStepDto, plain);
  if (type === 'task') return plainToInstance(TaskStepDto, plain);
  return plainToInstance(UnknownStepDto, { type });
}

/** A validated step as stored: the fields of its kind, nothing else. */
export function toSequenceStep(step: SequenceStepDto): SequenceStep {
  if (step instanceof WaitStepDto) {
    return step.days !== undefined
      ? { type: 'wait', days: step.days }
      : { type: 'wait', business_days: step.business_days! };
  }
  if (step instanceof TaskStepDto) {
    return { type: 'task', kind: step.kind, instructions: step.instructions };
  }
  if (step instanceof EmailDraftStepDto) {
    return step.instructions === undefined
      ? { type: 'email', draft: 'llm' }
      : { type: 'email', draft: 'llm', instructions: step.instructions };
  }
  return { type: 'email', subject: step.subject, body: step.body };
}
