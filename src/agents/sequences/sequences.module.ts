import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  DatabaseConnection,
  PostgresConnection,
  SqliteConnection,
} from '../../database/database-connection';
import { EmailAgentModule } from '../email/email.module';
import { JobSequenceService } from './agent/job-sequence.service';
import { SequencesAgent } from './agent/sequences.agent';
import { TasksController } from './api/tasks.controller';
import { EnrollmentEventEntity } from './events/enrollment-event.entity';
import { EnrollmentEventsService } from './events/enrollment-events.service';
import { SequenceEmailListener } from './events/sequence-email.listener';
import { SequenceLaunchService } from './launch/sequence-launch.service';
import { EnrollmentStepHandler } from './run/enrollment-step.handler';
import { EnrollmentWriter } from './run/enrollment-writer';
import { SequenceRunService } from './run/sequence-run.service';
import { TouchBatch } from './run/touch-batch.service';
import { TouchComposer } from './run/touch-composer.service';
import { SequenceTaskEntity } from './tasks/sequence-task.entity';
import { TasksService } from './tasks/tasks.service';
import { ProspectsAgentModule } from '../prospects/prospects.module';
import { EnrollmentsController } from './api/enrollments.controller';
import { SequencesController } from './api/sequences.controller';
import { EnrollmentsService } from './enrollments.service';
import { SequenceEnrollmentEntity } from './sequence-enrollment.entity';
import { SequenceEntity } from './sequence.entity';
import { SequencesService } from './sequences.service';
import { EnrollmentStore } from './store/enrollment.store';
import { PostgresEnrollmentStore } from './store/postgres-enrollment.store';
import { SqliteEnrollmentStore } from './store/sqlite-enrollment.store';

/**
 * Sequences: multi-touch outreach definitions, the enrollments of prospects in them, their
 * timelines and manual tasks (tables `sequences`, `sequence_enrollments`,
 * `sequence_enrollment_events`, `sequence_tasks`, written here only), with their REST API; the
 * `sequences` agent, whose launch job drafts, reviews and runs a sequence on the job runner
 * (JobControl); and the exit rules, which also hear the email module (EmailListeners).
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      SequenceEntity,
      SequenceEnrollmentEntity,
      EnrollmentEventEntity,
      SequenceTaskEntity,
    ]),
    ProspectsAgentModule,
    EmailAgentModule,
  ],
  controllers: [SequencesController, EnrollmentsController, TasksController],
  providers: [
    {
      provide: EnrollmentStore,
      inject: [DatabaseConnection],
      useFactory: (connection: DatabaseConnection): EnrollmentStore => {
        if (connection instanceof SqliteConnection) return new SqliteEnrollmentStore(connection);
        if (connection instanceof PostgresConnection) {
          return new PostgresEnrollmentStore(connection);
        }
        throw new Error(`No enrollment store for ${connection.engine}`);
      },
    },
    SequencesService,
    EnrollmentsService,
    EnrollmentEventsService,
    SequenceEmailListener,
    SequenceLaunchService,
    SequenceRunService,
    EnrollmentStepHandler,
    EnrollmentWriter,
    TouchComposer,
    TouchBatch,
    TasksService,
    JobSequenceService,
    SequencesAgent,
  ],
  // EnrollmentEventsService: the mailbox intake applies replies, bounces, opt-outs and automatic
  // answers through it.
  exports: [SequencesService, EnrollmentsService, EnrollmentEventsService],
})
export class SequencesModule {}
