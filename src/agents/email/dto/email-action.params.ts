import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { DRAFT_TONES, type DraftTone } from '../utils/draft-inputs.util';

/** Parameters of `email.draft`. */
export class DraftParams {
  @JSONSchema({ description: `Tone of the emails: ${DRAFT_TONES.join(', ')} (default friendly)` })
  @IsOptional()
  @IsIn(DRAFT_TONES)
  tone?: DraftTone;

  @JSONSchema({
    description:
      'Extra guidance for the writer, e.g. "mention our Berlin event"; used by the LLM (the offline templates ignore it)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  instructions?: string;
}

/** `email.send` takes no parameters: it sends the drafts in the job state. */
export class SendParams {}
