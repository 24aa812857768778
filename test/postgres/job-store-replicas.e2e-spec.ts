import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { POSTGRES_DEFAULTS } from '../../src/config/app-config';
import { PostgresContextStore } from '../../src/context/store/postgres-context.store';
import { PostgresContextWriter } from '../../src/context/store/postgres-context.writer';
import { buildDataSourceOptions } from '../../src/database/data-source-options';
import { DatabaseConnection, PostgresConnection } from '../../src/database/database-connection';
import { JOB_EVENTS_CHANNEL } from '../../src/orchestrator/jobs/events/job-events-channel';
import { PostgresJobStore } from '../../src/orchestrator/jobs/store/postgres-job.store';
import { contextRecord, jobRecord } from '../helpers/job-records';
import { createTestDatabase, dropTestDatabase } from '../helpers/postgres';

/** One service replica: its own pool on the shared database, its own stores. */
interface Replica {
  dataSource: DataSource;
  jobs: PostgresJobStore;
  contexts: PostgresContextStore;
}

async function startReplica(url: string): Promise<Replica> {
  const dataSource = await new DataSource({
    ...buildDataSourceOptions({ type: 'postgres', url, ...POSTGRES_DEFAULTS }),
    migrationsRun: false,
  }).initialize();
  const connection = DatabaseConnection.of(dataSource);
  if (!(connection instanceof PostgresConnection)) throw new Error('Not a Postgres data source');
  const writer = new PostgresContextWriter();
  return {
    dataSource,
    jobs: new PostgresJobStore(connection, writer),
    contexts: new PostgresContextStore(connection, writer),
  };
}

const job = jobRecord;
const context = contextRecord;

/**
 * Two replicas (two pools, two job stores) on one Postgres database: claims, leases,
 * conditional writes and the per-client limit stay right when they race.
 */
