import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { parseVerpTag } from '../../email/utils/verp.util';
import type { RawInboundMessage } from '../inbound/inbound-message.types';
import { InboundReader } from '../inbound/inbound-reader.service';
import { ReplyIntentService } from '../intent/reply-intent.service';
import { ReplyNotifier } from '../notify/reply-notifier';
import { InboundIntakeService } from './inbound-intake.service';
import type { InboundMessageEntity } from './inbound-message.entity';
import type { MatchHints } from './intake.types';
import { InboundSink } from '../watch/inbound-sink';

/**
 * What happens to each message the watcher fetches: read and classified (InboundReader), matched
 * and applied once (InboundIntakeService, with the outbox id of a VERP-tagged recipient as a
 * hint), then, for a reply to something Zigral sent or to an enrollment, its intent
 * classified once and an interested one notified. Safe to call again for the same message (the
 * watcher does after a crash between this and its UID bookkeeping): nothing happens twice.
 */
@Injectable()
export class InboundPipeline extends InboundSink {
  constructor(
    private readonly reader: InboundReader,
    private readonly intake: InboundIntakeService,
    private readonly intents: ReplyIntentService,
    private readonly notifier: ReplyNotifier,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async receive(raw: RawInboundMessage): Promise<InboundMessageEntity> {
    const message = await this.reader.read(raw);
    const key = { mailbox: raw.mailbox, uidValidity: raw.uidValidity, uid: raw.uid };
    const { record } = await this.intake.apply(key, message, this.hintsOf(message.recipients));
    // A reply to something Zigral sent: not an old message of a prospect found by address alone.
    const answersUs = record.enrollmentId !== null || record.outboxMessageId !== null;
    if (record.kind === 'reply' && answersUs && record.intent === null) {
      await this.classify(record);
    }
    return record;
  }

  private hintsOf(recipients: readonly string[]): MatchHints {
    const bounceAddress = this.config.email.bounceAddress;
    if (!bounceAddress || !this.config.email.verp) return {};
    for (const recipient of recipients) {
      const outboxId = parseVerpTag(recipient, bounceAddress);
      if (outboxId) return { outboxId };
    }
    return {};
  }

  private async classify(record: InboundMessageEntity): Promise<void> {
    const from = record.fromAddress ?? '';
    const { intent, source } = await this.intents.classify({
      subject: record.subject,
      text: record.text,
      from,
    });
    if (!(await this.intake.setIntent(record.id, intent, source))) return;
    this.notifier.notify({
      replyId: record.id,
      intent,
      from,
      subject: record.subject,
      text: record.text,
      receivedAt: record.messageDate ?? record.createdAt,
      prospectId: record.prospectId,
      enrollmentId: record.enrollmentId,
      sequenceId: record.sequenceId,
      jobId: record.jobId,
    });
  }
}
