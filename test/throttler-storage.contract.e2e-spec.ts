import type { ThrottlerStorage } from '@nestjs/throttler';
import { setTimeout as sleep } from 'node:timers/promises';
import { FixedWindowThrottlerStorage } from '../src/common/throttling/fixed-window-throttler.storage';
import { PostgresThrottlerStorage } from '../src/common/throttling/postgres-throttler.storage';
import { testEngine } from './helpers/postgres';
import { replicaConnections } from './helpers/postgres-connections';

type Storage = ThrottlerStorage & { onModuleDestroy(): unknown };

interface Opened {
  /** Two storages counting together (two replicas). */
  storages: [Storage, Storage];
  /** Deletes ended windows. */
  sweep(): Promise<unknown>;
  /** Windows kept. */
  size(): Promise<number>;
  close(): Promise<void>;
}

interface Backend {
  name: string;
  open(): Promise<Opened>;
}

const inMemory: Backend = {
  name: 'FixedWindowThrottlerStorage',
  // One process: both "replicas" are the one storage.
  open: async () => {
    const storage = new FixedWindowThrottlerStorage();
    return {
      storages: [storage, storage],
      sweep: async () => storage.sweep(Date.now()),
      size: async () => storage.size,
      close: async () => storage.onModuleDestroy(),
    };
  },
};

const postgres: Backend = {
  name: 'PostgresThrottlerStorage',
  open: async () => {
    const replicas = await replicaConnections(2);
    const [first, second] = replicas.connections;
    const storages: [PostgresThrottlerStorage, PostgresThrottlerStorage] = [
      new PostgresThrottlerStorage(first),
      new PostgresThrottlerStorage(second),
    ];
    return {
      storages,
      sweep: () => storages[1].sweep(),
      size: async () =>
        (await first.query<{ n: number }>('SELECT count(*) AS n FROM rate_limit_counters')).rows[0]
          .n,
      close: async () => {
        for (const storage of storages) await storage.onModuleDestroy();
        await replicas.close();
      },
    };
  },
};

/** `npm test` checks the in-memory storage; `npm run test:pg` the Postgres one too. */
const backends = testEngine() === 'postgres' ? [inMemory, postgres] : [inMemory];

/** What every rate-limit storage does, with real time (short windows where one must end). */
describe.each(backends.map((backend) => [backend.name, backend] as const))(
  '%s (contract)',
  (_name, backend) => {
    let opened: Opened;
    let storages: [Storage, Storage];
    let keyNumber = 0;
    /** A client of its own per test. */
    let client: string;

    beforeAll(async () => {
      opened = await backend.open();
      storages = opened.storages;
    });
    afterAll(() => opened.close());
    beforeEach(() => {
      keyNumber += 1;
      client = `ip:10.0.0.${keyNumber}`;
    });

    const hit = (storage = storages[0], ttl = 60_000, limit = 3, key = client, name = 'default') =>
      storage.increment(key, ttl, limit, ttl, name);

    it('counts hits and blocks past the limit until the window ends', async () => {
      expect(await hit()).toEqual({
        totalHits: 1,
        timeToExpire: 60,
        isBlocked: false,
        timeToBlockExpire: 0,
      });
      await hit();
      expect((await hit()).isBlocked).toBe(false);
      const blocked = await hit();
      expect(blocked).toMatchObject({ totalHits: 4, isBlocked: true });
      expect(blocked.timeToExpire).toBeGreaterThanOrEqual(59);
      expect(blocked.timeToBlockExpire).toBe(blocked.timeToExpire);
    });

    it('starts a fresh window once the old one ends', async () => {
      for (let i = 0; i < 5; i++) await hit(storages[0], 300);
      expect((await hit(storages[0], 300)).isBlocked).toBe(true);
      await sleep(350);
      expect(await hit(storages[0], 300)).toMatchObject({ totalHits: 1, isBlocked: false });
    });

    it('keeps clients and throttlers apart', async () => {
      for (let i = 0; i < 4; i++) await hit();
      expect((await hit(storages[0], 60_000, 3, `${client}:other`)).totalHits).toBe(1);
      expect((await hit(storages[0], 1000, 10, client, 'command')).totalHits).toBe(1);
    });

    it('counts concurrent hits exactly once each', async () => {
      const records = await Promise.all(
        Array.from({ length: 40 }, () => hit(storages[0], 60_000, 30)),
      );
      const totals = records.map((record) => record.totalHits).sort((a, b) => a - b);
      expect(totals).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
      expect(records.filter((record) => record.isBlocked)).toHaveLength(10);
    });

    it('counts one client on two replicas against one allowance', async () => {
      const [a, b] = storages;
      const records = await Promise.all(
        Array.from({ length: 20 }, (_, i) => hit(i % 2 === 0 ? a : b, 60_000, 12)),
      );
      expect(records.map((record) => record.totalHits).sort((x, y) => x - y)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      expect(records.filter((record) => record.isBlocked)).toHaveLength(8);
      expect(await hit(b, 60_000, 12)).toMatchObject({ totalHits: 21, isBlocked: true });
    });

    it('forgets ended windows when it sweeps, and keeps the others', async () => {
      await hit(storages[0], 100, 3, `${client}:short`);
      await hit(storages[0], 60_000, 3, `${client}:long`);
      await sleep(150);
      const before = await opened.size();
      await opened.sweep();
      expect(await opened.size()).toBeLessThan(before);
      expect((await hit(storages[1], 60_000, 3, `${client}:long`)).totalHits).toBe(2);
    });
  },
);
