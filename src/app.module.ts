import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AgentsModule } from './agents/agents.module';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { ApiKeyGuard } from './common/guards/api-key.guard';
import { ClientThrottlerGuard } from './common/throttling/client-throttler.guard';
import {
  COMMAND_THROTTLER,
  isOutsideCommandRateLimit,
} from './common/throttling/command-rate-limit';
import { throttlerStorageFor } from './common/throttling/throttler-storage.factory';
import { TimeModule } from './common/time/time.module';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { ContextModule } from './context/context.module';
import { DatabaseConnection } from './database/database-connection';
import { DatabaseModule } from './database/database.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { OrchestratorModule } from './orchestrator/orchestrator.module';
import { StatusModule } from './status/status.module';

const ONE_MINUTE_MS = 60_000;

/** Wires the modules together; holds no logic. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule,
        TimeModule,
        DatabaseModule,
        ThrottlerModule.forRootAsync({
          inject: [AppConfig, DatabaseConnection],
          useFactory: (appConfig: AppConfig, connection: DatabaseConnection) => ({
            throttlers: [
              { name: 'default', ttl: ONE_MINUTE_MS, limit: appConfig.rateLimitPerMinute },
              {
                name: COMMAND_THROTTLER,
                ttl: appConfig.commandRateLimit.ttlMs,
                limit: appConfig.commandRateLimit.limit,
                skipIf: isOutsideCommandRateLimit,
              },
            ],
            storage: throttlerStorageFor(connection),
          }),
        }),
        HealthModule,
        ContextModule,
        OrchestratorModule,
        AgentsModule,
        StatusModule,
      ],
      providers: [
        // Guards run in this order: throttle first, so unauthenticated floods are limited too.
        { provide: APP_GUARD, useClass: ClientThrottlerGuard },
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
      ],
    };
  }
}
