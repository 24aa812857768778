import type { DraftInState } from '../../email/email-state.types';
import type { OutboxMessageView } from '../../email/outbox-view.service';
import type { ExportDraft } from './export-rows.util';

/**
 * The job's drafts as the outbox holds them at export time, in the job's order: the current
 * subject and body (edits count), status and sending time. A draft no longer in the outbox
 * (deleted), or never in it, is left out — as email.send leaves it out.
 */
export function currentDrafts(
  drafts: readonly Pick<DraftInState, 'id'>[],
  messages: ReadonlyMap<string, OutboxMessageView>,
): ExportDraft[] {
  return drafts.flatMap((draft) => {
    const message = typeof draft.id === 'string' ? messages.get(draft.id) : undefined;
    if (!message) return [];
    return [
      {
        prospectId: message.prospectId,
        subject: message.subject,
        body: message.body,
        status: message.status,
        sentAt: message.sentAt,
      },
    ];
  });
}
