import { Module } from '@nestjs/common';
import { CoreAgentModule } from './core/core-agent.module';
import { EmailAgentModule } from './email/email.module';
import { ExportAgentModule } from './export/export.module';
import { MailboxModule } from './mailbox/mailbox.module';
import { ProspectsAgentModule } from './prospects/prospects.module';
import { ResearchAgentModule } from './research/research.module';
import { SequencesModule } from './sequences/sequences.module';

/**
 * The built-in agents, each in its own module and found by the AgentRegistry, and the modules
 * built on them (sequences, the mailbox).
 */
@Module({
  imports: [
    CoreAgentModule,
    ProspectsAgentModule,
    ResearchAgentModule,
    EmailAgentModule,
    ExportAgentModule,
    SequencesModule,
    MailboxModule,
  ],
})
export class AgentsModule {}