describe('PostgresJobStore on two replicas', () => {
  let url: string;
  let a: Replica;
  let b: Replica;

  beforeAll(async () => {
    url = await createTestDatabase();
    [a, b] = await Promise.all([startReplica(url), startReplica(url)]);
  });
  afterAll(async () => {
    await Promise.all([a?.dataSource.destroy(), b?.dataSource.destroy()]);
    await dropTestDatabase(url);
  });

  it('never lets two claims take the same job', async () => {
    const ids = Array.from({ length: 60 }, (_, i) => `race-${String(i).padStart(2, '0')}`);
    for (const id of ids) await a.jobs.create(job(id), context(id));
    // Eight claim loops per replica, all at once, until nothing is left to claim.
    const loop = async (replica: Replica, owner: string) => {
      const taken: string[] = [];
      for (;;) {
        const claimed = await replica.jobs.claim({ owner, now: new Date(), leaseMs: 600_000 });
        if (!claimed) return taken;
        taken.push(claimed.job.id);
      }
    };
    const owners = ['a', 'b'].flatMap((name) => Array.from({ length: 8 }, (_, i) => `${name}${i}`));
    const takes = await Promise.all(
      owners.map((owner) => loop(owner.startsWith('a') ? a : b, owner)),
    );
    const all = takes.flat();
    expect(all.sort()).toEqual(ids);
    // Both replicas got work, and each job's lease is held by the owner that claimed it.
    expect(takes.slice(0, 8).flat().length).toBeGreaterThan(0);
    expect(takes.slice(8).flat().length).toBeGreaterThan(0);
    for (const [i, taken] of takes.entries()) {
      for (const id of taken) expect((await b.jobs.get(id))?.leaseOwner).toBe(owners[i]);
    }
  });

  it('lets the other replica take a job over once its lease expired, and the first loses it', async () => {
    await a.jobs.create(job('lease'), context('lease'));
    const first = await a.jobs.claim({ owner: 'a', now: new Date(), leaseMs: 300 });
    expect(first?.job.id).toBe('lease');
    expect(await b.jobs.claim({ owner: 'b', now: new Date(), leaseMs: 60_000 })).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 400));
    const taken = await b.jobs.claim({ owner: 'b', now: new Date(), leaseMs: 60_000 });
    expect(taken?.job).toMatchObject({ id: 'lease', leaseOwner: 'b', version: 3 });
    expect(await a.jobs.renewLease('lease', 'a', new Date(Date.now() + 60_000))).toBe(false);
    const late = await a.jobs.write({
      jobId: 'lease',
      expect: { statuses: ['running'], leaseOwner: 'a' },
      set: { currentStep: 1 },
      events: [{ type: 'step_succeeded', data: { step: 0 } }],
    });
    expect(late).toBeUndefined();
    expect((await b.jobs.events('lease')).map((event) => event.type)).toEqual(['job_created']);
  });

  it('lets exactly one of an approval and a rejection racing on two replicas win', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => `decide-${i}`);
    for (const id of ids) {
      await a.jobs.create(job(id, { status: 'waiting_approval' }), context(id));
    }
    const decide = (replica: Replica, jobId: string, approve: boolean) =>
      replica.jobs.write({
        jobId,
        expect: { statuses: ['waiting_approval'], version: 1 },
        set: { status: approve ? 'queued' : 'cancelled' },
        context: { status: approve ? 'queued' : 'cancelled' },
        events: [{ type: approve ? 'approved' : 'rejected', data: { step: 0 } }],
      });
    for (const id of ids) {
      const [approved, rejected] = await Promise.all([decide(a, id, true), decide(b, id, false)]);
      expect([approved, rejected].filter(Boolean)).toHaveLength(1);
      const stored = await a.jobs.get(id);
      expect(stored?.version).toBe(2);
      expect(stored?.status).toBe(approved ? 'queued' : 'cancelled');
      const types = (await b.jobs.events(id)).map((event) => event.type);
      expect(types).toEqual(['job_created', approved ? 'approved' : 'rejected']);
      const entry = await b.contexts.find(id);
      expect(entry).toMatchObject({ version: 2, contextData: { status: stored?.status } });
    }
  });

  it('never lets concurrent submissions of one client pass its limit', async () => {
    const submit = (replica: Replica, i: number) =>
      replica.jobs.create(job(`limited-${i}`, { client: 'key:busy' }), context(`limited-${i}`), 5);
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, (_, i) => submit(i % 2 === 0 ? a : b, i)),
    );
    expect(outcomes.filter((outcome) => outcome === 'created')).toHaveLength(5);
    expect(outcomes.filter((outcome) => outcome === 'queue_full')).toHaveLength(25);
    expect(await a.jobs.activeOfClient('key:busy')).toBe(5);
    // Another client is not held up by this one's limit.
    expect(await b.jobs.create(job('other', { client: 'key:calm' }), context('other'), 5)).toBe(
      'created',
    );
  });

  it('numbers the checkpoints of concurrent writes on two replicas 1, 2, 3…', async () => {
    await a.jobs.create(job('cp', { status: 'waiting_approval' }), context('cp'));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? a : b).jobs.write({
          jobId: 'cp',
          expect: {},
          set: {},
          checkpoint: { stepIndex: i, state: { i } },
        }),
      ),
    );
    const checkpoints = await a.jobs.checkpoints('cp');
    expect(checkpoints.map((checkpoint) => checkpoint.seq)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect((await b.jobs.get('cp'))?.version).toBe(21);
  });

  it('lands every merge patch of two replicas on one context entry', async () => {
    await a.contexts.insert(context('merged'));
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? a : b).contexts.mergePatch('merged', { [`k${i}`]: i }, new Date()),
      ),
    );
    const entry = await b.contexts.find('merged');
    expect(entry?.version).toBe(21);
    expect(Object.keys(entry?.contextData ?? {})).toHaveLength(20);
  });

  it('notifies the job events channel with the job id and its last event id when events commit, not before', async () => {
    const listener = new Client({ connectionString: url });
    await listener.connect();
    try {
      const heard: string[] = [];
      listener.on('notification', (message) => {
        if (message.channel === JOB_EVENTS_CHANNEL) heard.push(message.payload ?? '');
      });
      await listener.query(`LISTEN ${JOB_EVENTS_CHANNEL}`);
      await a.jobs.create(job('notified', { status: 'waiting_approval' }), context('notified'));
      // A write without events notifies nothing; a failed expectation neither.
      await b.jobs.write({ jobId: 'notified', expect: {}, set: { currentStep: 0 } });
      await b.jobs.write({
        jobId: 'notified',
        expect: { version: 1 },
        set: {},
        events: [{ type: 'approved', data: {} }],
      });
      await b.jobs.write({
        jobId: 'notified',
        expect: {},
        set: {},
        events: [
          { type: 'approved', data: {} },
          { type: 'step_started', data: {} },
        ],
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      // `<job id> <last event id>`: the job created, then the write of two events.
      const ids = (await a.jobs.events('notified')).map((event) => event.id);
      expect(ids).toHaveLength(3);
      expect(heard).toEqual([`notified ${ids[0]}`, `notified ${ids[2]}`]);
    } finally {
      await listener.end();
    }
  });
  it("tells each write the id of the job's event before its own, whichever replica wrote it", async () => {
    await a.jobs.create(job('preceded', { status: 'waiting_approval' }), context('preceded'));
    const [created] = await a.jobs.events('preceded');
    const first = await b.jobs.write({
      jobId: 'preceded',
      expect: {},
      set: {},
      events: [
        { type: 'approved', data: {} },
        { type: 'step_started', data: {} },
      ],
    });
    const second = await a.jobs.write({
      jobId: 'preceded',
      expect: {},
      set: {},
      events: [{ type: 'step_started', data: {} }],
    });
    expect(first?.precededBy).toBe(created.id);
    expect(second?.precededBy).toBe(first?.events[1].id);
    expect((await b.jobs.events('preceded')).map((event) => event.id)).toEqual([
      created.id,
      ...(first?.events ?? []).map((event) => event.id),
      ...(second?.events ?? []).map((event) => event.id),
    ]);
  });
});
