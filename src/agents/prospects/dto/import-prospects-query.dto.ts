import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { splitList } from '../utils/search-filters.util';

const MAX_TAGS = 20;
const MAX_TAG_LENGTH = 64;

/** Options of POST /prospects/import, in the query string (the body is the CSV). */
export class ImportProspectsQueryDto {
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
}
