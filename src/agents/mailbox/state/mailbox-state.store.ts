import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import type { MailboxConnectionState } from '../watch/mailbox-status';
import { MailboxStateEntity } from './mailbox-state.entity';
import { uidParameter } from './uid-column.transformer';

/** Taking (or keeping) the lease of a mailbox. */
export interface LeaseClaim {
  mailbox: string;
  owner: string;
  now: Date;
  leaseMs: number;
}

/** A write of the lease holder's: refused (false) when `owner` no longer holds the lease. */
interface HolderWrite {
  mailbox: string;
  owner: string;
}

/**
 * The `mailbox_states` table (its one writer). Leases work as the job runner's: a conditional
 * UPDATE takes a row whose lease is free, expired or already ours; the holder renews it every
 * third of its length; every write of the holder's names it, so a replica that lost the lease
 * can no longer move `last_uid`. One statement each: enough on both engines (SQLite serialises
 * writes; Postgres re-checks the WHERE of an UPDATE on the row it waited for).
 */
@Injectable()
export class MailboxStateStore {
  constructor(
    @InjectRepository(MailboxStateEntity)
    private readonly states: Repository<MailboxStateEntity>,
  ) {}

  async find(mailbox: string): Promise<MailboxStateEntity | null> {
    return this.states.findOneBy({ mailboxKey: mailbox });
  }

  /** The mailbox's row when `owner` holds its lease now (taken or renewed), else null. */
  async claim(input: LeaseClaim): Promise<MailboxStateEntity | null> {
    await this.states
      .createQueryBuilder()
      .insert()
      .values({
        mailboxKey: input.mailbox,
        uidValidity: null,
        lastUid: 0,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .orIgnore()
      .execute();
    const result = await this.states
      .createQueryBuilder()
      .update(MailboxStateEntity)
      .set({
        leaseOwner: input.owner,
        leaseExpiresAt: new Date(input.now.getTime() + input.leaseMs),
        updatedAt: input.now,
      })
      .where('mailbox_key = :mailbox', { mailbox: input.mailbox })
      .andWhere(
        new Brackets((free) =>
          free
            .where('lease_owner IS NULL')
            .orWhere('lease_owner = :owner', { owner: input.owner })
            .orWhere('lease_expires_at IS NULL')
            .orWhere('lease_expires_at < :now', { now: input.now }),
        ),
      )
      .execute();
    return result.affected ? this.find(input.mailbox) : null;
  }

  /** Extends the lease `owner` holds; false when it lost it. */
  async renew(input: HolderWrite & { until: Date }): Promise<boolean> {
    return this.holderUpdate(input, { leaseExpiresAt: input.until });
  }

  /** Lets the lease go at once, so another replica takes over without waiting for its expiry. */
  async release(input: HolderWrite & { now: Date }): Promise<void> {
    await this.holderUpdate(input, { leaseExpiresAt: input.now, connectionState: 'stopped' });
  }

  /**
   * Records a (new) UIDVALIDITY: the UIDs handed over under the old one mean nothing any more,
   * so `last_uid` goes back to 0 and the folder is handed over again from its first message.
   */
  async resetUidValidity(input: HolderWrite & { uidValidity: string }): Promise<boolean> {
    return this.holderUpdate(input, { uidValidity: input.uidValidity, lastUid: 0 });
  }

  /**
   * Records that every message up to `uid` (under `uidValidity`) was handed over. Only forward:
   * false when the lease is lost or the UIDVALIDITY changed meanwhile.
   */
  async advance(input: HolderWrite & { uidValidity: string; uid: number }): Promise<boolean> {
    const result = await this.states
      .createQueryBuilder()
      .update(MailboxStateEntity)
      .set({ lastUid: input.uid, updatedAt: new Date() })
      .where('mailbox_key = :mailbox AND lease_owner = :owner', input)
      .andWhere('uid_validity = :uidValidity AND last_uid < :uid', {
        ...input,
        uid: uidParameter(input.uid),
      })
      .execute();
    return Boolean(result.affected);
  }

  /** What the holder's watcher reports, for the other replicas' /health. */
  async reportState(
    input: HolderWrite & { state: MailboxConnectionState; error: string | null; now: Date },
  ): Promise<void> {
    await this.holderUpdate(input, {
      connectionState: input.state,
      connectionError: input.error?.slice(0, 500) ?? null,
      stateChangedAt: input.now,
    });
  }

  private async holderUpdate(
    input: HolderWrite,
    values: Partial<MailboxStateEntity>,
  ): Promise<boolean> {
    const result = await this.states
      .createQueryBuilder()
      .update(MailboxStateEntity)
      .set({ ...values, updatedAt: new Date() })
      .where('mailbox_key = :mailbox AND lease_owner = :owner', input)
      .execute();
    return Boolean(result.affected);
  }
}
