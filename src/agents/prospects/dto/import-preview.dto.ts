import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { MAPPING_FIELD_NAMES, publicMapping } from '../import/columns/csv-column-mapping.util';
import {
  CsvPreview,
  CsvPreviewRow,
  DEFAULT_PREVIEW_ROWS,
  MAX_PREVIEW_ROWS,
} from '../import/preview/csv-import-preview.service';
import type { PreviewProspect } from '../import/preview/preview-prospect.util';
import { ImportOptionsQueryDto } from './import-prospects-query.dto';
import { ImportRowErrorDto } from './import-result.dto';
import { CompanyFieldsDto } from './prospect-response.dto';

const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;

/** Options of POST /prospects/import/preview: the import's, and how many rows to show. */
export class ImportPreviewQueryDto extends ImportOptionsQueryDto {
  /** Data rows to answer, 1–50. */
  @ApiPropertyOptional({ type: 'integer', default: DEFAULT_PREVIEW_ROWS, example: 10 })
  @IsOptional()
  @Transform(toInteger)
  @Max(MAX_PREVIEW_ROWS, { message: `rows must be at most ${MAX_PREVIEW_ROWS}` })
  @Min(1, { message: 'rows must be at least 1' })
  @IsInt({ message: 'rows must be an integer' })
  rows: number = DEFAULT_PREVIEW_ROWS;
}

/** The company a row names, as it would be stored when new. */
export class PreviewCompanyDto extends CompanyFieldsDto {}

/** A row's prospect as it would be stored when new (a duplicate merges into the stored one). */
export class PreviewProspectDto {
  /** @example Anna Beispiel */
  name: string;
  /** @example Anna */
  first_name: string | null;
  /** @example Beispiel */
  last_name: string | null;
  /** Normalised (lower case). @example anna@nordlicht.example */
  email: string | null;
  /** @example VP Sales */
  title: string | null;
  /** From the title when the row gives none. @example vp */
  seniority: string | null;
  /** From the title when the row gives none. @example Sales */
  department: string | null;
  /** @example Berlin */
  city: string | null;
  /** @example Germany */
  country: string | null;
  /** @example https://www.linkedin.com/in/anna-beispiel */
  linkedin_url: string | null;
  /** @example csv */
  source: string | null;
  /** @example ["webinar"] */
  tags: string[];
  company: PreviewCompanyDto | null;

  static from(prospect: PreviewProspect): PreviewProspectDto {
    return {
      name: prospect.name,
      first_name: prospect.firstName,
      last_name: prospect.lastName,
      email: prospect.email,
      title: prospect.title,
      seniority: prospect.seniority,
      department: prospect.department,
      city: prospect.city,
      country: prospect.country,
      linkedin_url: prospect.linkedinUrl,
      source: prospect.source,
      tags: prospect.tags,
      company: prospect.company ? PreviewCompanyDto.fieldsOf(prospect.company) : null,
    };
  }
}

/** One data row of the preview. */
export class PreviewRowDto {
  /** 1 is the first row after the header. @example 1 */
  row: number;
  /** `skipped`: the import would not store this row (see `problems`). */
  @ApiProperty({ enum: ['ok', 'skipped'], example: 'ok' })
  status: 'ok' | 'skipped';
  /** The prospect it would store; null when skipped. */
  prospect: PreviewProspectDto | null;
  /** Its errors and warnings, as the import would report them (without `row`). */
  problems: ImportRowErrorDto[];

  static from(row: CsvPreviewRow): PreviewRowDto {
    return {
      row: row.row,
      status: row.status,
      prospect: row.prospect ? PreviewProspectDto.from(row.prospect) : null,
      problems: row.problems.map((problem) => ({ row: row.row, ...problem })),
    };
  }
}

/** What POST /prospects/import would do with the file's first rows; nothing was written. */
export class ImportPreviewDto {
  /** The delimiter found in the header line. */
  @ApiProperty({ enum: [',', ';', '\t'], example: ',' })
  delimiter: string;
  /** Always UTF-8: other encodings are refused with a 400 naming the problem. */
  @ApiProperty({ enum: ['utf-8'], example: 'utf-8' })
  encoding: string;
  /** The file starts with a byte order mark (Excel's "CSV UTF-8"); it is not part of the header. @example false */
  has_bom: boolean;
  /** The header row as the file writes it. @example ["First Name","Last Name","Email","Notes"] */
  columns: string[];
  /** Each non-blank header → the field it fills, or null when not imported (as the import's `mapping`). */
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', nullable: true, enum: [...MAPPING_FIELD_NAMES, null] },
    example: { 'First Name': 'first_name', 'Last Name': 'last_name', Email: 'email', Notes: null },
  })
  mapping: Record<string, string | null>;
  /** The non-blank headers that fill no field (unknown, or ignored by the mapping). @example ["Notes"] */
  unmapped_columns: string[];
  /** The first rows of the file, as the import would take them. */
  rows: PreviewRowDto[];
  /** The file ended within these rows: they are all of it. @example false */
  complete: boolean;

  static from(preview: CsvPreview): ImportPreviewDto {
    return {
      delimiter: preview.delimiter,
      encoding: preview.encoding,
      has_bom: preview.hasBom,
      columns: preview.columns,
      mapping: publicMapping(preview.header.mapping),
      unmapped_columns: preview.header.unmappedColumns,
      rows: preview.rows.map((row) => PreviewRowDto.from(row)),
      complete: preview.complete,
    };
  }
}
