import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { ContextModule } from '../../context/context.module';
import { DatabaseConnection } from '../../database/database-connection';
import { llmRateLimiterFor } from './pacing/llm-rate-limiter.factory';
import { LlmRateLimiter } from './pacing/llm-rate-limiter';
import { LlmUsageEntity } from './llm-usage.entity';
import { LlmUsageService } from './llm-usage.service';
import { LlmService } from './llm.service';
import { openAiClientProvider } from './openai-client.provider';

/** The LLM client, its pacing and its usage ledger; other modules use LlmService. */
@Module({
  imports: [TypeOrmModule.forFeature([LlmUsageEntity]), ContextModule],
  providers: [
    {
      provide: LlmRateLimiter,
      inject: [AppConfig, DatabaseConnection, LlmUsageService],
      useFactory: llmRateLimiterFor,
    },
    openAiClientProvider,
    LlmUsageService,
    LlmService,
  ],
  exports: [LlmService, LlmUsageService],
})
export class LlmModule {}
