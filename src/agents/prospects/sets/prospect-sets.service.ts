import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { MoreThan, Repository } from 'typeorm';
import { AppConfig } from '../../../config/app-config';
import type { ProspectInState } from '../prospect.types';
import { ProspectsService } from '../prospects.service';
import type { ProspectSearchCriteria, ProspectSort } from '../search/prospect-search.types';
import { toProspectInState } from '../utils/prospect-state.util';
import { ProspectSetEntity, ProspectSetMemberEntity } from './prospect-set.entity';
import { ProspectSetStore } from './prospect-set.store';

/** One batch of a set: its prospects in order (deleted ones left out) and where it ended. */
export interface ProspectSetBatch {
  prospects: ProspectInState[];
  /** The position of each of `prospects` in the set. */
  positions: number[];
  /** The position of the batch's last member: where the next batch starts after. */
  last: number;
}

/** A scored member of a scoring step's scratch set. */
export interface ScoredMember {
  position: number;
  prospectId: string;
  score: number;
}

/** Members per INSERT of scored members: 4 parameters each, far below every engine's limit. */
const INSERT_CHUNK = 200;

/**
 * Prospect sets: the prospects a job step found or kept, stored as ids in order, so the job
 * state carries a reference (`{ prospect_set: { id, count } }`) instead of copies. Agents write
 * and read sets only through this service; a step reads its input set in batches, by position.
 * Each step writes at most one result set, so a re-run after a crash finds the one it wrote.
 */
@Injectable()
export class ProspectSetsService {
  constructor(
    @InjectRepository(ProspectSetEntity) private readonly sets: Repository<ProspectSetEntity>,
    @InjectRepository(ProspectSetMemberEntity)
    private readonly members: Repository<ProspectSetMemberEntity>,
    private readonly store: ProspectSetStore,
    private readonly prospects: ProspectsService,
    private readonly config: AppConfig,
  ) {}

  /** Prospects per batch (PROSPECT_SET_BATCH_SIZE). */
  get batchSize(): number {
    return this.config.prospectSets.batchSize;
  }

  /** A search finding more than this many prospects writes a set (PROSPECT_SET_THRESHOLD). */
  get threshold(): number {
    return this.config.prospectSets.threshold;
  }

  async find(id: string): Promise<ProspectSetEntity | null> {
    return this.sets.findOneBy({ id, status: 'complete' });
  }

  /** The result set a step of a job wrote, if it wrote one. */
  async resultOf(jobId: string, stepIndex: number): Promise<ProspectSetEntity | null> {
    return this.sets.findOneBy({ jobId, stepIndex, status: 'complete' });
  }

  /**
   * Writes what a search finds (in its order, up to `limit`) as the step's result set, in the
   * database (INSERT … SELECT). A step that wrote its set already gets that one back.
   */
  async fromSearch(input: {
    jobId: string;
    stepIndex: number;
    criteria: ProspectSearchCriteria;
    sort?: ProspectSort;
    limit?: number;
  }): Promise<{ id: string; count: number; sampleExcluded: boolean }> {
    const select = await this.prospects.memberSelect(input.criteria, input);
    const existing = await this.resultOf(input.jobId, input.stepIndex);
    if (existing) return { ...existing, sampleExcluded: select.sampleExcluded };
    const id = randomUUID();
    const count = await this.store.create(
      {
        id,
        jobId: input.jobId,
        stepIndex: input.stepIndex,
        status: 'complete',
        createdAt: new Date(),
      },
      select,
    );
    return { id, count, sampleExcluded: select.sampleExcluded };
  }

