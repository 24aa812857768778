import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { Clock } from '../../common/time/clock';
import {
  OutboxMessageConflictException,
  OutboxMessageNotFoundException,
  OutboxTouchNotStoredException,
} from './exceptions/email.exceptions';
import { DeliveryStatus, OutboxMessageEntity, OutboxStatus } from './outbox-message.entity';
import {
  ClaimInput,
  DAILY_COUNT_CONDITION,
  OutboxClaims,
  SENDABLE,
  SEQUENCE_DAILY_COUNT_CONDITION,
} from './send-limits/outbox-claims';
import type { NewTouch, TouchThread } from './outbox-touch.types';
import type { SendLimit } from './utils/daily-limit.util';

/** A draft as email.draft hands it to the outbox. */
export interface NewDraft {
  prospectId: string;
  to: string;
  name: string | null;
  subject: string;
  body: string;
}

export interface OutboxPage {
  items: OutboxMessageEntity[];
  total: number;
  skip: number;
  limit: number;
}

/** What trying to take a message for sending found: taken, held back by a limit, or not sendable. */
export type ClaimOutcome = 'claimed' | SendLimit | 'not_sendable';

/**
 * Statuses a message may be deleted in: nothing was or is being sent. An approved message is
 * safe to delete while its send step runs: taking it for sending then finds it gone.
 */
const DELETABLE: OutboxStatus[] = ['draft', 'approved', 'skipped', 'failed'];
const INSERT_CHUNK = 100;
/** Ids per IN list, well under every database's limit on bound parameters. */
const ID_CHUNK = 500;

/**
 * The outbox: drafted messages and their sending state. Every status change that matters for
 * exactly-once sending is a single conditional UPDATE, committed on its own.
 */
@Injectable()
export class OutboxService {
  constructor(
    @InjectRepository(OutboxMessageEntity)
    private readonly messages: Repository<OutboxMessageEntity>,
    private readonly claims: OutboxClaims,
    private readonly clock: Clock,
  ) {}

