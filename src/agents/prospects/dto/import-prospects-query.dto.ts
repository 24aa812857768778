import { BadRequestException } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  CsvFieldMapping,
  MAPPING_FIELD_NAMES,
  readCsvMappingText,
} from '../import/columns/csv-column-mapping.util';
import { IsCsvMapping } from '../import/columns/is-csv-mapping.validator';
import { IMPORT_BATCH_NAME } from '../../../vocabulary/import-batch-name';
import { splitList } from '../utils/search-filters.util';

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 64;

/** How `mapping` is described in the OpenAPI document. */
export const MAPPING_DESCRIPTION =
  'Which field each CSV column fills, over the guess from the headers: a JSON object of column ' +
  '(as the header writes it; case, spaces and punctuation do not matter) → field name, or null ' +
  'to ignore the column. Columns it does not name are guessed. An unknown field, a column the ' +
  'file does not have, or text that is not such an object is a 400 naming the problem. With a ' +
  'multipart upload it may also be a form field `mapping` sent before the file (not both). ' +
  `Fields: ${MAPPING_FIELD_NAMES.join(', ')}.`;

/** Options of an import and of its preview, in the query string (the body is the CSV). */
export class ImportOptionsQueryDto {
  /**
   * Stored as the source of each new prospect (an existing prospect keeps its first source).
   * 1–64 letters, digits, `_ . : -`; default `csv`.
   * @example apollo-2026-11
   */
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9_.:-]{1,64}$/, {
    message: 'source must be 1-64 letters, digits, _ . : or -',
  })
  source?: string;

  /**
   * Tags added to every imported row (at most 20, each at most 64 characters): the parameter
   * repeated, or comma-separated values.
   * @example ["webinar","q4"]
   */
  @Transform(({ value }) => splitList(value))
  @IsOptional()
  @IsArray({ message: 'tags must be a comma-separated list' })
  @ArrayMaxSize(MAX_TAGS, { message: `tags takes at most ${MAX_TAGS} values` })
  @IsString({ each: true, message: 'tags must be a comma-separated list' })
  @MaxLength(MAX_TAG_LENGTH, {
    each: true,
    message: `each tag must be at most ${MAX_TAG_LENGTH} characters`,
  })
  tags?: string[];

  /**
   * A name for this import: every imported row (new or merged) gets the tag `import:<name>`, and
   * GET /prospects?batch=<name> finds them. 1–64 letters, digits, `_ . : -`.
   * @example apollo-2026-11
   */
  @IsOptional()
  @IsString()
  @Matches(IMPORT_BATCH_NAME, { message: 'batch must be 1-64 letters, digits, _ . : or -' })
  batch?: string;

  @ApiPropertyOptional({
    type: String,
    description: MAPPING_DESCRIPTION,
    example: '{"Company Industry":"industry","Notes":null}',
  })
  @IsOptional()
  @IsCsvMapping({ json: true })
  mapping?: string;

  /**
   * The explicit mapping, from the query or from the form fields `mapping` of a multipart upload
   * (at most one of them); undefined when there is none. 400 when it is given twice or is not
   * valid.
   */
  explicitMapping(formValues: readonly string[] = []): CsvFieldMapping | undefined {
    const texts = [...(this.mapping === undefined ? [] : [this.mapping]), ...formValues];
    if (texts.length > 1) {
      throw new BadRequestException(
        'mapping is given more than once: send it once, in the query or as a form field',
      );
    }
    if (texts.length === 0) return undefined;
    const result = readCsvMappingText(texts[0]);
    if ('problem' in result) throw new BadRequestException(result.problem);
    return result.mapping;
  }
}

/** Options of POST /prospects/import, in the query string (the body is the CSV). */
export class ImportProspectsQueryDto extends ImportOptionsQueryDto {
  /**
   * The id to record this import under: a new UUID the client chose, so that it can follow the
   * import with GET /prospects/imports/{import_id} (and cancel it) while the upload is still
   * streaming. Without it the server picks one (answered as `import_id` and in the `Import-Id`
   * header). 409 when an import with this id exists already.
   */
  // No @example: a fixed id would be taken after its first use.
  @IsOptional()
  @IsUUID('all', { message: 'import_id must be a UUID' })
  import_id?: string;
}
