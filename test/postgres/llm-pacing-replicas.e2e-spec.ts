import { Logger } from '@nestjs/common';
import type { PostgresConnection } from '../../src/database/database-connection';
import {
  BudgetUsedUpError,
  LimiterBusyError,
  LimiterLimits,
  LlmReservation,
} from '../../src/orchestrator/llm/pacing/llm-rate-limiter';
import { PostgresLlmRateLimiter } from '../../src/orchestrator/llm/pacing/postgres-llm-rate-limiter';
import { replicaConnections } from '../helpers/postgres-connections';

/** LLM_RPM, LLM_TPM and JOB_TOKEN_BUDGET held by two replicas' limiters on one database. */
describe('LLM pacing and budgets across replicas (Postgres)', () => {
  let replicas: Awaited<ReturnType<typeof replicaConnections>>;
  let a: PostgresConnection;
  let b: PostgresConnection;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    replicas = await replicaConnections(2);
    [a, b] = replicas.connections;
  });
  afterAll(async () => {
    await replicas.close();
    Logger.overrideLogger(true);
  });
  beforeEach(async () => {
    await a.query('TRUNCATE llm_admissions, llm_pacing, llm_usage');
  });

  const limiters = (limits: Partial<LimiterLimits>) => {
    const all: LimiterLimits = {
      requestsPerMinute: 0,
      tokensPerMinute: 0,
      maxWaitMs: 0,
      ...limits,
    };
    return [new PostgresLlmRateLimiter(a, all), new PostgresLlmRateLimiter(b, all)] as const;
  };
  const outcomes = (results: PromiseSettledResult<LlmReservation>[]) =>
    results.map((result) =>
      result.status === 'fulfilled' ? 'admitted' : (result.reason as Error).constructor.name,
    );
  const record = (jobId: string, tokens: number) =>
    a.query(
      'INSERT INTO llm_usage (job_id, purpose, model, prompt_tokens, completion_tokens, ' +
        "latency_ms, outcome, created_at) VALUES ($1, 'score', 'gpt', $2, 0, 10, 'ok', $3)",
      [jobId, tokens, new Date()],
    );

  it('admits LLM_RPM calls a minute across both replicas, racing, and no more', async () => {
    const [first, second] = limiters({ requestsPerMinute: 3 });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => (i % 2 === 0 ? first : second).acquire(10)),
    );
    const counted = outcomes(results);
    expect(counted.filter((outcome) => outcome === 'admitted')).toHaveLength(3);
    expect(counted.filter((outcome) => outcome === LimiterBusyError.name)).toHaveLength(5);
    const busy = results.find((result) => result.status === 'rejected')!;
    // The wait is until the first call leaves the window, about a minute.
    expect((busy as PromiseRejectedResult).reason.retryAfterMs).toBeGreaterThan(55_000);
  });

  it('counts tokens per minute across replicas, as settled', async () => {
    const [first, second] = limiters({ tokensPerMinute: 1000 });
    const call = await first.acquire(600);
    await expect(second.acquire(600)).rejects.toBeInstanceOf(LimiterBusyError);
    await call.settle(100);
    await expect(second.acquire(600)).resolves.toBeDefined();
    await expect(first.acquire(400)).rejects.toBeInstanceOf(LimiterBusyError);
  });

  it("holds the other replica's calls during a provider's pause", async () => {
    const [first, second] = limiters({ maxWaitMs: 5000 });
    await first.pauseFor(400);
    const started = Date.now();
    await second.acquire(1);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    const [, impatient] = limiters({ maxWaitMs: 0 });
    await first.pauseFor(10_000);
    await expect(impatient.acquire(1)).rejects.toBeInstanceOf(LimiterBusyError);
  });

  it("refuses a job's call once the shared ledger and its calls under way reach the budget", async () => {
    const [first, second] = limiters({});
    const job = { jobId: 'job-1', budget: 300 };
    await record('job-1', 200);
    const running = await first.acquire(100, job);
    await expect(second.acquire(50, job)).rejects.toEqual(new BudgetUsedUpError(200, 100));
    await expect(second.acquire(50, { jobId: 'job-2', budget: 300 })).resolves.toBeDefined();
    // The call used 40 tokens: the ledger has them, then the reservation is settled.
    await record('job-1', 40);
    await running.settle(40);
    await expect(second.acquire(50, job)).resolves.toBeDefined();
  });

  it("lets racing replicas take no more of a job's budget than is left", async () => {
    const [first, second] = limiters({});
    const job = { jobId: 'job-race', budget: 1000 };
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? first : second).acquire(400, job)),
    );
    const counted = outcomes(results);
    // 0, 400 and 800 reserved are under 1000; at 1200 the budget is used up.
    expect(counted.filter((outcome) => outcome === 'admitted')).toHaveLength(3);
    expect(counted.filter((outcome) => outcome === BudgetUsedUpError.name)).toHaveLength(7);
  });

  it('forgets calls that left the window, and running calls of a replica long gone', async () => {
    await a.query(
      'INSERT INTO llm_admissions (admitted_at, tokens, job_id, running) VALUES ' +
        "(now() - interval '2 minutes', 500, 'job-old', false), " +
        "(now() - interval '2 minutes', 500, 'job-old', true), " +
        "(now() - interval '20 minutes', 500, 'job-old', true)",
    );
    const [first] = limiters({ requestsPerMinute: 1 });
    await expect(first.acquire(1, { jobId: 'job-old', budget: 1001 })).resolves.toBeDefined();
    const { rows } = await a.query<{ running: boolean; old: boolean }>(
      "SELECT running, admitted_at < now() - interval '1 minute' AS old FROM llm_admissions " +
        'ORDER BY admitted_at',
    );
    // Kept: the call still running two minutes in (its estimate holds the budget), and the new one.
    expect(rows).toEqual([
      { running: true, old: true },
      { running: true, old: false },
    ]);
    // 500 and 1 reserved by running calls; the one of 20 minutes ago no longer counts.
    await expect(first.acquire(1, { jobId: 'job-old', budget: 501 })).rejects.toBeInstanceOf(
      BudgetUsedUpError,
    );
  });
});
