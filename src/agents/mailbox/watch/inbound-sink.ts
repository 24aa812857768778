import type { RawInboundMessage } from '../inbound/inbound-message.types';

/**
 * Where the watcher hands each fetched message, in UID order, one at a time. `receive` resolving
 * means the message is taken: only then does the watcher move past it (`last_uid`). It may be
 * handed over again after a crash between the two, or after a UIDVALIDITY change, so a sink must
 * be idempotent: key on (mailbox, uidValidity, uid), and on the Message-ID for a folder that was
 * rebuilt. A rejection is retried (the watcher reconnects with backoff and starts from there).
 *
 * Bound in MailboxModule to the intake's InboundPipeline, with the class itself as the token
 * (tests: `overrideProvider(InboundSink)`).
 */
export abstract class InboundSink {
  abstract receive(message: RawInboundMessage): Promise<unknown>;
}
