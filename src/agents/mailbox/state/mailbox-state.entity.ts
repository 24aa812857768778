import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { MailboxConnectionState } from '../watch/mailbox-status';
import { UID_COLUMN } from './uid-column.transformer';

/** Where the watching of one mailbox stands. See the mailbox-states migration. */
@Entity({ name: 'mailbox_states' })
export class MailboxStateEntity {
  /** `user@host:port/folder`, never a password. */
  @PrimaryColumn({ name: 'mailbox_key', type: 'varchar', length: 512 })
  mailboxKey: string;

  /** The folder's UIDVALIDITY the UIDs below belong to (decimal text); null before the first scan. */
  @Column({ name: 'uid_validity', type: 'varchar', length: 20, nullable: true })
  uidValidity: string | null;

  /** The highest UID handed over under `uidValidity`; 0 when none was. */
  @Column({ name: 'last_uid', type: 'bigint', default: 0, transformer: UID_COLUMN })
  lastUid: number;

  @Column({ name: 'lease_owner', type: 'varchar', length: 128, nullable: true })
  leaseOwner: string | null;

  @Column({ name: 'lease_expires_at', type: Date, nullable: true })
  leaseExpiresAt: Date | null;

  /** What the lease holder's watcher last reported. */
  @Column({ name: 'connection_state', type: 'varchar', length: 32, nullable: true })
  connectionState: MailboxConnectionState | null;

  /** Why it is not connected, without credentials. */
  @Column({ name: 'connection_error', type: 'varchar', length: 500, nullable: true })
  connectionError: string | null;

  @Column({ name: 'state_changed_at', type: Date, nullable: true })
  stateChangedAt: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
