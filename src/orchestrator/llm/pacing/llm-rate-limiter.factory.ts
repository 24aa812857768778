import { AppConfig } from '../../../config/app-config';
import { DatabaseConnection, PostgresConnection } from '../../../database/database-connection';
import { InProcessLlmRateLimiter, TokenLedger } from './in-process-llm-rate-limiter';
import { LimiterLimits, LlmRateLimiter } from './llm-rate-limiter';
import { PostgresLlmRateLimiter } from './postgres-llm-rate-limiter';

/** Past this wait for a slot, a call is answered like the provider's own 429 instead of hanging. */
export const MAX_LIMITER_WAIT_MS = 30_000;

/**
 * The limiter of the engine: counted in memory for the one process on SQLite, in the database on
 * Postgres, where LLM_RPM, LLM_TPM and JOB_TOKEN_BUDGET hold for all replicas together.
 */
export function llmRateLimiterFor(
  config: AppConfig,
  connection: DatabaseConnection,
  ledger: TokenLedger,
): LlmRateLimiter {
  const limits: LimiterLimits = {
    requestsPerMinute: config.llm.requestsPerMinute,
    tokensPerMinute: config.llm.tokensPerMinute,
    maxWaitMs: MAX_LIMITER_WAIT_MS,
  };
  return connection instanceof PostgresConnection
    ? new PostgresLlmRateLimiter(connection, limits)
    : new InProcessLlmRateLimiter(limits, ledger);
}
