import { Module } from '@nestjs/common';
import { DatabaseConnection, SqliteConnection } from '../database/database-connection';
import { ContextModule } from '../context/context.module';
import { AgentRegistryModule } from './agents/agent-registry.module';
import { CommandController } from './commands/command.controller';
import { CheckpointRetention } from './jobs/store/checkpoint-retention.service';
import { CheckpointService } from './jobs/store/checkpoint.service';
import { JobEventsBus } from './jobs/events/job-events-bus';
import { jobEventsBusFor } from './jobs/events/job-events-bus.factory';
import { JobEventsService } from './jobs/events/job-events.service';
import { JobRunner } from './jobs/runner/job-runner.service';
import { JobSubmissionService } from './jobs/api/job-submission.service';
import { JobsController } from './jobs/api/jobs.controller';
import { JobsService } from './jobs/api/jobs.service';
import { JobStore } from './jobs/store/job-store';
import { SqliteJobStore } from './jobs/store/sqlite-job.store';
import { LlmModule } from './llm/llm.module';
import { LlmPlanner } from './planning/llm-planner';
import { PlanHistory } from './planning/plan-history';
import { PlannerService } from './planning/planner.service';
import { PlanPreviewService } from './plans/plan-preview.service';
import { PlansController } from './plans/plans.controller';
import { PlansModule } from './plans/plans.module';

/**
 * From a command to a finished job: planners, the agent registry, the LLM, and the durable job
 * runner with its checkpoints, events and approvals; plan previews (the `plans` module owns their
 * table and audiences; previewing and running one plans and submits, so that part lives here).
 */
@Module({
  imports: [AgentRegistryModule, LlmModule, ContextModule, PlansModule],
  controllers: [CommandController, JobsController, PlansController],
  providers: [
    {
      provide: JobStore,
      inject: [DatabaseConnection],
      useFactory: (connection: DatabaseConnection): JobStore => {
        if (!(connection instanceof SqliteConnection)) {
          throw new Error('Durable jobs run on the embedded SQLite database for now');
        }
        return new SqliteJobStore(connection);
      },
    },
    { provide: JobEventsBus, inject: [DatabaseConnection, JobStore], useFactory: jobEventsBusFor },
    PlannerService,
    LlmPlanner,
    PlanHistory,
    JobSubmissionService,
    PlanPreviewService,
    JobEventsService,
    JobRunner,
    JobsService,
    CheckpointRetention,
    CheckpointService,
  ],
})
export class OrchestratorModule {}
