import { Module, OnApplicationShutdown, Inject } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LlmModule } from '../../orchestrator/llm/llm.module';
import { ProspectsAgentModule } from '../prospects/prospects.module';
import { DraftRecipientsService } from './draft-recipients.service';
import { EmailAgent } from './email.agent';
import { EmailListeners } from './email-listeners';
import { EmailDraftingService } from './email-drafting.service';
import { EmailSendingService } from './email-sending.service';
import { EmailSettingEntity } from './email-setting.entity';
import { MAIL_TRANSPORT, MailTransport, mailTransportProvider } from './mail-transport.provider';
import { OutboxMessageEntity } from './outbox-message.entity';
import { OutboxController } from './outbox.controller';
import { OutboxService } from './outbox.service';
import { OutboxReviewService } from './outbox-review.service';
import { OutboxViewService } from './outbox-view.service';
import { sendLimitsProviders } from './send-limits/send-limits.providers';
import { SetDraftingService } from './set-drafting.service';
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
    SetDraftingService,
    EmailAgent,
    DraftRecipientsService,
    EmailDraftingService,
    EmailSendingService,
    EmailListeners,
    OutboxMessageSender,
    OutboxReviewService,
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
  // EmailDraftingService: sequences write LLM touches as email.draft does. EmailListeners:
  // sequences hear of unsubscribes and of touches approved or deleted through the outbox API.
  exports: [
    OutboxViewService,
    DraftRecipientsService,
    SuppressionsService,
    OutboxService,
    EmailSendingService,
    EmailDraftingService,
    EmailListeners,
  ],
})
export class EmailAgentModule implements OnApplicationShutdown {
  constructor(@Inject(MAIL_TRANSPORT) private readonly transport: MailTransport | null) {}

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
