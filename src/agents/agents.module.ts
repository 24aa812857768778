import { Module } from '@nestjs/common';
import { CoreAgentModule } from './core/core-agent.module';
import { EmailAgentModule } from './email/email.module';
import { ExportAgentModule } from './export/export.module';
import { ProspectsAgentModule } from './prospects/prospects.module';
import { ResearchAgentModule } from './research/research.module';

/** The built-in agents; each lives in its own module and is found by the AgentRegistry. */
@Module({
  imports: [
    CoreAgentModule,
    ProspectsAgentModule,
    ResearchAgentModule,
    EmailAgentModule,
    ExportAgentModule,
  ],
})
export class AgentsModule {}
