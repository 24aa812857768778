import { HttpException, Injectable } from '@nestjs/common';
import { DraftRecipientsService } from '../../agents/email/draft-recipients.service';
import { csvImportOptions } from '../../agents/prospects/import/csv-import-options.util';
import type { ImportCsvParams } from '../../agents/prospects/import/import-csv.params';
import { ProspectCsvImportService } from '../../agents/prospects/import/prospect-csv-import.service';
import type { ProspectInState } from '../../agents/prospects/prospect.types';
import { ProspectsService } from '../../agents/prospects/prospects.service';
import type { SearchProspectsParams } from '../../agents/prospects/search/search-prospects.params';
import { searchRequest } from '../../agents/prospects/search/search-request.util';
import type {
  ProspectSearchCriteria,
  ProspectSort,
} from '../../agents/prospects/search/prospect-search.types';
import { toProspectInState } from '../../agents/prospects/utils/prospect-state.util';
import { validateParams } from '../agents/action-params.util';
import { AgentRegistry } from '../agents/agent-registry.service';
import type { ValidatedPlan } from '../agents/plan-validation.util';
import type { AudienceExclusions, AudienceSource, PlanAudience } from './plan-audience.types';
import { AudienceOrigin, audiencePlan, thresholdNote } from './utils/audience-plan.util';
import {
  csvInputsInState,
  prospectsInList,
  toAudienceProspect,
} from './utils/audience-prospect.util';

/** An audience, and the ids of its prospects in order (null when they cannot change). */
export interface ComputedAudience {
  audience: PlanAudience;
  ids: string[] | null;
}

/**
 * The prospects an origin yields, before any drafting: the first 10, how many, and all of them
 * batch by batch (a large search is read a page at a time, never held whole).
 */
interface Origin {
  source: AudienceSource;
  first: ProspectInState[];
  count: number;
  batches: () => AsyncIterable<ProspectInState[]>;
  ids: string[] | null;
  total: number;
  excluded: Partial<AudienceExclusions>;
}

/** Prospects per page when a preview reads a large search. */
const PREVIEW_PAGE = 1000;

/** An origin's batches when it holds its prospects already: one batch. */
async function* oneBatch(prospects: ProspectInState[]): AsyncGenerator<ProspectInState[]> {
  yield prospects;
}

const NONE: AudienceExclusions = {
  sample: 0,
  beyond_limit: 0,
  opted_out: 0,
  no_email: 0,
  suppressed: 0,
  other: 0,
  invalid_rows: 0,
};

/**
 * Who a plan would work on, computed as its run would: the search of its prospects.search step
 * (the action's own params → criteria, default limit, order and sample rule), a dry run of its
 * import of context.csv, or the list it is given; and, when it drafts, who email.draft would skip
 * (a sequence's enrolment skips the same, and sample prospects; not yet those the
 * one-active-sequence rule keeps out, which the run's `sequence.skipped` lists).
 * Reads only: no job, no write, no fetch, no LLM call.
 */
@Injectable()
export class PlanAudienceService {
  constructor(
    private readonly registry: AgentRegistry,
    private readonly prospects: ProspectsService,
    private readonly importer: ProspectCsvImportService,
    private readonly recipients: DraftRecipientsService,
  ) {}

  /** The audience of the plan, or null when no step of it touches prospects. */
  async compute(
    plan: ValidatedPlan,
    context: Record<string, unknown>,
  ): Promise<ComputedAudience | null> {
    const shape = audiencePlan({ steps: plan.steps, context });
    if (!shape) return null;
    const origin = await this.originOf(shape.origin, context);
    const excluded = { ...NONE, ...origin.excluded };
    let recipients: number | null = null;
    if (shape.drafts) {
      recipients = 0;
      for await (const batch of origin.batches()) {
        // A sequence enrols no sample prospect (a search finds them when nothing real matches).
        const sample = shape.enrols ? batch.filter((prospect) => prospect.sample) : [];
        excluded.sample += sample.length;
        const selected = await this.recipients.select(
          batch.filter((prospect) => !sample.includes(prospect)),
        );
        for (const skip of selected.skipped) excluded[skip.kind] += 1;
        recipients += selected.draftable.length;
      }
    }
    return {
      audience: {
        source: origin.source,
        count: origin.count,
        total_matching: origin.total,
        first_10: origin.first
          .slice(0, 10)
          .map((prospect) => toAudienceProspect(prospect, { withId: origin.source !== 'import' })),
        excluded,
        recipients,
        before_threshold: thresholdNote(shape.threshold),
      },
      ids: origin.ids,
    };
  }

