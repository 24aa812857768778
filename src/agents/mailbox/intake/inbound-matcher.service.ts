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
 * active or paused enrollment of its prospects launched last, unless the message is dated before
 * that launch (an old message, when a folder is read from its start).
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
    return target ? this.matchAddress(target.address, target.by, message.date) : NO_MATCH;
  }

  private async matchAddress(
    address: string,
    by: 'recipient' | 'sender',
    date: Date | null,
  ): Promise<InboundMatch> {
    const prospectIds = await this.prospects.idsWithEmail(address);
    if (prospectIds.length === 0) return NO_MATCH;
    const latest = await this.enrollments.latestHolding(prospectIds);
    // Mail from before the launch (a folder read from its start) is not about this enrollment.
    const enrollment = latest && writtenAfterLaunch(date, latest.launchedAt) ? latest : null;
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

/** Clocks of other mail servers may be a little behind ours. */
const CLOCK_SKEW_MS = 60 * 60_000;

/** Whether a message dated `date` may answer an enrollment launched at `launchedAt`. */
export function writtenAfterLaunch(date: Date | null, launchedAt: Date | null): boolean {
  if (!date || !launchedAt) return true;
  return date.getTime() >= launchedAt.getTime() - CLOCK_SKEW_MS;
}
