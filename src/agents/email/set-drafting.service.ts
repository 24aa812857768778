import { Injectable } from '@nestjs/common';
import { ProspectSetsService } from '../prospects/sets/prospect-sets.service';
import { DraftRequest, EmailDraftingService } from './email-drafting.service';
import { OutboxService } from './outbox.service';
import type { DraftsRef } from './utils/drafts-ref.util';
import { toDraftsRef } from './utils/drafts-ref.util';

/** What drafting a prospect set did. */
export interface SetDrafting {
  drafts: DraftsRef;
  /** Drafts the step holds now, including those a crashed run of it wrote. */
  drafted: number;
  usedLlm: boolean;
  byModel: number;
  failedCalls: number;
  /** Why each prospect skipped by this run was skipped. */
  skipped: string[];
}

/**
 * email.draft over a prospect set: batch by batch, each drafted and stored as a list is (the
 * outbox keeps one draft per step and prospect). A prospect the step drafted before (a run that
 * crashed) is not drafted again, so a resumed step costs no second LLM call and no duplicate.
 * Addresses repeat across batches only for prospects without a stored address: the prospect
 * database keeps each address once.
 */
@Injectable()
export class SetDraftingService {
  constructor(
    private readonly drafting: EmailDraftingService,
    private readonly outbox: OutboxService,
    private readonly sets: ProspectSetsService,
  ) {}

  async draft(setId: string, request: Omit<DraftRequest, 'prospects'>): Promise<SetDrafting> {
    const outcome = { drafted: 0, usedLlm: false, byModel: 0, failedCalls: 0 };
    const skipped: string[] = [];
    for await (const batch of this.sets.batches(setId)) {
      request.signal.throwIfAborted();
      const ids = batch.prospects.map((prospect) => prospect.id);
      const before = new Set(
        (await this.outbox.draftsOfStep(request.stepKey, ids)).map((row) => row.prospectId),
      );
      const todo = batch.prospects.filter((prospect) => !before.has(prospect.id));
      outcome.drafted += before.size;
      if (todo.length === 0) continue;
      const result = await this.drafting.draft({ ...request, prospects: todo });
      outcome.drafted += result.drafts.length;
      outcome.usedLlm = result.usedLlm;
      outcome.byModel += result.byModel;
      outcome.failedCalls += result.failedCalls;
      skipped.push(...result.skipped.map((skip) => skip.reason));
    }
    return { drafts: toDraftsRef(request.stepKey, outcome.drafted), skipped, ...outcome };
  }
}
