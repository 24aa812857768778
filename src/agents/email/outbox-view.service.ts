import { Injectable } from '@nestjs/common';
import { ProspectsService } from '../prospects/prospects.service';
import type { OutboxMessageEntity, OutboxStatus } from './outbox-message.entity';
import { OutboxService } from './outbox.service';
import { SuppressionsService } from './suppressions.service';
import { doNotEmailByProspect } from './utils/do-not-email.util';

/** A message as the outbox holds it now: its current text and where it is in sending. */
export interface OutboxMessageView {
  id: string;
  prospectId: string;
  to: string;
  subject: string;
  body: string;
  status: OutboxStatus;
  /** Why it was skipped or failed. */
  reason: string | null;
  sentAt: Date | null;
}

/** The outbox and the do-not-email lists as they stand, for the messages and prospects asked about. */
export interface OutboxView {
  /** The messages still in the outbox, by id: a deleted one is absent. */
  messages: Map<string, OutboxMessageView>;
  /** Why a prospect must not be emailed now ("opted out", "suppressed (value)"), by prospect id. */
  doNotEmail: Map<string, string>;
}

/**
 * A read-only view of the email module's tables for other modules (the export): what a job's
 * drafts hold now — edited, deleted, sent — and who must not be emailed. Other modules read
 * the outbox and the suppression list through it, never from the tables.
 */
@Injectable()
export class OutboxViewService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly suppressions: SuppressionsService,
    private readonly prospects: ProspectsService,
  ) {}

  /**
   * The current state of the messages `messageIds`, and the do-not-email reason of each of
   * `prospects`, checked against the prospect's address and those of its messages.
   */
  async current(input: {
    messageIds: readonly string[];
    prospects: readonly { id: string; email?: string }[];
  }): Promise<OutboxView> {
    const rows = await this.outbox.findByIds([...new Set(input.messageIds)]);
    const messages = new Map([...rows.values()].map((row) => [row.id, messageView(row)]));
    const recipients = input.prospects.map((prospect) => ({
      prospectId: prospect.id,
      emails: [
        ...(prospect.email ? [prospect.email] : []),
        ...[...messages.values()]
          .filter((message) => message.prospectId === prospect.id)
          .map((message) => message.to),
      ],
    }));
    const optedOut = await this.prospects.optOutFlags(recipients.map((r) => r.prospectId));
    const suppressed = await this.suppressions.matchingMany(recipients.flatMap((r) => r.emails));
    return { messages, doNotEmail: doNotEmailByProspect({ recipients, optedOut, suppressed }) };
  }

  /**
   * The drafts a draft step (its key) wrote for these prospects, as a state's `drafts` lists
   * them (an export reads a prospect set's drafts a batch at a time through it).
   */
  async stepDrafts(
    stepKey: string,
    prospectIds: readonly string[],
  ): Promise<{ id: string; prospect_id: string }[]> {
    const rows = await this.outbox.draftsOfStep(stepKey, prospectIds);
    return rows.map((row) => ({ id: row.id, prospect_id: row.prospectId }));
  }
}

function messageView(row: OutboxMessageEntity): OutboxMessageView {
  return {
    id: row.id,
    prospectId: row.prospectId,
    to: row.to,
    subject: row.subject,
    body: row.body,
    status: row.status,
    reason: row.reason,
    sentAt: row.sentAt,
  };
}
