import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { OutboxService } from '../../email/outbox.service';
import { SuppressionsService } from '../../email/suppressions.service';
import { ProspectsService } from '../../prospects/prospects.service';
import { EnrollmentEventsService } from '../../sequences/events/enrollment-events.service';
import { EnrollmentNotFoundException } from '../../sequences/exceptions/sequences.exceptions';
import type { InboundMessageEntity } from './inbound-message.entity';
import { reactionOf, type Reaction } from './utils/reaction.util';

/**
 * Applies the reaction to a stored inbound message, through the modules that own what changes
 * (suppressions and the outbox: email; opt-outs: prospects; enrollments: sequences). Each effect
 * is idempotent, so a message whose effects a crash cut short is applied again in full, in this
 * order: the suppressions first (from then on nothing more is sent to the address), the opt-out,
 * the enrollment (an exit is a conditional UPDATE, its event once per message), then the outbox
 * message's delivery state.
 */
@Injectable()
export class InboundEffects {
  private readonly logger = new Logger(InboundEffects.name);

  constructor(
    private readonly suppressions: SuppressionsService,
    private readonly prospects: ProspectsService,
    private readonly events: EnrollmentEventsService,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
  ) {}

  async apply(row: InboundMessageEntity): Promise<void> {
    if (row.duplicateOf !== null) return;
    const reaction = reactionOf({
      kind: row.kind,
      match: {
        by: row.matchedBy,
        enrollmentId: row.enrollmentId,
        outboxMessageId: row.outboxMessageId,
        address: row.deliveryRecipient,
      },
      fromAddress: row.fromAddress,
      delivery: {
        status: row.deliveryStatus,
        recipient: row.deliveryRecipient,
        diagnostic: row.deliveryDiagnostic,
      },
    });
    for (const entry of reaction.suppress) {
      await this.suppressions.addEmail(entry.address, entry.source);
    }
    if (reaction.optOutAddress) await this.optOut(reaction.optOutAddress, row);
    if (row.enrollmentId) await this.enrollment(row, row.enrollmentId, reaction);
    if (reaction.delivery && row.outboxMessageId) {
      const { status, detail } = reaction.delivery;
      await this.outbox.recordDelivery(row.outboxMessageId, status, detail);
    }
  }

  /** The sender's prospects opted out, and their other active enrollments ended. */
  private async optOut(address: string, row: InboundMessageEntity): Promise<void> {
    for (const id of await this.prospects.idsWithEmail(address)) await this.prospects.optOut(id);
    const source = { source: 'reply', inbound_message_id: row.id };
    await this.events.addressUnsubscribed(address, source, row.enrollmentId ?? undefined);
  }

  private async enrollment(
    row: InboundMessageEntity,
    enrollmentId: string,
    reaction: Reaction,
  ): Promise<void> {
    try {
      if (reaction.exit) {
        await this.events.record(enrollmentId, { type: reaction.exit, inboundMessageId: row.id });
      } else if (reaction.outOfOffice) {
        await this.events.outOfOffice(enrollmentId, {
          inboundMessageId: row.id,
          returnDate: row.returnDate,
          defaultDays: this.config.mailboxIntake.outOfOfficeDefaultDays,
        });
      }
    } catch (error) {
      // Its prospect was deleted since the match (the enrollment went with it): nothing to end.
      if (!(error instanceof EnrollmentNotFoundException)) throw error;
      this.logger.warn({ enrollmentId, inboundMessageId: row.id }, 'Enrollment gone');
    }
  }
}
