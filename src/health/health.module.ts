import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { MailboxModule } from '../agents/mailbox/mailbox.module';
import { HealthController } from './health.controller';

@Module({
  imports: [TerminusModule.forRoot({ errorLogStyle: 'json' }), MailboxModule],
  controllers: [HealthController],
})
export class HealthModule {}
