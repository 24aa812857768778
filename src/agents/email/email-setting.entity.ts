import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A value the email module keeps for itself, e.g. the generated unsubscribe signing key. */
@Entity({ name: 'email_settings' })
export class EmailSettingEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  key: string;

  @Column({ type: 'text' })
  value: string;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
