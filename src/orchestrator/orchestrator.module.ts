import { Module } from '@nestjs/common';
import { ContextModule } from '../context/context.module';
import { AgentRegistryModule } from './agents/agent-registry.module';
import { CommandController } from './commands/command.controller';
import { JobSubmissionService } from './jobs/job-submission.service';
import { JobsController } from './jobs/jobs.controller';
import { LlmModule } from './llm/llm.module';
import { LlmPlanner } from './planning/llm-planner';
import { PlanHistory } from './planning/plan-history';
import { PlannerService } from './planning/planner.service';

/** From a command to a validated plan and its job: planners, the agent registry, the LLM. */
@Module({
  imports: [AgentRegistryModule, LlmModule, ContextModule],
  controllers: [CommandController, JobsController],
  providers: [PlannerService, LlmPlanner, PlanHistory, JobSubmissionService],
})
export class OrchestratorModule {}
