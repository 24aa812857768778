import { ApiProperty } from '@nestjs/swagger';
import { MAPPING_FIELD_NAMES, publicMapping } from '../import/columns/csv-column-mapping.util';
import type { CsvImportResult } from '../import/prospect-csv-import.service';

/** A problem with one value of a row: a row skipped (error), or a value left out (warning). */
export class ImportRowErrorDto {
  /** The data row: 1 is the first row after the header (blank lines not counted). @example 7 */
  row: number;
  /** The column, as the file's header names it. @example "Person Linkedin Url" */
  field: string;
  /** Why, and for a warning what was stored instead. */
  // Not @example: the plugin drops the quotes.
  @ApiProperty({ example: 'not a LinkedIn URL: "https://example.com/anna"; not stored' })
  message: string;
  /**
   * `error`: the row was skipped — it has no usable name and no usable email to say who the
   * person is (an invalid email with no name, or neither given). `warning`: the person was stored
   * without this value (a malformed optional value: LinkedIn URL, employee count, website, domain,
   * one longer than its column, an invalid email beside a name), or with its cleaned text (a
   * spreadsheet formula, markup or a web address in a name, title, company…:
   * `=HYPERLINK("…","CEO")` is stored as "CEO").
   */
  @ApiProperty({ enum: ['error', 'warning'], example: 'warning' })
  severity: 'error' | 'warning';
}

/** What a CSV import did. */
export class ImportResultDto {
  /** Data rows read (the header and blank lines not counted). @example 1200 */
  rows: number;
  /** New prospects. @example 1130 */
  inserted: number;
  /**
   * Rows merged into an existing prospect (same email, else LinkedIn URL, else name and company
   * domain), including one an earlier row of the same file created.
   * @example 62
   */
  updated: number;
  /**
   * Rows not stored, for want of a usable name or email; their reasons are the `errors` of
   * severity `error`.
   * @example 8
   */
  skipped: number;
  /**
   * Values of stored rows that were left out or stored cleaned (the person was kept), each an
   * entry of severity `warning` in `errors`; counted past the list's cap too.
   * @example 14
   */
  warnings: number;
  /**
   * The problems of the rows in file order: why each skipped row was skipped (`error`) and each
   * value left out or cleaned (`warning`); the first 1,000 only.
   */
  errors: ImportRowErrorDto[];
  /** True when there were more than 1,000 problems. @example false */
  errors_truncated: boolean;
  /**
   * The columns whose values were not imported, as the header writes them, in file order: those
   * whose header names no known field and the mapping does not name, and those the mapping
   * ignores (null). Blank headers are left out.
   * @example ["Mobile Phone","Lead Status","Notes"]
   */
  unmapped_columns: string[];
  /**
   * The mapping used: each column (as the header writes it) → the field it filled, or null when
   * it was not imported; the explicit `mapping` where it names the column, else the guess from
   * the header. It can be edited and sent back as `mapping`.
   */
  @ApiProperty({
    type: 'object',
    // null in the enum too: OpenAPI 3.0 checks nullable values against it.
    additionalProperties: { type: 'string', nullable: true, enum: [...MAPPING_FIELD_NAMES, null] },
    example: {
      'First Name': 'first_name',
      'Company Industry': 'industry',
      URL: 'linkedin_url',
      'Mobile Phone': null,
      Notes: null,
    },
  })
  mapping: Record<string, string | null>;
  /**
   * Deprecated: use `unmapped_columns`. The unmapped columns the mapping does not name (the
   * headers that name no known field).
   * @deprecated
   * @example ["Mobile Phone","Lead Status"]
   */
  unknown_columns: string[];
  /** The source stored on new prospects. @example csv */
  source: string;
  /**
   * The id the import was recorded under (GET /prospects/imports/{id}).
   * @example 0b7c6f0e-3f4a-4d1e-9c2b-8a5e6d7f1a2b
   */
  import_id?: string;

  static from(result: CsvImportResult & { importId?: string }): ImportResultDto {
    return {
      rows: result.rows,
      inserted: result.inserted,
      updated: result.updated,
      skipped: result.skipped,
      warnings: result.warnings,
      errors: result.errors,
      errors_truncated: result.errorsTruncated,
      unmapped_columns: result.unmappedColumns,
      mapping: publicMapping(result.mapping),
      unknown_columns: result.unknownColumns,
      source: result.source,
      ...(result.importId ? { import_id: result.importId } : {}),
    };
  }
}
