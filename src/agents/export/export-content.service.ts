import { Injectable } from '@nestjs/common';
import type { DraftInState } from '../email/email-state.types';
import { OutboxViewService } from '../email/outbox-view.service';
import type { ProspectInState } from '../prospects/prospect.types';
import { currentDrafts } from './utils/current-drafts.util';
import { buildExportRows, ExportCell } from './utils/export-rows.util';

/**
 * What an export writes: the job's prospects, each with its email as the outbox holds it at
 * export time (edited text, status, sending time; deleted drafts left out) and whether it may
 * be emailed. The outbox is read through the email module's OutboxViewService.
 */
@Injectable()
export class ExportContentService {
  constructor(private readonly outbox: OutboxViewService) {}

  async rows(input: {
    prospects: readonly ProspectInState[];
    drafts: readonly DraftInState[];
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
}
