import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { IsNotBlank } from '../../../../common/validation/not-blank.validator';
import { SequenceSettingsInputDto } from './sequence-settings.dto';
import {
  STEP_DTOS,
  STEP_JSON_SCHEMA,
  toStepInstance,
  type SequenceStepDto,
} from './sequence-step.dto';
import { StartsWithEmail } from '../validators/sequence-input.validators';

export const MAX_STEPS = 30;

/**
 * A new sequence: a name, ordered steps and settings. Also the parameters of the plan step
 * `sequences.create` (the JSON Schema decorators are for that step's schema).
 */
export class CreateSequenceDto {
  /** @example "Germany VP Sales, Q1" */
  @IsString()
  @IsNotBlank()
  @MaxLength(200)
  name: string;

  @ApiProperty({
    description:
      'The steps in order, at most 30: an email touch (a template, or `draft: "llm"`), a wait of days or business days, or a manual task. The first step is an email.',
    type: 'array',
    items: { oneOf: STEP_DTOS.map((dto) => ({ $ref: getSchemaPath(dto) })) },
  })
  @JSONSchema(() => ({
    type: 'array',
    description:
      'The steps in order, the first an email: an email touch (a template, or `draft: "llm"`), a wait of days or business days, or a manual task',
    items: STEP_JSON_SCHEMA,
    minItems: 1,
    maxItems: MAX_STEPS,
  }))
  // As parsed: each step becomes the class of its type, which validates it (see toStepInstance).
  @Transform(
    ({ obj }) => {
      const steps = (obj as Record<string, unknown>).steps;
      return Array.isArray(steps) ? steps.map(toStepInstance) : steps;
    },
    { toClassOnly: true },
  )
  @IsArray({ message: 'steps must be a list of steps' })
  @ArrayMinSize(1, { message: 'steps must list at least one step, the first an email' })
  @ArrayMaxSize(MAX_STEPS, { message: `steps must list at most ${MAX_STEPS} steps` })
  @StartsWithEmail()
  @ValidateNested({ each: true })
  steps: SequenceStepDto[];

  /** Sending window, time zone, caps and rules; each one left out takes its default. */
  @IsOptional()
  @IsObject({ message: 'settings must be an object' })
  @ValidateNested()
  @Type(() => SequenceSettingsInputDto)
  settings?: SequenceSettingsInputDto;
}