  private originOf(origin: AudienceOrigin, context: Record<string, unknown>): Promise<Origin> {
    if (origin.kind === 'search') return this.search(origin.params);
    if (origin.kind === 'import') return this.dryImport(origin.params, context.csv);
    const prospects = prospectsInList(origin.prospects);
    return Promise.resolve({
      source: 'context',
      first: prospects.slice(0, 10),
      count: prospects.length,
      batches: () => oneBatch(prospects),
      // The list is part of the stored plan or context: it cannot change before the run.
      ids: null,
      total: prospects.length,
      excluded: {},
    });
  }

  private async search(raw: Record<string, unknown>): Promise<Origin> {
    const params = this.params<SearchProspectsParams>('search', raw);
    const { criteria, page } = searchRequest(params);
    const found = await this.prospects.search(criteria, {
      ...page,
      limit: Math.min(page.limit, PREVIEW_PAGE),
    });
    const count = Math.min(found.total, page.limit);
    const [withSample, optedOut] = await Promise.all([
      found.sampleExcluded ? this.prospects.count({ ...criteria, includeSample: true }) : 0,
      this.prospects.count({ ...criteria, optedOut: true }),
    ]);
    const first = found.items.map(toProspectInState);
    // All of them fit in the first page: as before. Else the rest is read a page at a time.
    const batches =
      count <= first.length
        ? () => oneBatch(first)
        : () => this.searchPages(criteria, { sort: page.sort, limit: count });
    const ids: string[] = [];
    for await (const batch of batches()) ids.push(...batch.map((prospect) => prospect.id));
    return {
      source: 'search',
      first: first.slice(0, 10),
      count,
      batches,
      ids,
      total: found.total,
      excluded: {
        sample: found.sampleExcluded ? withSample - found.total : 0,
        beyond_limit: found.total - count,
        opted_out: optedOut,
      },
    };
  }

  private async *searchPages(
    criteria: ProspectSearchCriteria,
    page: { sort?: ProspectSort; limit: number },
  ): AsyncGenerator<ProspectInState[]> {
    for await (const items of this.prospects.pages(criteria, page, PREVIEW_PAGE)) {
      yield items.map(toProspectInState);
    }
  }

  private async dryImport(raw: Record<string, unknown>, csv: unknown): Promise<Origin> {
    const request = csvImportOptions(this.params<ImportCsvParams>('import_csv', raw));
    const text = typeof csv === 'string' ? csv : '';
    // An unusable file or mapping fails the run's first step; the preview shows nothing to import.
    const result =
      request.ok && text.trim() !== ''
        ? await this.importer
            .import(text, { ...request.options, dryRun: true })
            .catch((error: unknown) => {
              if (error instanceof HttpException) return null;
              throw error;
            })
        : null;
    const prospects = csvInputsInState(result?.inputs ?? []);
    return {
      source: 'import',
      first: prospects.slice(0, 10),
      count: prospects.length,
      batches: () => oneBatch(prospects),
      // Rows not imported yet have no ids; the CSV is part of the stored context.
      ids: null,
      total: prospects.length,
      excluded: { invalid_rows: result?.skipped ?? 0 },
    };
  }

  /** A step's params as the runner hands them to the action (validated, transformed). */
  private params<P extends object>(
    action: 'search' | 'import_csv',
    raw: Record<string, unknown>,
  ): P {
    const registered = this.registry.findAction('prospects', action);
    if (!registered) throw new Error(`prospects.${action} is not installed`);
    const checked = validateParams(registered.paramsType, raw);
    // The plan was validated against this registry moments ago.
    if (!checked.ok) throw new Error(`prospects.${action}: its parameters no longer validate`);
    return checked.value as P;
  }
}
