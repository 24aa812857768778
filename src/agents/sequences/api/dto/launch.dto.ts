import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsTextOrObject } from '../validators/sequence-input.validators';

/**
 * What the touches of a launch are written with: as email.draft takes them, text or an object.
 * Both are optional; template steps use only `offer` (for {{offer}} and {{offer_name}}).
 */
export class LaunchSequenceDto {
  @ApiPropertyOptional({
    description:
      'Who signs LLM-written touches: "Ana from Acme", or { name, title, company }. Kept for the follow-ups of the run',
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
    example: { name: 'Ana Exemple', title: 'Head of Partnerships', company: 'Zigral' },
  })
  @IsTextOrObject(300)
  sender?: unknown;

  @ApiPropertyOptional({
    description:
      'What the touches propose: a sentence, or { name, description, call_to_action }; fills {{offer}} and {{offer_name}}',
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
    example: 'a 14-day pilot of automated prospect research',
  })
  @IsTextOrObject(2000)
  offer?: unknown;
}

/** A launch: its job, which drafts the first touches, waits for approval, then runs. */
export class SequenceLaunchDto {
  /** The launch job: GET /jobs/{id} shows its review (approval step) and its runs. */
  job_id: string;
  /** @example 5a7c9e1f-2b3d-4f6a-8c0e-1d2f3a4b5c6d */
  sequence_id: string;
  /** Enrollments whose first touch it drafts (0: it only runs the launched ones). @example 18 */
  enrollments: number;
  /** true: a job of the run step alone (its run job had been cancelled); nothing to review. */
  run_only: boolean;
}
