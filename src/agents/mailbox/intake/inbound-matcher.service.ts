import { Injectable } from '@nestjs/common';
import { OutboxService } from '../../email/outbox.service';
import { ProspectsService } from '../../prospects/prospects.service';
import { EnrollmentsService } from '../../sequences/enrollments.service';
import type { InboundMessage } from '../inbound/inbound-message.types';
import { NO_MATCH, type InboundMatch, type MatchHints } from './intake.types';
import {
  addressToMatch,
  matchByReference,
  matchOfOutboxRow,
  storedForms,
  threadReferences,
} from './utils/message-match.util';

/**
 * Finds what an inbound message is about, from what it carries — never from its wording: (a) the
 * outbox message its In-Reply-To or References name, (b) for a delivery report the original
 * Message-ID, (c) the outbox row a VERP-tagged recipient names (`hints.outboxId`), (d) for a
 * report the failed recipient's prospects, (e) the sender's prospects. An address names the
 * active or paused enrollment of its prospects launched last.
 */
@Injectable()
export class InboundMatcher {
  constructor(
    private readonly outbox: OutboxService,
    private readonly prospects: ProspectsService,
    private readonly enrollments: EnrollmentsService,
  ) {}

  async match(message: InboundMessage, hints: MatchHints = {}): Promise<InboundMatch> {
    const references = threadReferences(message);
    if (references.length > 0) {
      const rows = await this.outbox.findByMessageIds(
        storedForms(references.map((reference) => reference.id)),
      );
      const byReference = matchByReference(references, rows);
      if (byReference) return byReference;
    }
    if (hints.outboxId) {
      const row = await this.outbox.find(hints.outboxId);
      if (row) return matchOfOutboxRow(row, 'verp');
    }
    const target = addressToMatch(message);
    return target ? this.matchAddress(target.address, target.by) : NO_MATCH;
  }

  private async matchAddress(address: string, by: 'recipient' | 'sender'): Promise<InboundMatch> {
    const prospectIds = await this.prospects.idsWithEmail(address);
    if (prospectIds.length === 0) return NO_MATCH;
    const enrollment = await this.enrollments.latestHolding(prospectIds);
    return {
      by,
      outboxMessageId: null,
      enrollmentId: enrollment?.id ?? null,
      sequenceId: enrollment?.sequenceId ?? null,
      jobId: null,
      prospectId: enrollment?.prospectId ?? prospectIds[0],
      address,
    };
  }
}
