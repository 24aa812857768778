import { Module } from '@nestjs/common';
import { LlmModule } from '../../../orchestrator/llm/llm.module';
import {
  DEFAULT_REPLY_WEBHOOK_POLICY,
  REPLY_WEBHOOK_POLICY,
  ReplyNotifier,
} from '../notify/reply-notifier';
import { ReplyIntentService } from './reply-intent.service';

/**
 * What a reply means (ReplyIntentService) and who hears of the interested ones (ReplyNotifier),
 * for the mailbox intake to import.
 */
@Module({
  imports: [LlmModule],
  providers: [
    ReplyIntentService,
    ReplyNotifier,
    { provide: REPLY_WEBHOOK_POLICY, useValue: DEFAULT_REPLY_WEBHOOK_POLICY },
  ],
  exports: [ReplyIntentService, ReplyNotifier],
})
export class ReplyIntentModule {}
