import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailAgentModule } from '../../email/email.module';
import { ProspectsAgentModule } from '../../prospects/prospects.module';
import { SequencesModule } from '../../sequences/sequences.module';
import { InboundReader } from '../inbound/inbound-reader.service';
import { ReplyIntentModule } from '../intent/reply-intent.module';
import { RepliesController } from '../replies/replies.controller';
import { RepliesService } from '../replies/replies.service';
import { InboundEffects } from './inbound-effects.service';
import { InboundIntakeService } from './inbound-intake.service';
import { InboundMatcher } from './inbound-matcher.service';
import { InboundMessageEntity } from './inbound-message.entity';
import { InboundPipeline } from './inbound-pipeline.service';

/**
 * The mailbox's intake: reads, applies and classifies what the watcher fetches, once
 * (InboundPipeline, the watcher's sink), and lists it (GET /replies). Owns `inbound_messages`; changes
 * enrollments, suppressions, opt-outs and the outbox only through their modules' services.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([InboundMessageEntity]),
    EmailAgentModule,
    ProspectsAgentModule,
    SequencesModule,
    ReplyIntentModule,
  ],
  controllers: [RepliesController],
  providers: [
    InboundReader,
    InboundPipeline,
    InboundIntakeService,
    InboundMatcher,
    InboundEffects,
    RepliesService,
  ],
  exports: [InboundPipeline, InboundIntakeService],
})
export class MailboxIntakeModule {}
