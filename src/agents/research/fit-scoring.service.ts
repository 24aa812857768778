import { Injectable, Logger } from '@nestjs/common';
import { LlmService } from '../../orchestrator/llm/llm.service';
import type { ProspectInState } from '../prospects/prospect.types';
import { mapWithConcurrency } from './utils/concurrency.util';
import { scoreFitHeuristic } from './utils/fit-heuristic.util';
import type { Icp } from './utils/icp.util';
import {
  FIT_SCORES_SCHEMA,
  FIT_SYSTEM_PROMPT,
  fitUserMessage,
  ModelFitScore,
  parseFitScores,
  prospectForModel,
} from './utils/llm-fit-scores.util';

/** Prospects per LLM call. */
export const FIT_BATCH_SIZE = 20;
/** LLM calls of one step in flight at once (all calls are also paced by LLM_RPM/LLM_TPM). */
export const FIT_BATCH_CONCURRENCY = 3;
const MAX_ANSWER_TOKENS = 4000;

export interface FitScoring {
  prospects: ProspectInState[];
  /** Whether an LLM was asked (it is configured). */
  usedLlm: boolean;
  /** How many scores came from the LLM; the rest from the heuristic. */
  byModel: number;
  /** LLM calls that failed outright (their batch was scored by the heuristic). */
  failedCalls: number;
}

/**
 * Scores prospects against an ICP: with an LLM, in batches with structured output, each score
 * the model leaves out or gets wrong filled in by the heuristic; without one, by the heuristic.
 */
@Injectable()
export class FitScoringService {
  private readonly logger = new Logger(FitScoringService.name);

  constructor(private readonly llm: LlmService) {}

  async score(input: {
    prospects: ProspectInState[];
    icp: Icp;
    jobId: string;
    signal: AbortSignal;
  }): Promise<FitScoring> {
    const { prospects, icp } = input;
    if (!this.llm.enabled) {
      const scored = prospects.map((prospect) => withScore(prospect, icp));
      return { prospects: scored, usedLlm: false, byModel: 0, failedCalls: 0 };
    }
    const batches: { start: number; batch: ProspectInState[] }[] = [];
    for (let start = 0; start < prospects.length; start += FIT_BATCH_SIZE) {
      batches.push({ start, batch: prospects.slice(start, start + FIT_BATCH_SIZE) });
    }
    let byModel = 0;
    let failedCalls = 0;
    const scored = await mapWithConcurrency(
      batches,
      FIT_BATCH_CONCURRENCY,
      input.signal,
      async ({ start, batch }) => {
        const ids = batch.map((prospect, offset) => modelId(prospect, start + offset));
        const answer = await this.askModel({ ...input, batch, ids });
        if (!answer) failedCalls += 1;
        return batch.map((prospect, offset) => {
          const fromModel = answer?.get(ids[offset]);
          if (fromModel) byModel += 1;
          return fromModel ? { ...prospect, ...fromModel } : withScore(prospect, icp);
        });
      },
    );
    return { prospects: scored.flat(), usedLlm: true, byModel, failedCalls };
  }

  /** The model's scores for one batch, or undefined when the call failed. */
  private async askModel(input: {
    batch: ProspectInState[];
    ids: string[];
    icp: Icp;
    jobId: string;
    signal: AbortSignal;
  }): Promise<Map<string, ModelFitScore> | undefined> {
    const shown = input.batch.map((prospect, index) =>
      prospectForModel(input.ids[index], prospect),
    );
    try {
      const { content } = await this.llm.chat({
        jobId: input.jobId,
        purpose: 'score',
        messages: [
          { role: 'system', content: FIT_SYSTEM_PROMPT },
          { role: 'user', content: fitUserMessage(input.icp, shown) },
        ],
        responseFormat: {
          type: 'json_schema',
          json_schema: { name: 'fit_scores', strict: true, schema: FIT_SCORES_SCHEMA },
        },
        maxTokens: MAX_ANSWER_TOKENS,
      });
      const scores = parseFitScores(content, new Set(input.ids));
      if (scores.size < new Set(input.ids).size) {
        this.logger.warn(
          { jobId: input.jobId, asked: input.ids.length, usable: scores.size },
          'LLM fit scores incomplete; the heuristic scores the rest',
        );
      }
      return scores;
    } catch (error) {
      // A cancelled job stops here; any other failure (budget, rate limit, provider) falls back.
      input.signal.throwIfAborted();
      this.logger.warn(
        { jobId: input.jobId, err: error },
        'LLM fit scoring failed; the heuristic scores this batch',
      );
      return undefined;
    }
  }
}

function withScore(prospect: ProspectInState, icp: Icp): ProspectInState {
  return { ...prospect, ...scoreFitHeuristic(prospect, icp) };
}

/** The id the model sees: the prospect's own, or its position when it has none. */
function modelId(prospect: ProspectInState, index: number): string {
  return typeof prospect.id === 'string' && prospect.id.length > 0 ? prospect.id : `#${index}`;
}
