import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EmailAgentModule } from '../../email/email.module';
import { ProspectsAgentModule } from '../../prospects/prospects.module';
import { SequencesModule } from '../../sequences/sequences.module';
import { RepliesController } from '../replies/replies.controller';
import { RepliesService } from '../replies/replies.service';
import { InboundEffects } from './inbound-effects.service';
import { InboundIntakeService } from './inbound-intake.service';
import { InboundMatcher } from './inbound-matcher.service';
import { InboundMessageEntity } from './inbound-message.entity';

/**
 * The mailbox's intake: applies classified inbound messages once (InboundIntakeService, which the
 * watcher's sink calls), and lists them (GET /replies). Owns `inbound_messages`; changes
 * enrollments, suppressions, opt-outs and the outbox only through their modules' services.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([InboundMessageEntity]),
    EmailAgentModule,
    ProspectsAgentModule,
    SequencesModule,
  ],
  controllers: [RepliesController],
  providers: [InboundIntakeService, InboundMatcher, InboundEffects, RepliesService],
  exports: [InboundIntakeService],
})
export class MailboxIntakeModule {}
