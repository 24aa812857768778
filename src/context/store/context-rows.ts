import type { TimeColumns } from '../../database/time-columns';
import type { ContextRecord } from './context-store';

/**
 * How the context backends map entries to and from rows of `contexts`: JSON as text on both
 * engines, times as each engine keeps them (`Time`).
 */

export const CONTEXT_COLUMNS = 'job_id, job_type, context_data, version, created_at, updated_at';

export interface ContextRow<Time> {
  job_id: string;
  job_type: string;
  context_data: string;
  version: number;
  created_at: Time;
  updated_at: Time;
}

/** The values of CONTEXT_COLUMNS for an entry, in their order. */
export function contextRowValues<Time>(record: ContextRecord, times: TimeColumns<Time>): unknown[] {
  return [
    record.jobId,
    record.jobType,
    JSON.stringify(record.contextData),
    record.version,
    times.write(record.createdAt),
    times.write(record.updatedAt),
  ];
}

export function fromContextRow<Time>(
  row: ContextRow<Time>,
  times: TimeColumns<Time>,
): ContextRecord {
  return {
    jobId: row.job_id,
    jobType: row.job_type,
    contextData: JSON.parse(row.context_data) as Record<string, unknown>,
    version: row.version,
    createdAt: times.read(row.created_at),
    updatedAt: times.read(row.updated_at),
  };
}
