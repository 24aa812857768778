import type { BatchWrites, LookupKeys, StoredRows } from '../prospect-upsert-plan';

/** One batch of an upsert: what to look up, and what to write given what was found. */
export interface UpsertBatchWork {
  keys: LookupKeys;
  plan(stored: StoredRows): BatchWrites;
}

/**
 * Where bulk upserts read and write. One transaction per call: each batch in turn reads the
 * stored rows matching its keys, plans, and writes, so a later batch sees the earlier ones.
 * Backends: prepared statements on SQLite, plain SQL on Postgres, and TypeORM (any database,
 * also inside a caller's transaction).
 */
export abstract class ProspectUpsertStore {
  abstract run(batches: readonly UpsertBatchWork[]): Promise<void>;

  /**
   * After a bulk write: refreshes the statistics the query planner picks indexes by, and settles
   * the write-ahead log, where the database does not do it by itself.
   */
  abstract afterBulkWrite(): Promise<void>;
}
