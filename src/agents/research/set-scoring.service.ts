import { Injectable } from '@nestjs/common';
import type { ProspectInState } from '../prospects/prospect.types';
import { ResearchRecordsService } from '../prospects/research-records/research-records.service';
import { ProspectSetsService } from '../prospects/sets/prospect-sets.service';
import { FitScoringService } from './fit-scoring.service';
import type { Icp } from './utils/icp.util';

/** What scoring a prospect set did. */
export interface SetScoring {
  /** The result set: the prospects at or above the threshold, best first. */
  set: { id: string; count: number };
  /** Prospects scored by this run (a resumed step leaves out those scored before the crash). */
  scored: number;
  usedLlm: boolean;
  byModel: number;
  failedCalls: number;
}

/**
 * research.score_fit over a prospect set: batch by batch, each scored as a list is, its scores
 * kept on the prospects and in the step's scratch set; then the result set is written from the
 * scratch set by the database (best first). A step resumed after a crash goes on after the last
 * batch it kept, so no prospect is scored, or listed, twice.
 */
@Injectable()
export class SetScoringService {
  constructor(
    private readonly scoring: FitScoringService,
    private readonly records: ResearchRecordsService,
    private readonly sets: ProspectSetsService,
  ) {}

  async score(input: {
    setId: string;
    icp: Icp;
    threshold: number;
    jobId: string;
    stepIndex: number;
    signal: AbortSignal;
  }): Promise<SetScoring> {
    const outcome = { scored: 0, usedLlm: false, byModel: 0, failedCalls: 0 };
    const scratch = await this.sets.scratchOf(input.jobId, input.stepIndex);
    const done = await this.sets.resultOf(input.jobId, input.stepIndex);
    if (!done) {
      for await (const batch of this.sets.batches(input.setId, scratch.last)) {
        input.signal.throwIfAborted();
        const result = await this.scoring.score({ ...input, prospects: batch.prospects });
        await this.records.recordFitScores(fitRecords(result.prospects), { jobId: input.jobId });
        await this.sets.addScored(
          scratch.id,
          result.prospects.map((prospect, index) => ({
            position: batch.positions[index],
            prospectId: prospect.id,
            score: prospect.score ?? 0,
          })),
        );
        outcome.scored += batch.prospects.length;
        outcome.usedLlm = result.usedLlm;
        outcome.byModel += result.byModel;
        outcome.failedCalls += result.failedCalls;
      }
    }
    const set = await this.sets.finishScoring({ ...input, scratchId: scratch.id });
    return { set, ...outcome };
  }
}

/** The scores worth keeping: of prospects with an id (the stored ones have theirs). */
export function fitRecords(prospects: readonly ProspectInState[]) {
  return prospects.flatMap((prospect) =>
    typeof prospect.id === 'string' && typeof prospect.score === 'number'
      ? [{ prospectId: prospect.id, score: prospect.score, reasons: prospect.reasons ?? [] }]
      : [],
  );
}
