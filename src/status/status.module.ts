import { Module } from '@nestjs/common';
import { MailboxModule } from '../agents/mailbox/mailbox.module';
import { AgentRegistryModule } from '../orchestrator/agents/agent-registry.module';
import { StatusController } from './status.controller';
import { StatusService } from './status.service';

/** GET /status: what this installation can do, for the web app's Status page. */
@Module({
  imports: [AgentRegistryModule, MailboxModule],
  controllers: [StatusController],
  providers: [StatusService],
})
export class StatusModule {}