  /**
   * Stores the drafts of one draft step. Rows the same step (same key) already wrote for a
   * prospect are kept as they are — a re-run after a crash adds nothing and edits nothing. No
   * transaction: each insert skips rows the unique (step key, prospect) index already holds (on
   * SQLite, TypeORM shares one connection, so concurrent transactions would interleave).
   */
  async saveDrafts(input: {
    jobId: string;
    stepKey: string;
    drafts: NewDraft[];
  }): Promise<OutboxMessageEntity[]> {
    const now = this.clock.now();
    const rows = input.drafts.map((draft) => ({
      ...draft,
      id: randomUUID(),
      jobId: input.jobId,
      stepKey: input.stepKey,
      status: 'draft' as const,
      reason: null,
      sendKey: null,
      messageId: null,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
    }));
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await this.messages
        .createQueryBuilder()
        .insert()
        .values(rows.slice(start, start + INSERT_CHUNK))
        .orIgnore()
        .execute();
    }
    const stored = await this.draftsOfStep(
      input.stepKey,
      input.drafts.map((draft) => draft.prospectId),
    );
    const byProspect = new Map(stored.map((row) => [row.prospectId, row]));
    return input.drafts.flatMap((draft) => byProspect.get(draft.prospectId) ?? []);
  }

  /**
   * The messages a draft step (its key) wrote for these prospects: a batch's worth at a time,
   * so a step over a large prospect set never reads all of its drafts at once.
   */
  async draftsOfStep(
    stepKey: string,
    prospectIds: readonly string[],
  ): Promise<OutboxMessageEntity[]> {
    const found: OutboxMessageEntity[] = [];
    const ids = [...new Set(prospectIds)];
    for (let start = 0; start < ids.length; start += ID_CHUNK) {
      found.push(
        ...(await this.messages.find({
          where: { stepKey, prospectId: In(ids.slice(start, start + ID_CHUNK)) },
        })),
      );
    }
    return found;
  }

  /**
   * Stores one touch of a sequence enrollment, once: a second call for the same enrollment and
   * touch index answers the row already stored, unchanged (the unique index decides, also between
   * replicas queuing at the same time: the later insert is ignored, never an error).
   */
  async queueTouch(touch: NewTouch): Promise<OutboxMessageEntity> {
    const [stored] = await this.queueTouches([touch]);
    // Only a delete between the insert and this read leaves nothing.
    if (!stored) throw new OutboxTouchNotStoredException(touch.enrollmentId, touch.touchIndex);
    return stored;
  }

  /**
   * `queueTouch` for many touches in one statement (a scheduler run's batch); answers the rows
   * stored for them (one per touch, unless deleted meanwhile), in no particular order.
   */
  async queueTouches(touches: readonly NewTouch[]): Promise<OutboxMessageEntity[]> {
    if (touches.length === 0) return [];
    const now = this.clock.now();
    await this.messages
      .createQueryBuilder()
      .insert()
      .values(touches.map((touch) => this.touchRow(touch, now)))
      .orIgnore()
      .execute();
    const wanted = new Set(touches.map((touch) => touchKey(touch.enrollmentId, touch.touchIndex)));
    const stored = await this.touchesOf(touches.map((touch) => touch.enrollmentId));
    return stored.filter((row) => wanted.has(touchKey(row.enrollmentId!, row.touchIndex!)));
  }

  private touchRow(touch: NewTouch, now: Date): OutboxMessageEntity {
    return {
      id: randomUUID(),
      jobId: touch.jobId,
      // Unique with the prospect like a draft step's key; a touch is its own "step".
      stepKey: `touch:${touch.enrollmentId}:${touch.touchIndex}`,
      prospectId: touch.prospectId,
      to: touch.to,
      name: touch.name,
      subject: touch.subject,
      body: touch.body,
      status: touch.status,
      reason: null,
      sendKey: null,
      messageId: null,
      enrollmentId: touch.enrollmentId,
      touchIndex: touch.touchIndex,
      sequenceId: touch.sequenceId,
      inReplyTo: touch.inReplyTo ?? null,
      threadReferences: touch.references ?? null,
      deliveryStatus: null,
      deliveryDetail: null,
      approvedBy: null,
      approvedAt: null,
      editedBy: null,
      editedAt: null,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
    };
  }

  async findTouch(enrollmentId: string, touchIndex: number): Promise<OutboxMessageEntity | null> {
    return this.messages.findOne({ where: { enrollmentId, touchIndex } });
  }

  /** Every touch of these enrollments (a scheduler run reads its batch's at once), by touch order. */
  async touchesOf(enrollmentIds: readonly string[]): Promise<OutboxMessageEntity[]> {
    if (enrollmentIds.length === 0) return [];
    return this.messages.find({
      where: { enrollmentId: In([...new Set(enrollmentIds)]) },
      order: { touchIndex: 'ASC' },
    });
  }

  /** The sent touches of an enrollment, as the thread its next touch answers. */
  async threadOf(enrollmentId: string): Promise<TouchThread> {
    return threadOfTouches(await this.touchesOf([enrollmentId]));
  }

  async list(filter: {
    jobId?: string;
    prospectId?: string;
    sequenceId?: string;
    status?: OutboxStatus;
    skip: number;
    limit: number;
  }): Promise<OutboxPage> {
    const where = {
      ...(filter.jobId ? { jobId: filter.jobId } : {}),
      ...(filter.prospectId ? { prospectId: filter.prospectId } : {}),
      ...(filter.sequenceId ? { sequenceId: filter.sequenceId } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const [items, total] = await this.messages.findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: filter.skip,
      take: filter.limit,
    });
    return { items, total, skip: filter.skip, limit: filter.limit };
  }

  async get(id: string): Promise<OutboxMessageEntity> {
    const message = await this.messages.findOne({ where: { id } });
    if (!message) throw new OutboxMessageNotFoundException(id);
    return message;
  }

  async find(id: string): Promise<OutboxMessageEntity | null> {
    return this.messages.findOne({ where: { id } });
  }

  async findByIds(ids: string[]): Promise<Map<string, OutboxMessageEntity>> {
    const found = new Map<string, OutboxMessageEntity>();
    for (let start = 0; start < ids.length; start += INSERT_CHUNK) {
      const rows = await this.messages.find({
        where: { id: In(ids.slice(start, start + INSERT_CHUNK)) },
      });
      for (const row of rows) found.set(row.id, row);
    }
    return found;
  }

  /**
   * The messages sent with any of these Message-IDs (as stored: `<…>`), by the message_id index.
   * A message's id is written when it is taken for sending, before SMTP, and kept when a crash
   * leaves it failed, so every message that may have left is found. At most 100 ids are looked up.
   */
  async findByMessageIds(messageIds: readonly string[]): Promise<OutboxMessageEntity[]> {
    if (messageIds.length === 0) return [];
    return this.messages.find({ where: { messageId: In(messageIds.slice(0, INSERT_CHUNK)) } });
  }

  /**
   * Records what a delivery report said of a message (never a resend). A bounce is final: a
   * later `delayed` report does not replace it.
   */
  async recordDelivery(id: string, status: DeliveryStatus, detail: string): Promise<void> {
    const update = this.messages
      .createQueryBuilder()
      .update(OutboxMessageEntity)
      .set({ deliveryStatus: status, deliveryDetail: detail.slice(0, 500) })
      .where('id = :id', { id });
    if (status === 'delayed') {
      update.andWhere('(delivery_status IS NULL OR delivery_status = :delayed)', {
        delayed: 'delayed',
      });
    }
    await update.execute();
  }

  /** Edits a draft's text, recording who (`actor`) and when; 409 once it is approved or later. */
  async update(
    id: string,
    change: { subject?: string; body?: string },
    actor: string,
  ): Promise<OutboxMessageEntity> {
    const set = Object.fromEntries(
      Object.entries(change).filter(([, value]) => value !== undefined),
    ) as { subject?: string; body?: string };
    const now = this.clock.now();
    const result = await this.messages.update(
      { id, status: 'draft' },
      { ...set, editedBy: actor, editedAt: now, updatedAt: now },
    );
    if (!result.affected) {
      const message = await this.get(id);
      throw new OutboxMessageConflictException(id, message.status, 'edited');
    }
    return this.get(id);
  }

  /** Deletes a message nothing was sent for; 409 for one being sent or sent. */
  async delete(id: string): Promise<void> {
    const result = await this.messages.delete({ id, status: In(DELETABLE) });
    if (!result.affected) {
      const message = await this.get(id);
      throw new OutboxMessageConflictException(id, message.status, 'deleted');
    }
  }

  /**
   * Marks the drafts among `ids` approved: the send step has started, they can't be edited.
   * `actor`, when a person approved (an API-key label), is recorded with the time.
   */
  async approve(ids: string[], actor?: string): Promise<void> {
    for (let start = 0; start < ids.length; start += INSERT_CHUNK) {
      const now = this.clock.now();
      await this.messages.update(
        { id: In(ids.slice(start, start + INSERT_CHUNK)), status: 'draft' },
        { status: 'approved', approvedBy: actor ?? null, approvedAt: now, updatedAt: now },
      );
    }
  }

  /** Messages sent since `dayStart`, and those taken for sending since then (jobs and sequences). */
  async countTowardsDailyLimit(dayStart: Date): Promise<number> {
    return this.messages
      .createQueryBuilder('counted')
      .where(DAILY_COUNT_CONDITION, { sending: 'sending', sent: 'sent', dayStart })
      .getCount();
  }

  /** A sequence's messages sent since `dayStart`, and those taken for sending since then. */
  async countTowardsSequenceDailyLimit(sequenceId: string, dayStart: Date): Promise<number> {
    return this.messages
      .createQueryBuilder('counted')
      .where(SEQUENCE_DAILY_COUNT_CONDITION, {
        sequenceId,
        sending: 'sending',
        sent: 'sent',
        dayStart,
      })
      .getCount();
  }

  /**
   * Takes a message for sending: `sending`, with its exactly-once key and Message-ID, committed
   * at once, only while the daily limit (messages sent since `dayStart` plus those taken for
   * sending since then, across all jobs and replicas) and the sequence's cap, if any, are not
   * reached; see OutboxClaims. Only one caller can ever take a message.
   */
  async claim(input: ClaimInput): Promise<ClaimOutcome> {
    if (await this.claims.claim(input)) return 'claimed';
    const current = await this.messages.findOne({ where: { id: input.id } });
    if (!current || !SENDABLE.includes(current.status)) return 'not_sendable';
    // Which limit held it back: read after the fact, only to name it.
    const cap = input.sequenceCap;
    const overCap =
      cap !== undefined &&
      (await this.countTowardsSequenceDailyLimit(cap.sequenceId, input.dayStart)) >= cap.limit;
    return overCap ? 'sequence_daily_limit' : 'daily_limit';
  }

  /** Records a delivered message; by its send key, so it holds even if the row was marked failed meanwhile. */
  async markSent(id: string, sendKey: string): Promise<void> {
    const now = this.clock.now();
    await this.messages.update(
      { id, sendKey },
      { status: 'sent', reason: null, sentAt: now, updatedAt: now },
    );
  }

  /** A message taken for sending that the server refused for sure, or one never to send. */
  async markFailed(id: string, reason: string, from: OutboxStatus[] = ['sending']): Promise<void> {
    await this.messages.update(
      { id, status: In(from) },
      { status: 'failed', reason: reason.slice(0, 1000), updatedAt: this.clock.now() },
    );
  }

  async markSkipped(id: string, reason: string): Promise<void> {
    await this.messages.update(
      { id, status: In(SENDABLE) },
      { status: 'skipped', reason: reason.slice(0, 1000), updatedAt: this.clock.now() },
    );
  }

  /** Gives back a message taken for sending that certainly did not leave (no connection). */
  async release(id: string, sendKey: string): Promise<void> {
    await this.messages.update(
      { id, sendKey, status: 'sending' },
      { status: 'approved', sendKey: null, messageId: null, updatedAt: this.clock.now() },
    );
  }
}

/** The key of one touch: its enrollment and its place in it. */
export function touchKey(enrollmentId: string, touchIndex: number): string {
  return `${enrollmentId}:${touchIndex}`;
}

/** The thread of one enrollment's touches (any order): its sent ones, in touch order. */
export function threadOfTouches(touches: readonly OutboxMessageEntity[]): TouchThread {
  const sent = touches
    .filter((touch) => touch.status === 'sent')
    .sort((a, b) => (a.touchIndex ?? 0) - (b.touchIndex ?? 0));
  return {
    messageIds: sent.flatMap((touch) => (touch.messageId ? [touch.messageId] : [])),
    subject: sent[0]?.subject ?? null,
  };
}
