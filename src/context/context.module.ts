import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DatabaseConnection, SqliteConnection } from '../database/database-connection';
import { ContextController } from './context.controller';
import { ContextEntity } from './context.entity';
import { ContextService } from './context.service';
import { ContextStore } from './store/context-store';
import { SqliteContextStore } from './store/sqlite-context.store';
import { TypeOrmContextStore } from './store/typeorm-context.store';

/** The Context Manager. Other modules import it and use ContextService through DI. */
@Module({
  imports: [TypeOrmModule.forFeature([ContextEntity])],
  controllers: [ContextController],
  providers: [
    {
      provide: ContextStore,
      inject: [DatabaseConnection, DataSource],
      useFactory: (connection: DatabaseConnection, dataSource: DataSource): ContextStore =>
        connection instanceof SqliteConnection
          ? new SqliteContextStore(connection)
          : new TypeOrmContextStore(dataSource.getRepository(ContextEntity)),
    },
    ContextService,
  ],
  exports: [ContextService],
})
export class ContextModule {}
