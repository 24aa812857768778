import { Injectable } from '@nestjs/common';
import { Action, Agent } from '../../orchestrator/agents/agent.decorators';
import type { ActionContext, ActionResult } from '../../orchestrator/agents/agent.types';
import { nothingToDo } from '../../orchestrator/agents/nothing-to-do.util';
import { ActionError } from '../../orchestrator/agents/retry-policy.util';
import type { CompanySummaryInState, ProspectInState } from '../prospects/prospect.types';
import { ResearchRecordsService } from '../prospects/research-records/research-records.service';
import { prospectSetOf, toProspectSetRef } from '../prospects/sets/prospect-set-ref.util';
import { CompanyResearchService } from './company-research.service';
import { CompanySummaryParams } from './dto/company-summary.params';
import { DEFAULT_FIT_THRESHOLD, ScoreFitParams } from './dto/score-fit.params';
import { FitScoringService } from './fit-scoring.service';
import { fitRecords, SetScoringService } from './set-scoring.service';
import { keepFits } from './utils/fit-heuristic.util';
import { Icp, resolveIcp } from './utils/icp.util';

/**
 * Both actions work through a whole list of prospects: a fetch per company (4 at a time, each
 * within RESEARCH_TIMEOUT_MS) or an LLM call per 20 prospects (3 at a time, paced by LLM_RPM).
 * For a long list that is more than the default step limit, so they set their own.
 */
const LIST_STEP_TIMEOUT_MS = 30 * 60 * 1000;

/** Fit scoring against an ICP, and company research from each company's website. */
@Injectable()
@Agent({
  name: 'research',
  description: 'Scores prospects against an ideal customer profile and researches their companies',
})
export class ResearchAgent {
  constructor(
    private readonly scoring: FitScoringService,
    private readonly companies: CompanyResearchService,
    private readonly records: ResearchRecordsService,
    private readonly setScoring: SetScoringService,
  ) {}

  @Action({
    name: 'score_fit',
    description:
      'Scores each prospect 0–100 against an ideal customer profile (params.icp merged over the ' +
      'job state\'s "icp") with the reasons, and keeps those at or above the threshold, best ' +
      'first. Each stored prospect keeps its latest score and reasons (GET /prospects ' +
      'min_score, sort=-score). Uses the LLM when configured, else a transparent points heuristic',
    params: ScoreFitParams,
    reads: ['prospects'],
    optionalReads: ['icp'],
    needs: [{ anyOf: ['params.icp', 'state.icp'], what: 'an ideal customer profile' }],
    writes: ['prospects'],
    timeoutMs: LIST_STEP_TIMEOUT_MS,
  })
  async scoreFit(params: ScoreFitParams, context: ActionContext): Promise<ActionResult> {
    const resolved = resolveIcp({ params: params.icp, state: context.state.icp });
    if (!resolved.ok) throw new ActionError(resolved.reason);
    const set = prospectSetOf(context.state.prospects);
    if (set) return this.scoreSet(set, resolved.icp, params, context);
    const prospects = prospectsOf(context.state);
    if (prospects.length === 0) {
      return { writes: { prospects: [] }, summary: nothingToDo('prospects') };
    }
    const threshold = params.threshold ?? DEFAULT_FIT_THRESHOLD;
    const result = await this.scoring.score({
      prospects,
      icp: resolved.icp,
      jobId: context.jobId,
      signal: context.signal,
    });
    await this.records.recordFitScores(fitRecords(result.prospects), { jobId: context.jobId });
    const kept = keepFits(result.prospects, threshold);
    const failures = result.failedCalls > 0 ? `; ${result.failedCalls} LLM calls failed` : '';
    const sources = result.usedLlm
      ? ` (LLM ${result.byModel}, heuristic ${prospects.length - result.byModel}${failures})`
      : '';
    return {
      writes: { prospects: kept },
      summary: `Scored ${prospects.length}, kept ${kept.length} at ≥ ${threshold}${sources}`,
    };
  }

  /** score_fit over a prospect set: its result is a set too, best first. */
  private async scoreSet(
    set: { id: string; count: number },
    icp: Icp,
    params: ScoreFitParams,
    context: ActionContext,
  ): Promise<ActionResult> {
    const threshold = params.threshold ?? DEFAULT_FIT_THRESHOLD;
    const result = await this.setScoring.score({
      setId: set.id,
      icp,
      threshold,
      jobId: context.jobId,
      stepIndex: context.stepIndex,
      signal: context.signal,
    });
    const failures = result.failedCalls > 0 ? `; ${result.failedCalls} LLM calls failed` : '';
    const sources = result.usedLlm ? ` (LLM ${result.byModel}${failures})` : '';
    return {
      writes: { prospects: toProspectSetRef(result.set) },
      summary:
        `Scored ${set.count}, kept ${result.set.count} at ≥ ${threshold}${sources} ` +
        `(prospect set ${result.set.id})`,
    };
  }

  @Action({
    name: 'company_summary',
    description:
      "Fetches the home page of each prospect's company (once per domain) and summarises what " +
      'the company does, kept on the stored company; a company whose site fails is listed with ' +
      'its error',
    params: CompanySummaryParams,
    reads: ['prospects'],
    writes: ['companies'],
    timeoutMs: LIST_STEP_TIMEOUT_MS,
  })
  async companySummary(
    _params: CompanySummaryParams,
    context: ActionContext,
  ): Promise<ActionResult> {
    const set = prospectSetOf(context.state.prospects);
    if (set) {
      throw new ActionError(
        `research.company_summary reads a list of prospects, not a prospect set (${set.count} ` +
          'prospects): give the search a limit of at most PROSPECT_SET_THRESHOLD',
      );
    }
    const prospects = prospectsOf(context.state);
    if (prospects.length === 0) {
      return { writes: { companies: [] }, summary: nothingToDo('prospects') };
    }
    const { companies, withoutDomain } = await this.companies.research({
      prospects,
      jobId: context.jobId,
      signal: context.signal,
    });
    await this.records.recordCompanySummaries(summaryRecords(companies));
    const failed = companies.filter((company) => company.error !== undefined).length;
    const parts = [`Researched ${companies.length - failed} of ${companies.length} companies`];
    if (failed > 0) parts.push(`${failed} failed`);
    if (withoutDomain > 0) parts.push(`${withoutDomain} prospects without a company domain`);
    return { writes: { companies }, summary: parts.join('; ') };
  }
}

/** The summaries worth keeping: a failed fetch leaves the previous summary in place. */
function summaryRecords(companies: readonly CompanySummaryInState[]) {
  return companies.flatMap((company) =>
    company.error === undefined && company.summary
      ? [{ domain: company.domain, summary: company.summary }]
      : [],
  );
}

/** `state.prospects`, which must be a list of prospect objects. */
function prospectsOf(state: Readonly<Record<string, unknown>>): ProspectInState[] {
  const prospects = state.prospects;
  if (!Array.isArray(prospects)) {
    throw new ActionError('The job state\'s "prospects" must be a list of prospects');
  }
  const bad = prospects.findIndex((item) => typeof item !== 'object' || item === null);
  if (bad >= 0) throw new ActionError(`prospects[${bad}] is not a prospect object`);
  return prospects as ProspectInState[];
}
