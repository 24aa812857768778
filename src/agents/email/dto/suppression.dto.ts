import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/not-blank.validator';
import type { SuppressionEntity, SuppressionKind } from '../suppression.entity';
import type { SuppressionImport, SuppressionPage } from '../suppressions.service';

/** Most values one import takes. */
export const MAX_IMPORT_VALUES = 10_000;

/** An address or a whole domain to never email. */
export class CreateSuppressionDto {
  /** An email address, or a domain (which covers its subdomains too); stored in lower case. @example acme.example */
  @IsString()
  @MaxLength(320)
  @IsNotBlank()
  value: string;
}

/** An entry of the suppression list. */
export class SuppressionDto {
  /** @example acme.example */
  value: string;
  /** email or domain. @example domain */
  kind: SuppressionKind;
  /**
   * api (POST /suppressions), import (POST /suppressions/import) or unsubscribe (the recipient's
   * own request). @example api
   */
  source: string;
  /** ISO-8601. */
  created_at: string;

  static from(entry: SuppressionEntity): SuppressionDto {
    return {
      value: entry.value,
      kind: entry.kind,
      source: entry.source,
      created_at: entry.createdAt.toISOString(),
    };
  }
}

/** Many addresses and domains to never email, e.g. the lines or first column of a CSV file. */
export class ImportSuppressionsDto {
  /**
   * Email addresses or domains, as POST /suppressions takes them (trimmed, lower-cased); at most
   * 10000. @example ["ana@acme.example", "competitor.example", "not an address"]
   */
  @IsArray({ message: 'values must be a list of strings' })
  @ArrayMinSize(1, { message: 'values must hold at least one value' })
  @ArrayMaxSize(MAX_IMPORT_VALUES, {
    message: `values must hold at most ${MAX_IMPORT_VALUES} values: split the list`,
  })
  @IsString({ each: true, message: 'each of values must be a string' })
  values: string[];
}

/** A row of an import that was not added. */
export class SuppressionImportRowDto {
  /** Its place in `values`, from 1. @example 3 */
  row: number;
  /** As normalised, or as given when invalid. @example not an address */
  value: string;
  @ApiProperty({ enum: ['already_present', 'invalid'], example: 'invalid' })
  outcome: 'already_present' | 'invalid';
  /**
   * Why: the parse error, `already on the suppression list`, or `repeats row <n>`.
   * @example value "not an address" is neither an email address nor a domain (e.g. ana@acme.example or acme.example)
   */
  reason: string;
}

/** What an import did. */
export class SuppressionImportDto {
  /** @example 1 */
  added: number;
  /** Already listed, or repeating an earlier row. @example 1 */
  already_present: number;
  /** @example 1 */
  invalid: number;
  /** Every row not added, in order, with its reason. */
  skipped: SuppressionImportRowDto[];

  static from(result: SuppressionImport): SuppressionImportDto {
    return {
      added: result.added,
      already_present: result.alreadyPresent,
      invalid: result.invalid,
      skipped: result.skipped,
    };
  }
}

/** One page of the suppression list, newest first. */
export class SuppressionPageDto {
  items: SuppressionDto[];
  /** @example 3 */
  total: number;
  /** @example 0 */
  skip: number;
  /** @example 20 */
  limit: number;

  static from(page: SuppressionPage): SuppressionPageDto {
    return { ...page, items: page.items.map((entry) => SuppressionDto.from(entry)) };
  }
}
