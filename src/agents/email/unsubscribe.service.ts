import { Injectable, Logger } from '@nestjs/common';
import { ProspectNotFoundException } from '../prospects/exceptions/prospects.exceptions';
import { ProspectsService } from '../prospects/prospects.service';
import { EmailListeners } from './email-listeners';
import type { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxService } from './outbox.service';
import { SuppressionsService } from './suppressions.service';
import { UnsubscribeKeyService } from './unsubscribe-key.service';
import { verifyUnsubscribeToken } from './utils/unsubscribe-token.util';

/** Recipients' own unsubscribe requests, from the signed link in each message. */
@Injectable()
export class UnsubscribeService {
  private readonly logger = new Logger(UnsubscribeService.name);

  constructor(
    private readonly keys: UnsubscribeKeyService,
    private readonly outbox: OutboxService,
    private readonly suppressions: SuppressionsService,
    private readonly prospects: ProspectsService,
    private readonly listeners: EmailListeners,
  ) {}

  /** The message a token names, or undefined when the token is not valid (or the message is gone). */
  async resolve(token: string): Promise<OutboxMessageEntity | undefined> {
    const messageId = verifyUnsubscribeToken(token, await this.keys.signingKey());
    if (!messageId) return undefined;
    return (await this.outbox.find(messageId)) ?? undefined;
  }

  /**
   * Opts the recipient out at once: the prospect's flag, and the address on the suppression list
   * (so no other prospect with it is emailed either); then the listeners hear of it (sequences end
   * every active enrollment of the address). Doing it twice changes nothing more.
   */
  async unsubscribe(token: string): Promise<OutboxMessageEntity | undefined> {
    const message = await this.resolve(token);
    if (!message) return undefined;
    await this.suppressions.addEmail(message.to, 'unsubscribe');
    try {
      await this.prospects.optOut(message.prospectId);
    } catch (error) {
      // A prospect deleted since (or one that came from the job context) has no flag to set.
      if (!(error instanceof ProspectNotFoundException)) throw error;
    }
    this.logger.log(
      { outboxId: message.id, jobId: message.jobId, prospectId: message.prospectId },
      'Recipient unsubscribed',
    );
    await this.listeners.unsubscribed({
      email: message.to.trim().toLowerCase(),
      prospectId: message.prospectId,
      outboxId: message.id,
    });
    return message;
  }
}
