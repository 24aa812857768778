import { Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LlmModule } from '../../orchestrator/llm/llm.module';
import { ProspectsAgentModule } from '../prospects/prospects.module';
import { DraftRecipientsService } from './draft-recipients.service';
import { EmailAgent } from './email.agent';
import { EmailDraftingService } from './email-drafting.service';
import { EmailSendingService } from './email-sending.service';
import { EmailSettingEntity } from './email-setting.entity';
import { MAIL_TRANSPORT, MailTransport, mailTransportProvider } from './mail-transport.provider';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';
import { OutboxViewService } from './outbox-view.service';
import { sendLimitsProviders } from './send-limits/send-limits.providers';
import { OutboxMessageSender } from './sending/outbox-message-sender';
import { SuppressionEntity } from './suppression.entity';
import { SuppressionsController } from './suppressions.controller';
import { SuppressionsService } from './suppressions.service';
import { UnsubscribeKeyService } from './unsubscribe-key.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';

/** The `email` agent: drafting, the outbox, suppressions, unsubscribe and sending. */
@Module({
  imports: [
    TypeOrmModule.forFeature([OutboxMessageEntity, SuppressionEntity, EmailSettingEntity]),
    LlmModule,
    ProspectsAgentModule,
  ],
  controllers: [OutboxController, SuppressionsController, UnsubscribeController],
  providers: [
    EmailAgent,
    DraftRecipientsService,
    EmailDraftingService,
    EmailSendingService,
    OutboxMessageSender,
    OutboxService,
    OutboxViewService,
    SuppressionsService,
    UnsubscribeKeyService,
    UnsubscribeService,
    mailTransportProvider,
    ...sendLimitsProviders,
  ],
  // DraftRecipientsService: who a plan's drafts would go to, for its preview. SuppressionsService:
  // sequences skip suppressed prospects when enrolling. OutboxService and EmailSendingService:
  // sequences queue their touches (queueTouch, threadOf) and send them (sendTouch).
  exports: [
    OutboxViewService,
    DraftRecipientsService,
    SuppressionsService,
    OutboxService,
    EmailSendingService,
  ],
})
export class EmailAgentModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null) {}

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
