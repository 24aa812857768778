import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { JSONSchema } from 'class-validator-jsonschema';
import { MAPPING_FIELD_NAMES } from './columns/csv-column-mapping.util';
import { IsCsvMapping } from './columns/is-csv-mapping.validator';
import { IMPORT_BATCH_NAME } from '../../../vocabulary/import-batch-name';

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

  @JSONSchema({
    description:
      'A name for this import, 1-64 letters, digits, _ . : or -, e.g. "webinar-2026-11": every ' +
      'imported prospect gets the tag "import:<name>", and prospects.search finds them with batches',
  })
  @IsString()
  @IsOptional()
  @Matches(IMPORT_BATCH_NAME)
  batch?: string;

  // A function replaces the generated schema (a custom validator would add a $ref to Object).
  @JSONSchema(() => ({
    type: 'object',
    description: `Only when the user says which column holds what: CSV column (as its header writes it) → field name, or null to ignore the column, over the guess from the headers, e.g. {"Company Industry": "industry", "URL": "linkedin_url", "Notes": null}. Fields: ${MAPPING_FIELD_NAMES.join(', ')}`,
    additionalProperties: {
      anyOf: [{ type: 'string', enum: [...MAPPING_FIELD_NAMES] }, { type: 'null' }],
    },
  }))
  // As parsed: class-transformer would drop columns named like Object methods (toString, …).
  @Transform(({ obj }) => (obj as Record<string, unknown>).mapping, { toClassOnly: true })
  @IsOptional()
  @IsCsvMapping()
  mapping?: Record<string, string | null>;
}
