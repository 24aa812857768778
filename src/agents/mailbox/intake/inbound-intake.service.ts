import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { IsNull, Repository } from 'typeorm';
import { Clock } from '../../../common/time/clock';
import type { InboundMessage } from '../inbound/inbound-message.types';
import { InboundEffects } from './inbound-effects.service';
import { InboundMatcher } from './inbound-matcher.service';
import { InboundMessageEntity } from './inbound-message.entity';
import { duplicateRow, inboundRow } from './inbound-row.util';
import type { InboundKey, MatchHints } from './intake.types';
import { bareMessageId } from './utils/message-match.util';

/** What `apply` did with a message. */
export interface IntakeResult {
  /** Its row: the new one, or the one this (mailbox, UIDVALIDITY, UID) had already. */
  record: InboundMessageEntity;
  /** False when the message was known (the same UID again, or a Message-ID applied before). */
  isNew: boolean;
}

/**
 * The mailbox's intake: applies each classified message once. Its row is written first, keyed by
 * (mailbox, UIDVALIDITY, UID) and its Message-ID (both unique), with the match and the outcome;
 * then the effects (InboundEffects, each idempotent); then `applied_at`. The same UID again
 * answers the row (finishing its effects if a crash cut them); a Message-ID applied before under
 * another key (a UIDVALIDITY change re-delivers a folder) is recorded as a duplicate that does
 * nothing. The effects span several modules' tables, so they are not one transaction: see
 * InboundEffects for their order.
 */
@Injectable()
export class InboundIntakeService implements OnApplicationBootstrap {
  private readonly logger = new Logger(InboundIntakeService.name);

  constructor(
    @InjectRepository(InboundMessageEntity)
    private readonly rows: Repository<InboundMessageEntity>,
    private readonly matcher: InboundMatcher,
    private readonly effects: InboundEffects,
    private readonly clock: Clock,
  ) {}

  /**
   * Applies `message`, found at `key`. `hints` carries what the caller read beyond the message
   * (the outbox id of a VERP-tagged recipient).
   */
  async apply(
    key: InboundKey,
    message: InboundMessage,
    hints: MatchHints = {},
  ): Promise<IntakeResult> {
    // Twice at most: an insert lost to a racing delivery of the same Message-ID is then a duplicate.
    for (let attempt = 0; attempt < 2; attempt++) {
      const seen = await this.atKey(key);
      if (seen) return { record: await this.finish(seen), isNew: false };
      const messageId = bareMessageId(message.messageId);
      const original = messageId
        ? await this.rows.findOneBy({ messageId, duplicateOf: IsNull() })
        : null;
      if (original) return { record: await this.duplicate(key, original), isNew: false };
      const match = await this.matcher.match(message, hints);
      const row = inboundRow({ id: randomUUID(), key, message, match, now: this.clock.now() });
      await this.rows.createQueryBuilder().insert().values(row).orIgnore().execute();
      const stored = await this.atKey(key);
      if (stored) {
        const record = await this.finish(stored);
        if (stored.id === row.id) {
          this.logger.log(
            {
              inboundMessageId: row.id,
              kind: row.kind,
              outcome: row.outcome,
              matchedBy: row.matchedBy,
            },
            'Inbound message applied',
          );
        }
        return { record, isNew: stored.id === row.id };
      }
    }
    throw new Error(`Inbound message ${key.mailbox}/${key.uidValidity}/${key.uid} was not stored`);
  }

  /**
   * At start-up, finishes what a crash cut short: the watcher hands such a message over again
   * only while it is still in the folder (a person may have moved or deleted it meanwhile). A
   * failure is logged and does not stop the start-up; the message's next delivery finishes it.
   */
  async onApplicationBootstrap(): Promise<void> {
    try {
      let finished = 0;
      for (let batch = await this.applyPending(); batch > 0; batch = await this.applyPending()) {
        finished += batch;
      }
      if (finished > 0) this.logger.log({ finished }, 'Finished inbound messages cut short');
    } catch (error) {
      this.logger.warn({ err: error }, 'Could not finish the inbound messages cut short');
    }
  }

  /**
   * Records what a reply wants, once: false when it had an intent already (a second delivery of
   * the message after a crash), so whoever set it is the one who acts on it.
   */
  async setIntent(id: string, intent: string, source: string): Promise<boolean> {
    const result = await this.rows
      .createQueryBuilder()
      .update(InboundMessageEntity)
      .set({ intent, intentSource: source })
      .where('id = :id AND intent IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /**
   * Applies again the messages whose effects a crash cut short (`applied_at` still null), oldest
   * first; answers how many. For a process start, when the watcher will not deliver them again.
   */
  async applyPending(limit = 100): Promise<number> {
    const pending = await this.rows.find({
      where: { appliedAt: IsNull() },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
    });
    for (const row of pending) await this.finish(row);
    return pending.length;
  }

  private atKey(key: InboundKey): Promise<InboundMessageEntity | null> {
    return this.rows.findOneBy({
      mailbox: key.mailbox,
      uidValidity: key.uidValidity,
      uid: key.uid,
    });
  }

  /** The row with its effects applied (again, if a crash cut them short). */
  private async finish(row: InboundMessageEntity): Promise<InboundMessageEntity> {
    if (row.appliedAt !== null) return row;
    await this.effects.apply(row);
    const appliedAt = this.clock.now();
    await this.rows.update({ id: row.id, appliedAt: IsNull() }, { appliedAt });
    return (await this.rows.findOneBy({ id: row.id })) ?? { ...row, appliedAt };
  }

  /** Records a re-delivered message; the original's effects are finished, never repeated. */
  private async duplicate(
    key: InboundKey,
    original: InboundMessageEntity,
  ): Promise<InboundMessageEntity> {
    const applied = await this.finish(original);
    const row = duplicateRow({ id: randomUUID(), key, original: applied, now: this.clock.now() });
    await this.rows.createQueryBuilder().insert().values(row).orIgnore().execute();
    this.logger.log(
      { inboundMessageId: row.id, duplicateOf: original.id },
      'Duplicate inbound message',
    );
    return (await this.atKey(key)) ?? row;
  }
}
