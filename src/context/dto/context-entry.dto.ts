import { ApiProperty } from '@nestjs/swagger';
import type { ContextEntry, ContextPage } from '../context.types';

/** A context entry as the API returns it. */
export class ContextEntryDto {
  /** @example job-2026-11-24-001 */
  job_id: string;
  /** @example prospecting */
  job_type: string;
  /** @example { "command": "Find VPs of Sales in Germany", "status": "queued" } */
  context_data: Record<string, unknown>;
  /** Starts at 1, +1 on every write. @example 1 */
  version: number;
  /** The entry's ETag (also in the ETag header), for If-Match. */
  // Not @example: the plugin strips the quotes, which are part of an ETag.
  @ApiProperty({ example: '"mwujerug-1"' })
  etag: string;
  /** ISO-8601. @example 2026-11-24T10:00:00.000Z */
  created_at: string;
  /** ISO-8601; moves forward on every write. @example 2026-11-24T10:00:00.000Z */
  updated_at: string;

  static from(entry: ContextEntry): ContextEntryDto {
    return {
      job_id: entry.jobId,
      job_type: entry.jobType,
      context_data: entry.contextData,
      version: entry.version,
      etag: entry.etag,
      created_at: entry.createdAt.toISOString(),
      updated_at: entry.updatedAt.toISOString(),
    };
  }
}

/** One page of entries, newest first. */
export class ContextPageDto {
  items: ContextEntryDto[];
  /** How many entries match in all. @example 42 */
  total: number;
  /** @example 0 */
  skip: number;
  /** @example 20 */
  limit: number;

  static from(page: ContextPage): ContextPageDto {
    return { ...page, items: page.items.map((entry) => ContextEntryDto.from(entry)) };
  }
}
