import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  DatabaseConnection,
  PostgresConnection,
  SqliteConnection,
} from '../database/database-connection';
import { ContextController } from './context.controller';
import { ContextEntity } from './context.entity';
import { ContextService } from './context.service';
import { ContextStore } from './store/context-store';
import { ContextWriter } from './store/context-writer';
import { PostgresContextStore } from './store/postgres-context.store';
import { PostgresContextWriter } from './store/postgres-context.writer';
import { SqliteContextStore } from './store/sqlite-context.store';
import { SqliteContextWriter } from './store/sqlite-context.writer';

/**
 * The Context Manager, owner of the `contexts` table. Other modules use ContextService through
 * DI; a store of another module that writes a context entry in its own transaction (the job
 * store) does it through the exported `ContextWriter` of the app's engine.
 */
@Module({
  // The entity maps the table for TypeORM (schema checks, the contract suite's format check);
  // the stores write it with their own SQL, through the writer.
  imports: [TypeOrmModule.forFeature([ContextEntity])],
  controllers: [ContextController],
  providers: [
    { provide: ContextWriter, inject: [DatabaseConnection], useFactory: contextWriterOf },
    {
      provide: ContextStore,
      inject: [DatabaseConnection, ContextWriter],
      useFactory: contextStoreOf,
    },
    ContextService,
  ],
  exports: [ContextService, ContextWriter],
})
export class ContextModule {}

function contextWriterOf(connection: DatabaseConnection): ContextWriter {
  if (connection instanceof SqliteConnection) return new SqliteContextWriter(connection);
  if (connection instanceof PostgresConnection) return new PostgresContextWriter();
  throw new Error(`No context writer for the ${connection.engine} engine`);
}

function contextStoreOf(connection: DatabaseConnection, writer: ContextWriter): ContextStore {
  if (connection instanceof SqliteConnection && writer instanceof SqliteContextWriter) {
    return new SqliteContextStore(connection, writer);
  }
  if (connection instanceof PostgresConnection && writer instanceof PostgresContextWriter) {
    return new PostgresContextStore(connection, writer);
  }
  throw new Error(`No context store for the ${connection.engine} engine`);
}
