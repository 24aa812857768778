import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { PostgresContextWriter } from '../../src/context/store/postgres-context.writer';
import type { PostgresConnection } from '../../src/database/database-connection';
import { JobEventsService } from '../../src/orchestrator/jobs/events/job-events.service';
import { JOB_EVENTS_CHANNEL } from '../../src/orchestrator/jobs/events/job-events-channel';
import { PostgresJobEventsBus } from '../../src/orchestrator/jobs/events/postgres-job-events.bus';
import type { JobStore } from '../../src/orchestrator/jobs/store/job-store';
import { PostgresJobStore } from '../../src/orchestrator/jobs/store/postgres-job.store';
import { jobRecord } from '../helpers/job-records';
import { replicaConnections } from '../helpers/postgres-connections';

/**
 * Live job events across two replicas of one database, without the app: replica A writes a job's
 * events through its PostgresJobStore (which notifies); replica B follows the job through its
 * bus and its own store.
 */

const storeOn = (connection: PostgresConnection) =>
  new PostgresJobStore(connection, new PostgresContextWriter());

const job = (id: string) => jobRecord(id, { objective: 'Follow across replicas' });

/** Creates a job on replica A (its `job_created` event); the event's id. */
async function createJob(store: JobStore, jobId: string): Promise<number> {
  const at = new Date();
  const context = {
    jobId,
    jobType: 'test',
    contextData: {},
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  expect(await store.create(job(jobId), context)).toBe('created');
  return (await store.events(jobId)).map((event) => event.id)[0];
}

/** One write of replica A appending events of these types; their ids. */
async function commitEvents(store: JobStore, jobId: string, types: string[]): Promise<number[]> {
  const written = await store.write({
    jobId,
    expect: {},
    set: {},
    events: types.map((type) => ({ type, data: { type } })),
  });
  return written!.events.map((event) => event.id);
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
  let admin: PostgresConnection;
  let writer: JobStore;
  let bus: PostgresJobEventsBus;
  let events: JobEventsService;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    replicas = await replicaConnections(2);
    const [a, b] = replicas.connections;
    admin = a;
    writer = storeOn(a);
    const store = storeOn(b);
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
    const created = await createJob(writer, 'job-a');
    const received: number[] = [];
    const stop = await events.follow('job-a', (batch) => received.push(...batch.map((e) => e.id)));
    expect(received).toEqual([created]);
    const committed = [created];
    for (let i = 0; i < 20; i++) {
      committed.push(...(await commitEvents(writer, 'job-a', ['step_started', 'step_succeeded'])));
    }
    // Another job's events never reach this follower.
    await createJob(writer, 'job-b');
    await until(() => received.length === committed.length);
    expect(received).toEqual(committed);
    stop();
  });

  it('ends the stream at job_finished', async () => {
    await createJob(writer, 'job-c');
    const types: string[] = [];
    await events.follow('job-c', (batch) => types.push(...batch.map((e) => e.type)));
    await commitEvents(writer, 'job-c', ['step_started', 'job_finished']);
    await until(() => types.length === 3);
    await commitEvents(writer, 'job-c', ['step_started']);
    await sleep(200);
    expect(types).toEqual(['job_created', 'step_started', 'job_finished']);
  });

  it('delivers what committed while its LISTEN connection was down, once it is back', async () => {
    await createJob(writer, 'job-d');
    const received: string[] = [];
    const stop = await events.follow('job-d', (batch) =>
      received.push(...batch.map((e) => e.type)),
    );
    // The server drops the listening connection (a restart, a failover, an idle timeout…).
    const { rows } = await admin.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = $1',
      [`LISTEN ${JOB_EVENTS_CHANNEL}`],
    );
    expect(rows).toHaveLength(1);
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
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
