import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource, Repository } from 'typeorm';
import { buildDataSourceOptions } from '../../../database/data-source-options';
import { OutboxMessageEntity, OutboxStatus } from '../outbox-message.entity';
import { utcDayStart } from '../utils/daily-limit.util';
import { ClaimInput, TypeOrmOutboxClaims } from './outbox-claims';

/** The SQLite claim on a real, migrated database file: the daily limit and a sequence's cap. */
describe('TypeOrmOutboxClaims', () => {
  const now = new Date('2026-03-10T15:00:00.000Z');
  const yesterday = new Date('2026-03-09T23:59:00.000Z');
  let dir: string;
  let dataSource: DataSource;
  let messages: Repository<OutboxMessageEntity>;
  let claims: TypeOrmOutboxClaims;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zigral-claims-'));
    const options = buildDataSourceOptions({ type: 'sqlite', path: join(dir, 'db.sqlite') });
    dataSource = await new DataSource({ ...options, entities: [OutboxMessageEntity] }).initialize();
    messages = dataSource.getRepository(OutboxMessageEntity);
    claims = new TypeOrmOutboxClaims(messages);
  });
  afterAll(async () => {
    await dataSource.destroy();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => messages.clear());

  /** One outbox row; a touch of `sequenceId` when given. */
  async function message(
    change: { status?: OutboxStatus; sequenceId?: string; sentAt?: Date; updatedAt?: Date } = {},
  ): Promise<string> {
    const id = randomUUID();
    await messages.insert({
      id,
      jobId: 'job',
      stepKey: `step:${id}`,
      prospectId: `p-${id}`,
      to: `${id}@beta.example`,
      name: null,
      subject: 'Hi',
      body: 'Hello',
      status: change.status ?? 'approved',
      reason: null,
      sendKey: null,
      messageId: null,
      enrollmentId: change.sequenceId ? `enr-${id}` : null,
      touchIndex: change.sequenceId ? 0 : null,
      sequenceId: change.sequenceId ?? null,
      inReplyTo: null,
      threadReferences: null,
      createdAt: yesterday,
      updatedAt: change.updatedAt ?? now,
      sentAt: change.sentAt ?? null,
    });
    return id;
  }

  const claim = (id: string, change: Partial<ClaimInput> = {}) =>
    claims.claim({
      id,
      sendKey: `key:${id}`,
      messageId: `<${id}@zigral.example>`,
      now,
      dayStart: utcDayStart(now),
      dailyLimit: 100,
      ...change,
    });

  it("holds a sequence's cap: its messages sent or being sent today count, others do not", async () => {
    const cap = { sequenceId: 'seq-a', limit: 3 };
    await message({ status: 'sent', sequenceId: 'seq-a', sentAt: now });
    await message({ status: 'sending', sequenceId: 'seq-a', updatedAt: now });
    // Yesterday's, another sequence's and a job's messages leave seq-a's count at 2.
    await message({ status: 'sent', sequenceId: 'seq-a', sentAt: yesterday });
    await message({ status: 'sent', sequenceId: 'seq-b', sentAt: now });
    await message({ status: 'sent', sentAt: now });
    const [third, fourth] = [
      await message({ sequenceId: 'seq-a' }),
      await message({ sequenceId: 'seq-a' }),
    ];
    expect(await claim(third, { sequenceCap: cap })).toBe(true);
    expect(await claim(fourth, { sequenceCap: cap })).toBe(false);
    const taken = await messages.findOneByOrFail({ id: third });
    expect(taken).toMatchObject({ status: 'sending', sendKey: `key:${third}`, updatedAt: now });
    expect((await messages.findOneByOrFail({ id: fourth })).status).toBe('approved');
    // Another sequence, and a job's message, are not held by seq-a's cap.
    const other = await message({ sequenceId: 'seq-b' });
    expect(await claim(other, { sequenceCap: { sequenceId: 'seq-b', limit: 2 } })).toBe(true);
    expect(await claim(await message())).toBe(true);
  });

  it('holds the global daily limit over every sequence and job together', async () => {
    await message({ status: 'sent', sequenceId: 'seq-a', sentAt: now });
    await message({ status: 'sent', sentAt: now });
    const touch = await message({ sequenceId: 'seq-b' });
    const cap = { sequenceId: 'seq-b', limit: 10 };
    expect(await claim(touch, { dailyLimit: 2, sequenceCap: cap })).toBe(false);
    expect(await claim(touch, { dailyLimit: 3, sequenceCap: cap })).toBe(true);
    expect(await claim(touch, { dailyLimit: 3, sequenceCap: cap })).toBe(false);
  });

  it("counts a sequence's day through its own index, not a scan of the outbox", async () => {
    const plan: { detail: string }[] = await dataSource.query(
      'EXPLAIN QUERY PLAN SELECT COUNT(*) FROM outbox_messages counted ' +
        "WHERE counted.sequence_id = ? AND ((counted.status = 'sending' AND " +
        "counted.updated_at >= ?) OR (counted.status = 'sent' AND counted.sent_at >= ?))",
      ['seq-a', '2026-03-10 00:00:00.000', '2026-03-10 00:00:00.000'],
    );
    expect(plan.map((step) => step.detail).join('\n')).toContain(
      'IDX_outbox_messages_sequence_day',
    );
  });
});
