import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailboxHealthIndicator } from './mailbox-health.indicator';
import { MailboxStateEntity } from './state/mailbox-state.entity';
import { MailboxStateStore } from './state/mailbox-state.store';
import { ImapClientFactory } from './watch/imap-client.factory';
import { InboundSink, LoggingInboundSink } from './watch/inbound-sink';
import { MailboxWatcher } from './watch/mailbox-watcher.service';

/**
 * The mailbox (docs/mailbox.md): the IMAP watcher, its per-mailbox state and lease, and the sink
 * it hands messages to. The sink bound here only logs; the intake replaces the `InboundSink`
 * binding (tests: `overrideProvider(InboundSink)`).
 */
@Module({
  imports: [TypeOrmModule.forFeature([MailboxStateEntity])],
  providers: [
    MailboxStateStore,
    ImapClientFactory,
    { provide: InboundSink, useClass: LoggingInboundSink },
    MailboxWatcher,
    MailboxHealthIndicator,
  ],
  exports: [MailboxHealthIndicator, MailboxWatcher],
})
export class MailboxModule {}
