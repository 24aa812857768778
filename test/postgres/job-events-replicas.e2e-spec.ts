import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import type { PostgresConnection } from '../../src/database/database-connection';
import type { JobEvent } from '../../src/orchestrator/jobs/job.types';
import { JobEventsService } from '../../src/orchestrator/jobs/events/job-events.service';
import {
  JOB_EVENTS_CHANNEL,
  PostgresJobEventsBus,
} from '../../src/orchestrator/jobs/events/postgres-job-events.bus';
import type { JobStore } from '../../src/orchestrator/jobs/store/job-store';
import { replicaConnections } from '../helpers/postgres-connections';

/**
 * Live job events across two replicas of one database, without the app: replica A commits events
 * and notifies as the job store does; replica B follows the job through its bus.
 */

/** The part of the job store the bus reads: a job's events after an id, oldest first. */
function eventsReader(connection: PostgresConnection): JobStore {
  const events = async (jobId: string, afterId = 0): Promise<JobEvent[]> => {
    const { rows } = await connection.query<{
      id: number;
      job_id: string;
      type: string;
      data: string;
      created_at: Date;
    }>(
      'SELECT id, job_id, type, data, created_at FROM job_events ' +
        'WHERE job_id = $1 AND id > $2 ORDER BY id',
      [jobId, afterId],
    );
    return rows.map((row) => ({
      id: row.id,
      jobId: row.job_id,
      type: row.type,
      data: JSON.parse(row.data) as Record<string, unknown>,
      createdAt: row.created_at,
    }));
  };
  return { events } as unknown as JobStore;
}

/** Commits events of a job in one transaction that notifies, as the Postgres job store does. */
async function commitEvents(
  connection: PostgresConnection,
  jobId: string,
  types: string[],
): Promise<number[]> {
  return connection.transaction(async (tx) => {
    const ids: number[] = [];
    for (const type of types) {
      const { rows } = await tx.query<{ id: number }>(
        'INSERT INTO job_events (job_id, type, data, created_at) VALUES ($1, $2, $3, $4) RETURNING id',
        [jobId, type, JSON.stringify({ type }), new Date()],
      );
      ids.push(rows[0].id);
    }
    await tx.query('SELECT pg_notify($1, $2)', [JOB_EVENTS_CHANNEL, jobId]);
    return ids;
  });
}

async function until(check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
}

describe('job events across replicas (Postgres)', () => {
  let replicas: Awaited<ReturnType<typeof replicaConnections>>;
  let writer: PostgresConnection;
  let bus: PostgresJobEventsBus;
  let events: JobEventsService;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    replicas = await replicaConnections(2);
    const [a, b] = replicas.connections;
    writer = a;
    const store = eventsReader(b);
    bus = new PostgresJobEventsBus(store, () => new Client(b.pool.options));
    events = new JobEventsService(store, bus);
    await bus.onModuleInit();
  });
  afterAll(async () => {
    await bus.onModuleDestroy();
    await replicas.close();
    Logger.overrideLogger(true);
  });

  it('hands a follower on one replica what another replica commits, in order, none twice', async () => {
    const [created] = await commitEvents(writer, 'job-a', ['job_created']);
    const received: number[] = [];
    const stop = await events.follow('job-a', (batch) => received.push(...batch.map((e) => e.id)));
    expect(received).toEqual([created]);
    const committed = [created];
    for (let i = 0; i < 20; i++) {
      committed.push(...(await commitEvents(writer, 'job-a', ['step_started', 'step_succeeded'])));
    }
    // Another job's events never reach this follower.
    await commitEvents(writer, 'job-b', ['job_created']);
    await until(() => received.length === committed.length);
    expect(received).toEqual(committed);
    stop();
  });

  it('ends the stream at job_finished', async () => {
    await commitEvents(writer, 'job-c', ['job_created']);
    const types: string[] = [];
    await events.follow('job-c', (batch) => types.push(...batch.map((e) => e.type)));
    await commitEvents(writer, 'job-c', ['step_started', 'job_finished']);
    await until(() => types.length === 3);
    await commitEvents(writer, 'job-c', ['step_started']);
    await sleep(200);
    expect(types).toEqual(['job_created', 'step_started', 'job_finished']);
  });

  it('delivers what committed while its LISTEN connection was down, once it is back', async () => {
    await commitEvents(writer, 'job-d', ['job_created']);
    const received: string[] = [];
    const stop = await events.follow('job-d', (batch) =>
      received.push(...batch.map((e) => e.type)),
    );
    // The server drops the listening connection (a restart, a failover, an idle timeout…).
    const { rows } = await writer.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1',
      [`LISTEN ${JOB_EVENTS_CHANNEL}`],
    );
    expect(rows).toHaveLength(1);
    await writer.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
    await until(() => !bus.listening);
    await commitEvents(writer, 'job-d', ['step_started']); // notified to no one
    await until(() => bus.listening);
    await until(() => received.length === 2);
    expect(received).toEqual(['job_created', 'step_started']);
    await commitEvents(writer, 'job-d', ['step_succeeded']);
    await until(() => received.length === 3);
    expect(received[2]).toBe('step_succeeded');
    stop();
  });
});
