import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CleanProspect, cleanProspect } from './prospect-merge.util';
import type { ProspectInput, UpsertOutcome } from './prospect-input.types';
import { lookupKeysOf, UpsertBatchPlan } from './prospect-upsert-plan';
import { ProspectUpsertStore, UpsertBatchWork } from './store/prospect-upsert.store';
import { TypeOrmProspectUpsertStore } from './store/typeorm-prospect-upsert.store';

/** Inputs looked up and written together: bounds the IN lists and the rows of one INSERT. */
const BATCH_SIZE = 400;

/**
 * Stores prospects in bulk, merging duplicates instead of adding them: an input is the same
 * prospect as a stored one (or an earlier input) with the same email, else the same LinkedIn URL,
 * else the same name at the same company. Companies are matched by domain, else by name. The CSV
 * import and the sample data write through here. The decisions are UpsertBatchPlan's; the store
 * reads and writes (prepared statements on SQLite, plain SQL on Postgres; TypeORM inside a
 * caller's transaction).
 */
@Injectable()
export class ProspectUpsertService {
  constructor(private readonly store: ProspectUpsertStore) {}

  /** One transaction for all inputs (or the caller's); an outcome per input, in order. */
  async upsertMany(
    inputs: readonly ProspectInput[],
    manager?: EntityManager,
  ): Promise<UpsertOutcome[]> {
    const outcomes: UpsertOutcome[] = [];
    const batches: UpsertBatchWork[] = [];
    for (let start = 0; start < inputs.length; start += BATCH_SIZE) {
      const cleaned = inputs.slice(start, start + BATCH_SIZE).map(cleanProspect);
      const valid = cleaned.filter((input): input is CleanProspect => !('error' in input));
      batches.push({
        keys: lookupKeysOf(valid),
        plan: (stored) => {
          const plan = new UpsertBatchPlan(stored);
          for (const input of cleaned) {
            outcomes.push(
              'error' in input ? { action: 'skipped', reason: input.error } : plan.upsert(input),
            );
          }
          return plan.writes;
        },
      });
    }
    const store = manager ? new TypeOrmProspectUpsertStore(manager) : this.store;
    await store.run(batches);
    return outcomes;
  }

  /** After a bulk write (an import): planner statistics, and the write-ahead log settled. */
  afterBulkWrite(): Promise<void> {
    return this.store.afterBulkWrite();
  }
}
