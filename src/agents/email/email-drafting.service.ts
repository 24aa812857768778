import { Injectable, Logger } from '@nestjs/common';
import { LlmService } from '../../orchestrator/llm/llm.service';
import type { ProspectInState } from '../prospects/prospect.types';
import { mapWithConcurrency } from '../research/utils/concurrency.util';
import { DraftRecipientsService } from './draft-recipients.service';
import type { DraftInState } from './email-state.types';
import { OutboxService } from './outbox.service';
import { DraftFacts, draftFacts } from './utils/draft-cleaning.util';
import {
  companySummaryFor,
  DraftTone,
  firstNameOf,
  Offer,
  ProspectSkip,
  Sender,
} from './utils/draft-inputs.util';
import { DraftText, renderFollowUpDraft, renderTemplateDraft } from './utils/draft-templates.util';
import {
  DRAFT_SYSTEM_PROMPT,
  DRAFTS_SCHEMA,
  draftUserMessage,
  parseDrafts,
  prospectForModel,
} from './utils/llm-drafts.util';

/** Prospects per LLM call. */
export const DRAFT_BATCH_SIZE = 15;
/** LLM calls of one step in flight at once (all calls are also paced by LLM_RPM/LLM_TPM). */
export const DRAFT_BATCH_CONCURRENCY = 2;
const MAX_ANSWER_TOKENS = 8000;

export interface DraftRequest {
  prospects: ProspectInState[];
  companies: unknown;
  sender: Sender;
  offer: Offer;
  tone: DraftTone;
  instructions?: string;
  jobId: string;
  stepKey: string;
  signal: AbortSignal;
}

/** What composing drafts without storing them takes: a draft request without its step. */
/**
 * A `draft` request without its storage; `followUp`: the number of a sequence's follow-up (1 for
 * the first), which the offline templates write as a short reply rather than a first email.
 */
export type ComposeRequest = Omit<DraftRequest, 'stepKey'> & { followUp?: number };

export interface DraftOutcome {
  drafts: DraftInState[];
  skipped: ProspectSkip[];
  usedLlm: boolean;
  /** Drafts written by the LLM; the rest came from the templates. */
  byModel: number;
  failedCalls: number;
}

/**
 * Writes one personalised draft per reachable prospect: with an LLM in batches with structured
 * output (answers it cannot use fall back to the templates), offline from the templates; then
 * stores them in the outbox, once per step and prospect.
 */
@Injectable()
export class EmailDraftingService {
  private readonly logger = new Logger(EmailDraftingService.name);

  constructor(
    private readonly llm: LlmService,
    private readonly recipients: DraftRecipientsService,
    private readonly outbox: OutboxService,
  ) {}

  async draft(request: DraftRequest): Promise<DraftOutcome> {
    const { draftable, skipped } = await this.recipients.select(request.prospects);
    // From here on the drafts see only cleaned text: no formula, link or markup of the data.
    const items = draftable.map((prospect) =>
      draftFacts(prospect, companySummaryFor(prospect, request.companies)),
    );
    const facts = new Map(items.map((item) => [item.prospect.id, item]));
    const texts = this.llm.enabled
      ? await this.modelTexts(items, request)
      : { texts: items.map((item) => this.template(item, request)), byModel: 0, failedCalls: 0 };
    const rows = await this.outbox.saveDrafts({
      jobId: request.jobId,
      stepKey: request.stepKey,
      drafts: items.map(({ prospect }, index) => ({
        prospectId: prospect.id,
        to: prospect.email!.trim().toLowerCase(),
        name: prospect.name || null,
        ...texts.texts[index],
      })),
    });
    const drafts = rows.map((row) => ({
      id: row.id,
      prospect_id: row.prospectId,
      to: row.to,
      ...(row.name ? { name: row.name } : {}),
      subject: row.subject,
      body: row.body,
      ...fieldsNotAsWritten(facts.get(row.prospectId)),
    }));
    return { drafts, skipped, usedLlm: this.llm.enabled, ...texts };
  }