  /** The batch of `size` members after position `after`; `undefined` when none is left. */
  async batchAfter(
    setId: string,
    after: number,
    size = this.batchSize,
  ): Promise<ProspectSetBatch | undefined> {
    const rows = await this.members.find({
      where: { setId, position: MoreThan(after) },
      order: { position: 'ASC' },
      take: size,
    });
    if (rows.length === 0) return undefined;
    const stored = await this.prospects.getMany(rows.map((row) => row.prospectId));
    const byId = new Map(stored.map((prospect) => [prospect.id, prospect]));
    const kept = rows.filter((row) => byId.has(row.prospectId));
    return {
      prospects: kept.map((row) => toProspectInState(byId.get(row.prospectId)!)),
      positions: kept.map((row) => row.position),
      last: rows[rows.length - 1].position,
    };
  }

  /** Every batch of a set in order, starting after `after`. */
  async *batches(setId: string, after = 0): AsyncGenerator<ProspectSetBatch> {
    let position = after;
    for (;;) {
      const batch = await this.batchAfter(setId, position);
      if (!batch) return;
      position = batch.last;
      yield batch;
    }
  }

  /**
   * The scratch set of a scoring step, created empty on its first call, and the position of its
   * last scored member (0 when none): a re-run goes on after it.
   */
  async scratchOf(jobId: string, stepIndex: number): Promise<{ id: string; last: number }> {
    await this.sets
      .createQueryBuilder()
      .insert()
      .values({
        id: randomUUID(),
        jobId,
        stepIndex,
        status: 'building',
        count: 0,
        createdAt: new Date(),
      })
      .orIgnore()
      .execute();
    const scratch = await this.sets.findOneByOrFail({ jobId, stepIndex, status: 'building' });
    const max = await this.members
      .createQueryBuilder('m')
      .select('MAX(m.position)', 'last')
      .where('m.setId = :id', { id: scratch.id })
      .getRawOne<{ last: number | string | null }>();
    return { id: scratch.id, last: Number(max?.last ?? 0) };
  }

  /** Adds scored members to a scratch set (a member already there stays as it is). */
  async addScored(scratchId: string, scored: readonly ScoredMember[]): Promise<void> {
    for (let start = 0; start < scored.length; start += INSERT_CHUNK) {
      await this.members
        .createQueryBuilder()
        .insert()
        .values(
          scored
            .slice(start, start + INSERT_CHUNK)
            .map((member) => ({ setId: scratchId, ...member })),
        )
        .orIgnore()
        .execute();
    }
  }

  /**
   * Writes the step's result set from its scratch set: the members scoring at least
   * `threshold`, best first (then in their input order), and removes the scratch set.
   */
  async finishScoring(input: {
    jobId: string;
    stepIndex: number;
    scratchId: string;
    threshold: number;
  }): Promise<{ id: string; count: number }> {
    const done = await this.resultOf(input.jobId, input.stepIndex);
    let result: { id: string; count: number };
    if (done) result = { id: done.id, count: done.count };
    else {
      const id = randomUUID();
      result = { id, count: await this.createRanked({ ...input, id }) };
    }
    await this.store.remove({
      sql: `id = ${this.store.placeholder(1)}`,
      params: [input.scratchId],
    });
    return result;
  }

  /** Removes the sets of jobs that finished before `before` (retention); answers how many. */
  async removeOfJobsFinishedBefore(before: Date): Promise<number> {
    return this.store.remove({
      sql:
        "job_id IN (SELECT id FROM jobs WHERE status IN ('succeeded', 'failed', 'cancelled') " +
        `AND finished_at < ${this.store.placeholder(1)})`,
      params: [this.store.time(before)],
    });
  }

  private async createRanked(input: {
    id: string;
    jobId: string;
    stepIndex: number;
    scratchId: string;
    threshold: number;
  }): Promise<number> {
    const ph = (index: number) => this.store.placeholder(index);
    const select = {
      sql:
        'SELECT ROW_NUMBER() OVER (ORDER BY score DESC, position ASC) AS position, prospect_id, ' +
        `score FROM prospect_set_members WHERE set_id = ${ph(1)} AND score >= ${ph(2)}`,
      params: [input.scratchId, input.threshold],
    };
    const set = { ...input, status: 'complete' as const, createdAt: new Date() };
    return this.store.create(set, select);
  }
}
