import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { ContextModule } from '../../context/context.module';
import { LlmRateLimiter } from './llm-rate-limiter';
import { LlmUsageEntity } from './llm-usage.entity';
import { LlmUsageService } from './llm-usage.service';
import { LlmService } from './llm.service';
import { openAiClientProvider } from './openai-client.provider';

/** Past this wait for a slot, a call is answered like the provider's own 429 instead of hanging. */
const MAX_LIMITER_WAIT_MS = 30_000;

/** The LLM client, its pacing and its usage ledger; other modules use LlmService. */
@Module({
  imports: [TypeOrmModule.forFeature([LlmUsageEntity]), ContextModule],
  providers: [
    {
      provide: LlmRateLimiter,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        new LlmRateLimiter({
          requestsPerMinute: config.llm.requestsPerMinute,
          tokensPerMinute: config.llm.tokensPerMinute,
          maxWaitMs: MAX_LIMITER_WAIT_MS,
        }),
    },
    openAiClientProvider,
    LlmUsageService,
    LlmService,
  ],
  exports: [LlmService, LlmUsageService],
})
export class LlmModule {}