  /**
   * The text of one draft per prospect, by prospect id, written as `draft` writes them (the LLM
   * in batches, the templates for what it leaves and without a key, from cleaned prospect data)
   * but neither checked nor stored: a sequence checks its prospects when it sends and stores its
   * touches itself.
   */
  async compose(request: ComposeRequest): Promise<Map<string, DraftText>> {
    const items = request.prospects.map((prospect) =>
      draftFacts(prospect, companySummaryFor(prospect, request.companies)),
    );
    const texts = this.llm.enabled
      ? (await this.modelTexts(items, request)).texts
      : items.map((item) => this.template(item, request));
    return new Map(items.map((item, index) => [item.prospect.id, texts[index]]));
  }

  private template(item: DraftFacts, request: ComposeRequest): DraftText {
    if (request.followUp !== undefined) {
      return renderFollowUpDraft({
        prospect: item.prospect,
        sender: request.sender,
        offer: request.offer,
        tone: request.tone,
        followUp: request.followUp,
      });
    }
    return renderTemplateDraft({
      prospect: item.prospect,
      companySummary: item.summary,
      sender: request.sender,
      offer: request.offer,
      tone: request.tone,
    });
  }

  private async modelTexts(
    items: DraftFacts[],
    request: ComposeRequest,
  ): Promise<{ texts: DraftText[]; byModel: number; failedCalls: number }> {
    const batches: DraftFacts[][] = [];
    for (let start = 0; start < items.length; start += DRAFT_BATCH_SIZE) {
      batches.push(items.slice(start, start + DRAFT_BATCH_SIZE));
    }
    let byModel = 0;
    let failedCalls = 0;
    const texts = await mapWithConcurrency(
      batches,
      DRAFT_BATCH_CONCURRENCY,
      request.signal,
      async (batch, batchIndex) => {
        const ids = batch.map((_, offset) => `#${batchIndex * DRAFT_BATCH_SIZE + offset}`);
        const answer = await this.askModel(batch, ids, request);
        if (!answer) failedCalls += 1;
        return batch.map((item, offset) => {
          const fromModel = answer?.get(ids[offset]);
          if (fromModel) byModel += 1;
          return fromModel ?? this.template(item, request);
        });
      },
    );
    return { texts: texts.flat(), byModel, failedCalls };
  }

  /** The model's drafts for one batch, by id, or undefined when the call failed. */
  private async askModel(
    batch: DraftFacts[],
    ids: string[],
    request: ComposeRequest,
  ): Promise<Map<string, DraftText> | undefined> {
    const shown = batch.map((item, index) =>
      prospectForModel(ids[index], item.prospect, item.summary),
    );
    try {
      const { content } = await this.llm.chat({
        jobId: request.jobId,
        purpose: 'draft',
        messages: [
          { role: 'system', content: DRAFT_SYSTEM_PROMPT },
          { role: 'user', content: draftUserMessage({ ...request, prospects: shown }) },
        ],
        responseFormat: {
          type: 'json_schema',
          json_schema: { name: 'email_drafts', strict: true, schema: DRAFTS_SCHEMA },
        },
        maxTokens: MAX_ANSWER_TOKENS,
      });
      const names = new Map(ids.map((id, index) => [id, firstNameOf(batch[index].prospect.name)]));
      const drafts = parseDrafts(content, names);
      if (drafts.size < ids.length) {
        this.logger.warn(
          { jobId: request.jobId, asked: ids.length, usable: drafts.size },
          'LLM drafts incomplete; the templates write the rest',
        );
      }
      return drafts;
    } catch (error) {
      // A cancelled job stops here; any other failure (budget, rate limit, provider) falls back.
      request.signal.throwIfAborted();
      this.logger.warn(
        { jobId: request.jobId, err: error },
        'LLM drafting failed; the templates write this batch',
      );
      return undefined;
    }
  }
}

/** A draft's `omitted_fields` and `cleaned_fields`, each only when it lists any. */
function fieldsNotAsWritten(
  facts: DraftFacts | undefined,
): Pick<DraftInState, 'omitted_fields' | 'cleaned_fields'> {
  if (!facts) return {};
  return {
    ...(facts.omittedFields.length > 0 ? { omitted_fields: facts.omittedFields } : {}),
    ...(facts.cleanedFields.length > 0 ? { cleaned_fields: facts.cleanedFields } : {}),
  };
}
