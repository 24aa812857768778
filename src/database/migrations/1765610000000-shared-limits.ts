import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The counters several replicas on one Postgres database share, so each limit holds for all of
 * them together (docs/postgres.md). On SQLite (one process) the limits are counted in memory and
 * this migration does nothing.
 *
 * - `rate_limit_counters`: one fixed window per client and throttler (RATE_LIMIT,
 *   COMMAND_RATE_LIMIT), one upsert per request;
 * - `llm_admissions`: the LLM calls admitted in the last minute (LLM_RPM, LLM_TPM) and those still
 *   running (JOB_TOKEN_BUDGET counts their estimates); `llm_pacing`: the pause a provider's 429
 *   asked for;
 * - `email_pacing`: when the next message may go out (EMAIL_PACING_MS).
 *
 * All but `email_pacing` are UNLOGGED: no WAL, so cheap to write on every request, and emptied
 * after a crash of the server, which only forgets the current minute. Every write is an upsert,
 * so an emptied table needs no seed row.
 */
export class SharedLimits1765610000000 implements MigrationInterface {
  name = 'SharedLimits1765610000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "rate_limit_counters" (' +
        '"key" text PRIMARY KEY, "hits" integer NOT NULL, "window_ends_at" timestamptz NOT NULL)',
    );
    // The periodic clean-up deletes ended windows by this index.
    await queryRunner.query(
      'CREATE INDEX "IDX_rate_limit_counters_window_ends_at" ON "rate_limit_counters" ("window_ends_at")',
    );
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "llm_admissions" (' +
        '"id" bigserial PRIMARY KEY, "admitted_at" timestamptz NOT NULL, ' +
        '"tokens" integer NOT NULL, "job_id" varchar(128) NULL, "running" boolean NOT NULL)',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_llm_admissions_admitted_at" ON "llm_admissions" ("admitted_at")',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_llm_admissions_running_job" ON "llm_admissions" ("job_id") WHERE "running"',
    );
    await queryRunner.query(
      'CREATE UNLOGGED TABLE "llm_pacing" (' +
        '"id" smallint PRIMARY KEY CHECK ("id" = 1), "paused_until" timestamptz NOT NULL)',
    );
    await queryRunner.query(
      'CREATE TABLE "email_pacing" (' +
        '"id" smallint PRIMARY KEY CHECK ("id" = 1), "next_slot_at" timestamptz NOT NULL)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.options.type !== 'postgres') return;
    await queryRunner.query('DROP TABLE "email_pacing"');
    await queryRunner.query('DROP TABLE "llm_pacing"');
    await queryRunner.query('DROP TABLE "llm_admissions"');
    await queryRunner.query('DROP TABLE "rate_limit_counters"');
  }
}
