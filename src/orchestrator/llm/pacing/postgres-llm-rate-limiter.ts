import { Logger } from '@nestjs/common';
import { ADVISORY_LOCKS } from '../../../database/advisory-locks';
import type {
  PostgresConnection,
  PostgresTransaction,
} from '../../../database/database-connection';
import {
  Admission,
  admissionDelay,
  isWithinBudget,
  JobBudget,
  LimiterClock,
  LimiterLimits,
  LlmRateLimiter,
  SYSTEM_CLOCK,
} from './llm-rate-limiter';

/**
 * A call admitted and never settled (its replica died mid-call) stops holding its job's budget
 * after this long; no call runs that long (OPENAI_TIMEOUT_MS per attempt, a few attempts).
 */
const STALE_CALL = '15 minutes';

/** Admissions the window no longer counts, and running calls whose replica is gone. */
const PRUNE =
  "DELETE FROM llm_admissions WHERE admitted_at <= clock_timestamp() - interval '1 minute' " +
  `AND (NOT running OR admitted_at <= clock_timestamp() - interval '${STALE_CALL}')`;

/** The calls of the last minute, the pause, and the time, all from the database's clock. */
const WINDOW =
  'SELECT (extract(epoch FROM a.admitted_at) * 1000)::float8 AS at, a.tokens, ' +
  '(extract(epoch FROM n.now) * 1000)::float8 AS now ' +
  'FROM (SELECT clock_timestamp() AS now) n ' +
  "LEFT JOIN llm_admissions a ON a.admitted_at > n.now - interval '1 minute' " +
  'ORDER BY a.admitted_at, a.id';
const PAUSE =
  'SELECT (extract(epoch FROM paused_until) * 1000)::float8 AS until FROM llm_pacing WHERE id = 1';

/** The job's tokens in the usage ledger, and the estimates of its calls under way. */
const JOB_TOKENS =
  'SELECT (SELECT COALESCE(SUM(prompt_tokens + completion_tokens), 0) FROM llm_usage ' +
  'WHERE job_id = $1)::float8 AS used, ' +
  '(SELECT COALESCE(SUM(tokens), 0) FROM llm_admissions WHERE running AND job_id = $1)::float8 ' +
  'AS reserved';

/**
 * The limiter of replicas sharing one Postgres database: admitted calls are rows of the UNLOGGED
 * `llm_admissions`, and each admission is decided in one transaction under an advisory lock
 * (ADVISORY_LOCKS.llmAdmission): the calls of the last minute, the pause and the job's tokens
 * (ledger plus calls under way) are read, the same decision as in one process is made
 * (admissionDelay, isWithinBudget), and the admission is inserted, so two replicas never both
 * take the last slot or the last of a budget. A call that must wait sleeps outside the
 * transaction and asks again. Times are the database's, so replicas' clocks need not agree.
 */
export class PostgresLlmRateLimiter extends LlmRateLimiter {
  private readonly logger = new Logger(PostgresLlmRateLimiter.name);

  constructor(
    private readonly connection: PostgresConnection,
    limits: LimiterLimits,
    clock: LimiterClock = SYSTEM_CLOCK,
  ) {
    super(limits, clock);
  }

  /** Holds every replica's calls back for `ms`; a failed write is logged, never thrown. */
  async pauseFor(ms: number): Promise<void> {
    await this.connection
      .query(
        'INSERT INTO llm_pacing (id, paused_until) ' +
          "VALUES (1, clock_timestamp() + $1 * interval '1 millisecond') ON CONFLICT (id) " +
          'DO UPDATE SET paused_until = GREATEST(llm_pacing.paused_until, excluded.paused_until)',
        [ms],
      )
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Could not record the LLM provider pause'),
      );
  }

  protected tryAdmit(tokens: number, job: JobBudget | undefined): Promise<Admission> {
    return this.connection.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.llmAdmission]);
      await tx.query(PRUNE);
      if (job && job.budget > 0) {
        const { used, reserved } = (
          await tx.query<{ used: number; reserved: number }>(JOB_TOKENS, [job.jobId])
        ).rows[0];
        if (!isWithinBudget({ used, reserved, budget: job.budget })) {
          return { kind: 'over_budget', used, reserved };
        }
      }
      const window = (
        await tx.query<{ at: number | null; tokens: number | null; now: number }>(WINDOW)
      ).rows;
      const pause = (await tx.query<{ until: number }>(PAUSE)).rows[0];
      const now = window[0].now;
      const delay = admissionDelay({
        now,
        calls: window.flatMap((row) =>
          row.at === null ? [] : [{ at: row.at, tokens: row.tokens ?? 0 }],
        ),
        tokens,
        pausedUntil: pause?.until ?? 0,
        requestsPerMinute: this.limits.requestsPerMinute,
        tokensPerMinute: this.limits.tokensPerMinute,
      });
      if (delay > 0) return { kind: 'wait', ms: delay };
      const id = await this.insert(tx, now, tokens, job);
      return { kind: 'admitted', reservation: { settle: (actual) => this.settle(id, actual) } };
    });
  }

  private async insert(
    tx: PostgresTransaction,
    now: number,
    tokens: number,
    job: JobBudget | undefined,
  ): Promise<string> {
    const { rows } = await tx.query<{ id: string }>(
      'INSERT INTO llm_admissions (admitted_at, tokens, job_id, running) ' +
        'VALUES (to_timestamp($1 / 1000.0), $2, $3, true) RETURNING id::text AS id',
      [now, tokens, job?.jobId ?? null],
    );
    return rows[0].id;
  }

  /** Counts what the call really used; a failed write is logged (the estimate then stays). */
  private async settle(id: string, actualTokens: number): Promise<void> {
    await this.connection
      .query('UPDATE llm_admissions SET tokens = $2, running = false WHERE id = $1', [
        id,
        actualTokens,
      ])
      .catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Could not settle an LLM call admission'),
      );
  }
}
