import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 100;
export const MAX_SKIP = 1_000_000_000;

/** Only plain digits become numbers; anything else ("", "0x10", "1e3") fails IsInt by name. */
const toInteger = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;

/** `skip` and `limit` of a paged list; both optional (the initialisers are the defaults). */
export class PageQueryDto {
  /** How many entries to skip. */
  // Optional for clients: the plugin would mark a property with an initialiser required.
  @ApiPropertyOptional({ type: 'integer', default: 0 })
  @IsOptional()
  @Transform(toInteger)
  @Max(MAX_SKIP)
  @Min(0)
  @IsInt()
  skip: number = 0;

  /** Page size, at most 100. */
  @ApiPropertyOptional({ type: 'integer', default: 20 })
  @IsOptional()
  @Transform(toInteger)
  @Max(MAX_PAGE_SIZE)
  @Min(1)
  @IsInt()
  limit: number = 20;
}
