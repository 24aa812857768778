import { randomUUID } from 'node:crypto';
import type { PostgresConnection } from '../../src/database/database-connection';
import { PostgresOutboxClaims } from '../../src/agents/email/send-limits/outbox-claims';
import { PostgresSendPacer } from '../../src/agents/email/send-limits/send-pacer';
import { utcDayStart } from '../../src/agents/email/utils/daily-limit.util';
import { replicaConnections } from '../helpers/postgres-connections';

/** EMAIL_DAILY_LIMIT and EMAIL_PACING_MS held by three replicas sending from one database. */
describe('email daily limit and pacing across replicas (Postgres)', () => {
  let replicas: Awaited<ReturnType<typeof replicaConnections>>;
  let connections: PostgresConnection[];

  beforeAll(async () => {
    replicas = await replicaConnections(3);
    connections = replicas.connections;
  });
  afterAll(() => replicas.close());

  /** Approved messages of one job, ready to be taken for sending; their ids. */
  async function approvedMessages(count: number): Promise<string[]> {
    const ids = Array.from({ length: count }, () => randomUUID());
    const now = new Date();
    for (const [i, id] of ids.entries()) {
      await connections[0].query(
        'INSERT INTO outbox_messages (id, job_id, step_key, prospect_id, to_address, subject, ' +
          "body, status, created_at, updated_at) VALUES ($1, 'job', $2, $3, $4, 'Hi', 'Hello', " +
          "'approved', $5, $5)",
        [id, `job:${id}`, `p-${i}`, `p${i}@beta.example`, now],
      );
    }
    return ids;
  }

  it('lets 10 racing claims on 3 replicas take exactly the 3 messages the limit allows', async () => {
    for (let round = 0; round < 5; round++) {
      await connections[0].query('DELETE FROM outbox_messages');
      const ids = await approvedMessages(10);
      const claimers = connections.map((connection) => new PostgresOutboxClaims(connection));
      const dayStart = utcDayStart(new Date());
      const claimed = await Promise.all(
        ids.map((id, i) =>
          claimers[i % 3].claim({
            id,
            sendKey: `job:2:p-${i}`,
            messageId: `<${id}@zigral.example>`,
            now: new Date(),
            dayStart,
            dailyLimit: 3,
          }),
        ),
      );
      expect(claimed.filter(Boolean)).toHaveLength(3);
      const { rows } = await connections[1].query<{ status: string; n: number }>(
        'SELECT status, count(*) AS n FROM outbox_messages GROUP BY status ORDER BY status',
      );
      expect(rows).toEqual([
        { status: 'approved', n: 7 },
        { status: 'sending', n: 3 },
      ]);
    }
  });

  it('counts messages sent today, and takes a message only once', async () => {
    await connections[0].query('DELETE FROM outbox_messages');
    const [sent, first, second] = await approvedMessages(3);
    await connections[0].query(
      "UPDATE outbox_messages SET status = 'sent', sent_at = $2 WHERE id = $1",
      [sent, new Date()],
    );
    const claims = new PostgresOutboxClaims(connections[2]);
    const input = (id: string) => ({
      id,
      sendKey: `k:${id}`,
      messageId: `<${id}@zigral.example>`,
      now: new Date(),
      dayStart: utcDayStart(new Date()),
      dailyLimit: 2,
    });
    expect(await claims.claim(input(first))).toBe(true);
    expect(await claims.claim(input(first))).toBe(false);
    expect(await claims.claim(input(second))).toBe(false);
  });

  it("lets racing touches of two sequences on 3 replicas take only each sequence's cap", async () => {
    for (let round = 0; round < 3; round++) {
      await connections[0].query('DELETE FROM outbox_messages');
      const ids = await approvedMessages(12);
      // Even messages are touches of seq-a (cap 2), odd ones of seq-b (cap 3); a job's sent
      // message of today counts towards the global limit only.
      for (const [i, id] of ids.entries()) {
        await connections[0].query(
          'UPDATE outbox_messages SET sequence_id = $2, enrollment_id = $3, touch_index = 0 ' +
            'WHERE id = $1',
          [id, i % 2 === 0 ? 'seq-a' : 'seq-b', `enr-${i}`],
        );
      }
      const claimers = connections.map((connection) => new PostgresOutboxClaims(connection));
      const dayStart = utcDayStart(new Date());
      const claimed = await Promise.all(
        ids.map((id, i) =>
          claimers[i % 3].claim({
            id,
            sendKey: `enr-${i}:0`,
            messageId: `<${id}@zigral.example>`,
            now: new Date(),
            dayStart,
            dailyLimit: 100,
            sequenceCap: {
              sequenceId: i % 2 === 0 ? 'seq-a' : 'seq-b',
              limit: i % 2 === 0 ? 2 : 3,
            },
          }),
        ),
      );
      expect(claimed.filter(Boolean)).toHaveLength(5);
      const { rows } = await connections[1].query<{ sequence_id: string; n: number }>(
        "SELECT sequence_id, count(*) AS n FROM outbox_messages WHERE status = 'sending' " +
          'GROUP BY sequence_id ORDER BY sequence_id',
      );
      expect(rows).toEqual([
        { sequence_id: 'seq-a', n: 2 },
        { sequence_id: 'seq-b', n: 3 },
      ]);
    }
  });

  it('gives senders on 3 replicas slots EMAIL_PACING_MS apart, in one queue', async () => {
    // Long enough that the moments the nine statements run (tens of ms apart under load) do
    // not blur the slots; nobody sleeps for them.
    const pacing = 1000;
    const pacers = connections.map((connection) => new PostgresSendPacer(connection));
    await connections[0].query('DELETE FROM email_pacing'); // no row yet: the first upsert adds it
    const waits = await Promise.all(
      Array.from({ length: 9 }, (_, i) => pacers[i % 3].reserveSlot(pacing)),
    );
    const sorted = [...waits].sort((a, b) => a - b);
    sorted.forEach((wait, k) => {
      // Slot k is k pacings after the first, less how much later its statement's now() was.
      // That now() is its transaction's start: one that started first but waited for the row
      // lock comes out a few ms above k pacings (seen: 2002 ms for k = 2).
      expect(wait).toBeLessThan(k * pacing + pacing / 2);
      expect(wait).toBeGreaterThan(k * pacing - pacing / 2);
    });
    const { rows } = await connections[1].query<{ ahead: number }>(
      'SELECT extract(epoch FROM next_slot_at - now())::float8 * 1000 AS ahead FROM email_pacing',
    );
    expect(rows[0].ahead).toBeGreaterThan(8 * pacing);
    expect(rows[0].ahead).toBeLessThanOrEqual(9 * pacing);
    expect(await pacers[2].reserveSlot(0)).toBe(0); // no pacing: no slot taken
  });
});
