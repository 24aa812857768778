import { Injectable } from '@nestjs/common';
import type { DraftInState } from '../email/email-state.types';
import { OutboxViewService } from '../email/outbox-view.service';
import { draftsRefOf } from '../email/utils/drafts-ref.util';
import type { ProspectInState } from '../prospects/prospect.types';
import { ProspectSetsService } from '../prospects/sets/prospect-sets.service';
import { currentDrafts } from './utils/current-drafts.util';
import { buildExportRows, ExportCell } from './utils/export-rows.util';

/**
 * What an export writes: the job's prospects, each with its email as the outbox holds it at
 * export time (edited text, status, sending time; deleted drafts left out) and whether it may
 * be emailed. The outbox is read through the email module's OutboxViewService.
 */
@Injectable()
export class ExportContentService {
  constructor(
    private readonly outbox: OutboxViewService,
    private readonly sets: ProspectSetsService,
  ) {}

  async rows(input: {
    prospects: readonly ProspectInState[];
    drafts: readonly Pick<DraftInState, 'id' | 'prospect_id'>[];
  }): Promise<ExportCell[][]> {
    if (input.prospects.length === 0) return [];
    const view = await this.outbox.current({
      messageIds: input.drafts.flatMap((draft) => (typeof draft.id === 'string' ? [draft.id] : [])),
      prospects: input.prospects.flatMap((prospect) =>
        typeof prospect.id === 'string'
          ? [
              {
                id: prospect.id,
                email: typeof prospect.email === 'string' ? prospect.email : undefined,
              },
            ]
          : [],
      ),
    });
    return buildExportRows({
      prospects: input.prospects,
      drafts: currentDrafts(input.drafts, view.messages),
      doNotEmail: view.doNotEmail,
    });
  }

  /**
   * The rows of a prospect set, a batch at a time, each prospect with its draft: from the
   * outbox when `drafts` refers to a draft step over the set, else from the list given.
   */
  async *setRows(setId: string, drafts: unknown): AsyncGenerator<ExportCell[][]> {
    const ref = draftsRefOf(drafts);
    const listed = Array.isArray(drafts) ? (drafts as unknown[]).filter(isDraft) : [];
    for await (const batch of this.sets.batches(setId)) {
      const ids = batch.prospects.map((prospect) => prospect.id);
      const wanted = new Set(ids);
      const batchDrafts = ref
        ? await this.outbox.stepDrafts(ref.stepKey, ids)
        : listed.filter((draft) => wanted.has(draft.prospect_id));
      yield await this.rows({ prospects: batch.prospects, drafts: batchDrafts });
    }
  }
}

function isDraft(value: unknown): value is DraftInState {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as DraftInState).prospect_id === 'string'
  );
}
