import { Injectable, Logger } from '@nestjs/common';
import type { RawInboundMessage } from '../inbound/inbound-message.types';

/**
 * Where the watcher hands each fetched message, in UID order, one at a time. `receive` resolving
 * means the message is taken: only then does the watcher move past it (`last_uid`). It may be
 * handed over again after a crash between the two, or after a UIDVALIDITY change, so a sink must
 * be idempotent: key on (mailbox, uidValidity, uid), and on the Message-ID for a folder that was
 * rebuilt. A rejection is retried (the watcher reconnects with backoff and starts from there).
 *
 * Bound in MailboxModule with the class itself as the token: replace it with
 * `{ provide: InboundSink, useClass|useExisting: … }` (or `overrideProvider(InboundSink)` in tests).
 */
export abstract class InboundSink {
  abstract receive(message: RawInboundMessage): Promise<void>;
}

/** The default sink: logs what arrived (no body, no addresses) and drops it. */
@Injectable()
export class LoggingInboundSink extends InboundSink {
  private readonly logger = new Logger('InboundSink');

  receive(message: RawInboundMessage): Promise<void> {
    this.logger.log(
      {
        mailbox: message.mailbox,
        uidValidity: message.uidValidity,
        uid: message.uid,
        size: message.size,
        truncated: message.truncated,
      },
      'Inbound message received (no intake installed: not applied)',
    );
    return Promise.resolve();
  }
}
