import { EventEmitter } from 'node:events';
import {
  ListenClient,
  PostgresNotificationListener,
  RECONNECT_POLICY,
} from './postgres-notifications';

class FakeClient extends EventEmitter {
  readonly connect = jest.fn(() =>
    this.refused ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve(),
  );
  readonly query = jest.fn(() => Promise.resolve({}));
  readonly end = jest.fn(() => Promise.resolve());

  constructor(private readonly refused: boolean) {
    super();
  }
}

function setup() {
  const clients: FakeClient[] = [];
  let refuse = false;
  const notified: string[] = [];
  const connected = jest.fn();
  const logger = { warn: jest.fn(), log: jest.fn() };
  const listener = new PostgresNotificationListener(
    'zigral_test',
    () => {
      const client = new FakeClient(refuse);
      clients.push(client);
      return client as unknown as ListenClient;
    },
    { notified: (payload) => notified.push(payload), connected },
    logger,
    { ...RECONNECT_POLICY, jitter: 0 },
  );
  return { listener, clients, notified, connected, logger, refuse: (on: boolean) => (refuse = on) };
}

describe('PostgresNotificationListener', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('hands over the payloads of its channel only', async () => {
    const { listener, clients, notified, connected } = setup();
    await listener.start();
    expect(clients[0].query).toHaveBeenCalledWith('LISTEN zigral_test');
    expect(connected).toHaveBeenCalledTimes(1);
    clients[0].emit('notification', { channel: 'zigral_test', payload: 'job-1', processId: 1 });
    clients[0].emit('notification', { channel: 'other', payload: 'job-2', processId: 1 });
    expect(notified).toEqual(['job-1']);
    await listener.stop();
  });

  it('reconnects with backoff while refused, and reports when it listens again', async () => {
    const { listener, clients, connected, refuse } = setup();
    await listener.start();
    refuse(true);
    clients[0].emit('error', new Error('server closed the connection unexpectedly'));
    expect(listener.listening).toBe(false);
    const made: number[] = [];
    for (const wait of [499, 1, 999, 1, 1999, 1]) {
      await jest.advanceTimersByTimeAsync(wait);
      made.push(clients.length);
    }
    // 500 ms, then 1 s, then 2 s: one connection each, refused.
    expect(made).toEqual([1, 2, 2, 3, 3, 4]);
    refuse(false);
    await jest.advanceTimersByTimeAsync(4000);
    expect(clients).toHaveLength(5);
    expect(listener.listening).toBe(true);
    expect(connected).toHaveBeenCalledTimes(2);
    // Once listening again, the backoff starts over.
    clients[4].emit('end');
    await jest.advanceTimersByTimeAsync(500);
    expect(clients).toHaveLength(6);
    await listener.stop();
  });

  it('makes no connection after stop, and ends the one it has', async () => {
    const { listener, clients } = setup();
    await listener.start();
    clients[0].emit('end');
    await listener.stop();
    await jest.advanceTimersByTimeAsync(60_000);
    expect(clients).toHaveLength(1);
    const other = setup();
    await other.listener.start();
    await other.listener.stop();
    expect(other.clients[0].end).toHaveBeenCalled();
  });
});
