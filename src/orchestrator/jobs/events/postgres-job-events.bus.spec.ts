import { EventEmitter } from 'node:events';
import { Logger } from '@nestjs/common';
import type { JobEvent } from '../job.types';
import type { JobStore } from '../store/job-store';
import { JobEventsService } from './job-events.service';
import { JOB_EVENTS_CHANNEL } from './job-events-channel';
import { PostgresJobEventsBus } from './postgres-job-events.bus';
import type { ListenClient } from './postgres-notifications';

const at = new Date('2026-01-02T03:04:05.678Z');
const event = (id: number, jobId = 'job-1'): JobEvent => ({
  id,
  jobId,
  type: 'step_started',
  data: {},
  createdAt: at,
});

/** A LISTEN connection the test drives: notices, failures. */
class FakeClient extends EventEmitter {
  readonly connect = jest.fn(() => Promise.resolve());
  readonly query = jest.fn(() => Promise.resolve({}));
  readonly end = jest.fn(() => Promise.resolve());

  /** A notice as stores send it (`<job id> <last event id>`), or of the job id alone. */
  notify(jobId: string, lastId?: number): void {
    const payload = lastId === undefined ? jobId : `${jobId} ${lastId}`;
    this.emit('notification', { channel: JOB_EVENTS_CHANNEL, payload, processId: 1 });
  }
}

