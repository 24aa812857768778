import { Global, Module } from '@nestjs/common';
import {
  DatabaseConnection,
  PostgresConnection,
  SqliteConnection,
} from '../database/database-connection';
import { ContextModule } from '../context/context.module';
import { ContextWriter } from '../context/store/context-writer';
import { PostgresContextWriter } from '../context/store/postgres-context.writer';
import { SqliteContextWriter } from '../context/store/sqlite-context.writer';
import { AgentRegistryModule } from './agents/agent-registry.module';
import { CommandController } from './commands/command.controller';
import { CheckpointRetention } from './jobs/store/checkpoint-retention.service';
import { CheckpointService } from './jobs/store/checkpoint.service';
import { JobEventsBus } from './jobs/events/job-events-bus';
import { jobEventsBusFor } from './jobs/events/job-events-bus.factory';
import { JobEventsService } from './jobs/events/job-events.service';
import { JobControl } from './job-control/job-control';
import { JobControlService } from './jobs/api/job-control.service';
import { JobRunner } from './jobs/runner/job-runner.service';
import { JobSubmissionService } from './jobs/api/job-submission.service';
import { JobsController } from './jobs/api/jobs.controller';
import { JobsService } from './jobs/api/jobs.service';
import { JobStore } from './jobs/store/job-store';
import { PostgresJobStore } from './jobs/store/postgres-job.store';
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
 * Global for one thing only: JobControl, the door other modules (sequences) use to jobs.
 */
@Global()
@Module({
  imports: [AgentRegistryModule, LlmModule, ContextModule, PlansModule],
  controllers: [CommandController, JobsController, PlansController],
  providers: [
    { provide: JobStore, inject: [DatabaseConnection, ContextWriter], useFactory: jobStoreOf },
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
    JobControlService,
    { provide: JobControl, useExisting: JobControlService },
  ],
  exports: [JobControl],
})
export class OrchestratorModule {}

/** The job store of the app's engine, writing context entries through the Context module's writer. */
function jobStoreOf(connection: DatabaseConnection, contexts: ContextWriter): JobStore {
  if (connection instanceof SqliteConnection && contexts instanceof SqliteContextWriter) {
    return new SqliteJobStore(connection, contexts);
  }
  if (connection instanceof PostgresConnection && contexts instanceof PostgresContextWriter) {
    return new PostgresJobStore(connection, contexts);
  }
  throw new Error(`No job store for the ${connection.engine} engine`);
}
