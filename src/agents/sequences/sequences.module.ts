import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  DatabaseConnection,
  PostgresConnection,
  SqliteConnection,
} from '../../database/database-connection';
import { EmailAgentModule } from '../email/email.module';
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
 * Sequences: multi-touch outreach definitions and the enrollments of prospects in them (tables
 * `sequences` and `sequence_enrollments`, written here only), with their REST API.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([SequenceEntity, SequenceEnrollmentEntity]),
    ProspectsAgentModule,
    EmailAgentModule,
  ],
  controllers: [SequencesController, EnrollmentsController],
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
  ],
  exports: [SequencesService, EnrollmentsService],
})
export class SequencesModule {}
