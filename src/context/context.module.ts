import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Database } from 'better-sqlite3';
import { DataSource } from 'typeorm';
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
      inject: [DataSource],
      useFactory: (dataSource: DataSource): ContextStore =>
        dataSource.options.type === 'better-sqlite3'
          ? new SqliteContextStore(
              (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection,
            )
          : new TypeOrmContextStore(dataSource.getRepository(ContextEntity)),
    },
    ContextService,
  ],
  exports: [ContextService],
})
export class ContextModule {}