/** The job store as replicas commit to it: reads see what committed, and can be held. */
class FakeStore {
  committed: JobEvent[] = [];
  reads = 0;
  concurrentReads = 0;
  maxConcurrentReads = 0;
  failNext = false;
  private gate: Promise<void> | undefined;
  private open: (() => void) | undefined;

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.gate = undefined;
    this.open?.();
  }

  commit(...events: JobEvent[]): JobEvent[] {
    this.committed.push(...events);
    return events;
  }

  events = async (jobId: string, afterId = 0): Promise<JobEvent[]> => {
    this.reads += 1;
    this.concurrentReads += 1;
    this.maxConcurrentReads = Math.max(this.maxConcurrentReads, this.concurrentReads);
    try {
      // What committed when the read started (a snapshot), even if more commits while it waits.
      const seen = this.committed.filter((e) => e.jobId === jobId && e.id > afterId);
      if (this.gate) await this.gate;
      if (this.failNext) {
        this.failNext = false;
        throw new Error('connection refused');
      }
      return seen;
    } finally {
      this.concurrentReads -= 1;
    }
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

async function setup() {
  const store = new FakeStore();
  const clients: FakeClient[] = [];
  const bus = new PostgresJobEventsBus(store as unknown as JobStore, () => {
    const client = new FakeClient();
    clients.push(client);
    return client as unknown as ListenClient;
  });
  const service = new JobEventsService(store as unknown as JobStore, bus);
  await bus.onModuleInit();
  const received: number[][] = [];
  const follow = (jobId = 'job-1') =>
    service.follow(jobId, (events) => received.push(events.map((e) => e.id)));
  return { store, clients, bus, service, received, follow };
}

beforeAll(() => Logger.overrideLogger(false));
afterAll(() => Logger.overrideLogger(true));

describe('PostgresJobEventsBus', () => {
  it('LISTENs on its own connection', async () => {
    const { clients, bus } = await setup();
    expect(clients).toHaveLength(1);
    expect(clients[0].query).toHaveBeenCalledWith(`LISTEN ${JOB_EVENTS_CHANNEL}`);
    expect(bus.listening).toBe(true);
    await bus.onModuleDestroy();
    expect(clients[0].end).toHaveBeenCalled();
  });

  it('delivers a commit once, whether its notice or the local publish comes first', async () => {
    const { store, clients, service, received, follow, bus } = await setup();
    store.commit(event(1));
    await follow();
    const mine = store.commit(event(2), event(3));
    service.publish(mine);
    clients[0].notify('job-1');
    await settle();
    clients[0].notify('job-1');
    await settle();
    expect(received).toEqual([[1], [2, 3]]);
    await bus.onModuleDestroy();
  });

  it('delivers what another replica committed, in order, before a later local commit', async () => {
    const { store, clients, service, received, follow, bus } = await setup();
    store.commit(event(1));
    await follow();
    // Another replica commits 5; its notice is still on the way when this one commits 6 and 7.
    store.commit(event(5));
    service.publish(store.commit(event(6), event(7)));
    await settle();
    clients[0].notify('job-1');
    await settle();
    expect(received).toEqual([[1], [5, 6, 7]]);
    await bus.onModuleDestroy();
  });

  it('reads a job one read at a time, once more when notified meanwhile, nothing twice', async () => {
    const { store, clients, received, follow, bus } = await setup();
    await follow();
    store.hold();
    store.commit(event(1));
    clients[0].notify('job-1');
    await settle();
    store.commit(event(2));
    clients[0].notify('job-1');
    clients[0].notify('job-1');
    store.commit(event(3));
    clients[0].notify('job-1');
    store.release();
    await settle();
    await settle();
    expect(store.maxConcurrentReads).toBe(1);
    expect(store.reads).toBe(3); // the past, the first notice, and one for the three meanwhile
    expect(received).toEqual([[1], [2, 3]]);
    await bus.onModuleDestroy();
  });

  it('holds live events while a follower reads the past, and hands none twice', async () => {
    const { store, clients, received, follow, bus } = await setup();
    store.commit(event(1), event(2));
    store.hold();
    const following = follow();
    store.commit(event(3));
    clients[0].notify('job-1');
    store.release();
    await following;
    await settle();
    expect(received.flat()).toEqual([1, 2, 3]);
    await bus.onModuleDestroy();
  });

  it('hands over its own commit without a read when the followers have the event before it', async () => {
    const { store, clients, service, received, follow, bus } = await setup();
    store.commit(event(1));
    await follow();
    const reads = store.reads;
    service.publish(store.commit(event(2), event(3)), 1);
    clients[0].notify('job-1', 3); // its own notice: nothing new for the followers here
    await settle();
    expect(received).toEqual([[1], [2, 3]]);
    expect(store.reads).toBe(reads);
    await bus.onModuleDestroy();
  });

  it('reads when the followers miss an event before its own commit (another replica wrote it)', async () => {
    const { store, clients, service, received, follow, bus } = await setup();
    store.commit(event(1));
    await follow();
    store.commit(event(5)); // another replica's commit, its notice still on the way
    service.publish(store.commit(event(6)), 5);
    await settle();
    clients[0].notify('job-1', 5);
    await settle();
    expect(received).toEqual([[1], [5, 6]]);
    await bus.onModuleDestroy();
  });

  it('reads on a notice of an event its followers do not have yet', async () => {
    const { store, clients, received, follow, bus } = await setup();
    store.commit(event(1));
    await follow();
    const reads = store.reads;
    store.commit(event(4));
    clients[0].notify('job-1', 4);
    await settle();
    expect(received).toEqual([[1], [4]]);
    expect(store.reads).toBe(reads + 1);
    await bus.onModuleDestroy();
  });

  it('reads no events for a job nobody here follows', async () => {
    const { store, clients, follow, bus } = await setup();
    await follow('job-1');
    const reads = store.reads;
    store.commit(event(1, 'job-2'));
    clients[0].notify('job-2');
    await settle();
    expect(store.reads).toBe(reads);
    await bus.onModuleDestroy();
  });

  it('stops reading for a follower that stopped, and after job_finished', async () => {
    const { store, clients, received, follow, bus } = await setup();
    const stop = await follow();
    stop();
    store.commit(event(1));
    clients[0].notify('job-1');
    await settle();
    expect(received).toEqual([]);
    expect(store.reads).toBe(1); // the past only
    await bus.onModuleDestroy();
  });

  describe('with lost connections and failed reads', () => {
    beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate'] }));
    afterEach(() => jest.useRealTimers());

    it('listens again after losing its connection, and reads what was missed meanwhile', async () => {
      const { store, clients, received, follow, bus } = await setup();
      store.commit(event(1));
      await follow();
      clients[0].emit('error', new Error('terminating connection due to administrator command'));
      expect(bus.listening).toBe(false);
      store.commit(event(2)); // its notice went nowhere
      await jest.advanceTimersByTimeAsync(1000);
      await settle();
      expect(clients).toHaveLength(2);
      expect(clients[1].query).toHaveBeenCalledWith(`LISTEN ${JOB_EVENTS_CHANNEL}`);
      expect(received).toEqual([[1], [2]]);
      clients[0].notify('job-1'); // the old connection is ignored
      store.commit(event(3));
      clients[1].notify('job-1');
      await settle();
      expect(received).toEqual([[1], [2], [3]]);
      await bus.onModuleDestroy();
    });

    it('reads a followed job again later when a read fails', async () => {
      const { store, clients, received, follow, bus } = await setup();
      await follow();
      store.commit(event(1));
      store.failNext = true;
      clients[0].notify('job-1');
      await settle();
      expect(received).toEqual([]);
      await jest.advanceTimersByTimeAsync(1500);
      await settle();
      expect(received).toEqual([[1]]);
      await bus.onModuleDestroy();
    });
  });
});
