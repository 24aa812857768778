import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AgentRegistry } from './agent-registry.service';
import { AgentsController } from './agents.controller';

/** The agent registry and GET /agents; agents themselves live in their own modules. */
@Module({
  imports: [DiscoveryModule],
  controllers: [AgentsController],
  providers: [AgentRegistry],
  exports: [AgentRegistry],
})
export class AgentRegistryModule {}
