import type { Repository } from 'typeorm';
import { ADVISORY_LOCKS } from '../../../database/advisory-locks';
import type { PostgresConnection } from '../../../database/database-connection';
import { OutboxMessageEntity, OutboxStatus } from '../outbox-message.entity';

/** Statuses a message can be taken for sending from. */
export const SENDABLE: OutboxStatus[] = ['draft', 'approved'];

/** What counts towards the daily limit (alias `counted`): sent today, or taken for sending today. */
export const DAILY_COUNT_CONDITION =
  '((counted.status = :sending AND counted.updated_at >= :dayStart) ' +
  'OR (counted.status = :sent AND counted.sent_at >= :dayStart))';

/**
 * What counts towards a sequence's daily cap (alias `counted`): its messages sent today, or taken
 * for sending today. Served by the partial index IDX_outbox_messages_sequence_day.
 */
export const SEQUENCE_DAILY_COUNT_CONDITION = `counted.sequence_id = :sequenceId AND ${DAILY_COUNT_CONDITION}`;

/** A sequence's own daily cap, held together with the global daily limit. */
export interface SequenceCap {
  sequenceId: string;
  /** At most this many of the sequence's messages per UTC day. */
  limit: number;
}

/** Taking one message for sending. */
export interface ClaimInput {
  id: string;
  sendKey: string;
  messageId: string;
  /** The claim's time (the injected clock's), written as the row's `updated_at`. */
  now: Date;
  /** Midnight UTC of today: the daily limit counts from there. */
  dayStart: Date;
  dailyLimit: number;
  /** For a sequence's touch: its sequence's cap, checked in the same step as the daily limit. */
  sequenceCap?: SequenceCap;
}

/**
 * Takes an outbox message for sending (`sending`, with its exactly-once key and Message-ID) only
 * while today's count, across all jobs and every replica, is under the daily limit — and, with a
 * sequence cap, while its sequence's count is under that cap; false when it was not taken (not
 * sendable any more, or a limit reached). The counts and the update must not interleave with
 * another claim's, or two claims could both take the last message of the day: each engine
 * serialises them its own way.
 */
export abstract class OutboxClaims {
  abstract claim(input: ClaimInput): Promise<boolean>;
}

/**
 * One conditional UPDATE, the count in its WHERE: enough on SQLite, where writes never run at
 * the same time.
 */
export class TypeOrmOutboxClaims extends OutboxClaims {
  constructor(private readonly messages: Repository<OutboxMessageEntity>) {
    super();
  }

  async claim(input: ClaimInput): Promise<boolean> {
    const counted = { sending: 'sending', sent: 'sent', dayStart: input.dayStart };
    const update = this.messages
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({
        status: 'sending',
        sendKey: input.sendKey,
        messageId: input.messageId,
        updatedAt: input.now,
      })
      .where('id = :id', { id: input.id })
      .andWhere('status IN (:...sendable)', { sendable: SENDABLE })
      .andWhere(
        `(SELECT COUNT(*) FROM outbox_messages counted WHERE ${DAILY_COUNT_CONDITION}) < :limit`,
        { ...counted, limit: input.dailyLimit },
      );
    if (input.sequenceCap) {
      update.andWhere(
        `(SELECT COUNT(*) FROM outbox_messages counted WHERE ${SEQUENCE_DAILY_COUNT_CONDITION}) ` +
          '< :sequenceLimit',
        {
          ...counted,
          sequenceId: input.sequenceCap.sequenceId,
          sequenceLimit: input.sequenceCap.limit,
        },
      );
    }
    const result = await update.execute();
    return Boolean(result.affected);
  }
}

/** DAILY_COUNT_CONDITION in positional form: midnight UTC is `$6`. */
const COUNTED_TODAY =
  "((counted.status = 'sending' AND counted.updated_at >= $6) " +
  "OR (counted.status = 'sent' AND counted.sent_at >= $6))";

const CLAIM =
  "UPDATE outbox_messages SET status = 'sending', send_key = $2, message_id = $3, updated_at = $4 " +
  'WHERE id = $1 AND status = ANY($5) AND ' +
  `(SELECT COUNT(*) FROM outbox_messages counted WHERE ${COUNTED_TODAY}) < $7`;

/** CLAIM, and while the sequence `$8` has fewer than `$9` messages today. */
const CLAIM_IN_SEQUENCE =
  `${CLAIM} AND (SELECT COUNT(*) FROM outbox_messages counted ` +
  `WHERE counted.sequence_id = $8 AND ${COUNTED_TODAY}) < $9`;

/**
 * Postgres, several replicas: under READ COMMITTED two concurrent UPDATEs would each count
 * without the other's claim and could both pass. The claim runs in a transaction that first takes
 * the advisory lock ADVISORY_LOCKS.emailDailyLimit: claims run one after another, and each
 * counts (its statement's snapshot is taken after the lock) every claim committed before it. A
 * sequence's cap is counted in the same statement, under the same lock: one lock for every claim,
 * so a job's send and a touch can never both take the last message of the day.
 */
export class PostgresOutboxClaims extends OutboxClaims {
  constructor(private readonly connection: PostgresConnection) {
    super();
  }

  claim(input: ClaimInput): Promise<boolean> {
    const params = [
      input.id,
      input.sendKey,
      input.messageId,
      input.now,
      SENDABLE,
      input.dayStart,
      input.dailyLimit,
    ];
    const cap = input.sequenceCap;
    return this.connection.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.emailDailyLimit]);
      const result = cap
        ? await tx.query(CLAIM_IN_SEQUENCE, [...params, cap.sequenceId, cap.limit])
        : await tx.query(CLAIM, params);
      return result.rowCount > 0;
    });
  }
}
