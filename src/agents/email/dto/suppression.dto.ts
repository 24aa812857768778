import { IsString, MaxLength } from 'class-validator';
import { IsNotBlank } from '../../../common/validation/not-blank.validator';
import type { SuppressionEntity, SuppressionKind } from '../suppression.entity';
import type { SuppressionPage } from '../suppressions.service';

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
  /** api (POST /suppressions) or unsubscribe (the recipient's own request). @example api */
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
