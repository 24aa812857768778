import { Module } from '@nestjs/common';
import { CoreAgentModule } from './core/core-agent.module';

/** The built-in agents; each lives in its own module and is found by the AgentRegistry. */
@Module({ imports: [CoreAgentModule] })
export class AgentsModule {}
