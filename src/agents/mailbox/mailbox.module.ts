import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailboxHealthIndicator } from './mailbox-health.indicator';
import { MailboxStateEntity } from './state/mailbox-state.entity';
import { MailboxStateStore } from './state/mailbox-state.store';
import { ImapClientFactory } from './watch/imap-client.factory';
import { MailboxIntakeModule } from './intake/mailbox-intake.module';
import { InboundPipeline } from './intake/inbound-pipeline.service';
import { InboundSink } from './watch/inbound-sink';
import { MailboxWatcher } from './watch/mailbox-watcher.service';

/**
 * The mailbox (docs/mailbox.md): the IMAP watcher and its per-mailbox state and lease, handing
 * each message to the intake's InboundPipeline (read, applied once, intent classified), which
 * MailboxIntakeModule provides with GET /replies.
 */
@Module({
  imports: [TypeOrmModule.forFeature([MailboxStateEntity]), MailboxIntakeModule],
  providers: [
    MailboxStateStore,
    ImapClientFactory,
    { provide: InboundSink, useExisting: InboundPipeline },
    MailboxWatcher,
    MailboxHealthIndicator,
  ],
  exports: [MailboxHealthIndicator, MailboxWatcher],
})
export class MailboxModule {}
