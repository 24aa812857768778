import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { DatabaseConnection } from './database-connection';
import { buildDataSourceOptions } from './data-source-options';

/**
 * The one persistence layer: TypeORM's connection (closed by @nestjs/typeorm when the app shuts
 * down) and, for stores with engine-specific SQL, the same connection as a `DatabaseConnection`
 * with its engine's unit of work. Global: every module's stores inject it.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...buildDataSourceOptions(config.database),
        autoLoadEntities: true,
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [
    {
      provide: DatabaseConnection,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => DatabaseConnection.of(dataSource),
    },
  ],
  exports: [DatabaseConnection],
})
export class DatabaseModule {}
