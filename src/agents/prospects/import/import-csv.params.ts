import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';

/** Parameters of `prospects.import_csv`; the offline planner sends none. */
export class ImportCsvParams {
  @JSONSchema({
    description:
      'Stored as the source of each new prospect, 1-64 letters, digits, _ . : or - (default "csv")',
  })
  // The type decorator goes first: for the JSON Schema, the topmost decorator's type wins.
  @IsString()
  @IsOptional()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/)
  source?: string;

  @JSONSchema({ description: 'Tags added to every imported prospect, e.g. "webinar"' })
  @IsArray()
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  tags?: string[];
}
