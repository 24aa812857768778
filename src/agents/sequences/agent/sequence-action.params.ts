import { IsOptional, IsUUID } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** Parameters of `sequences.launch`. */
export class LaunchParams {
  @JSONSchema({
    description:
      "The sequence to launch, as GET /sequences lists it; or leave it out and give the state's `sequence` (an object with its `id`)",
  })
  @IsOptional()
  @IsUUID('all', { message: 'sequence_id must be a UUID' })
  sequence_id?: string;
}

/** Parameters of the steps of a launch job (draft_first_touches, approve_launch, run). */
export class SequenceStepParams {
  @JSONSchema({ description: 'The sequence the step works on' })
  @IsUUID('all', { message: 'sequence_id must be a UUID' })
  sequence_id: string;
}
