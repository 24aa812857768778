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

/** Taking one message for sending. */
export interface ClaimInput {
  id: string;
  sendKey: string;
  messageId: string;
  /** Midnight UTC of today: the daily limit counts from there. */
  dayStart: Date;
  dailyLimit: number;
}

/**
 * Takes an outbox message for sending (`sending`, with its exactly-once key and Message-ID) only
 * while today's count, across all jobs and every replica, is under the daily limit; false when it
 * was not taken (not sendable any more, or the limit reached). The count and the update must not
 * interleave with another claim's, or two claims could both take the last message of the day:
 * each engine serialises them its own way.
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
    const result = await this.messages
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({
        status: 'sending',
        sendKey: input.sendKey,
        messageId: input.messageId,
        updatedAt: new Date(),
      })
      .where('id = :id', { id: input.id })
      .andWhere('status IN (:...sendable)', { sendable: SENDABLE })
      .andWhere(
        `(SELECT COUNT(*) FROM outbox_messages counted WHERE ${DAILY_COUNT_CONDITION}) < :limit`,
        { sending: 'sending', sent: 'sent', dayStart: input.dayStart, limit: input.dailyLimit },
      )
      .execute();
    return Boolean(result.affected);
  }
}

const CLAIM =
  "UPDATE outbox_messages SET status = 'sending', send_key = $2, message_id = $3, updated_at = $4 " +
  'WHERE id = $1 AND status = ANY($5) AND (SELECT COUNT(*) FROM outbox_messages counted ' +
  "WHERE (counted.status = 'sending' AND counted.updated_at >= $6) " +
  "OR (counted.status = 'sent' AND counted.sent_at >= $6)) < $7";

/**
 * Postgres, several replicas: under READ COMMITTED two concurrent UPDATEs would each count
 * without the other's claim and could both pass. The claim runs in a transaction that first takes
 * the advisory lock ADVISORY_LOCKS.emailDailyLimit: claims run one after another, and each
 * counts (its statement's snapshot is taken after the lock) every claim committed before it.
 */
export class PostgresOutboxClaims extends OutboxClaims {
  constructor(private readonly connection: PostgresConnection) {
    super();
  }

  claim(input: ClaimInput): Promise<boolean> {
    return this.connection.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.emailDailyLimit]);
      const result = await tx.query(CLAIM, [
        input.id,
        input.sendKey,
        input.messageId,
        new Date(),
        SENDABLE,
        input.dayStart,
        input.dailyLimit,
      ]);
      return result.rowCount > 0;
    });
  }
}
