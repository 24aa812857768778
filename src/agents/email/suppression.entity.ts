import { Column, Entity, PrimaryColumn } from 'typeorm';

export type SuppressionKind = 'email' | 'domain';

/** An address or a whole domain never emailed. */
@Entity({ name: 'suppressions' })
export class SuppressionEntity {
  /** Lower case: `ana@acme.example` or `acme.example`. */
  @PrimaryColumn({ type: 'varchar', length: 320 })
  value: string;

  @Column({ type: 'varchar', length: 8 })
  kind: SuppressionKind;

  /**
   * `api` (POST /suppressions), `import` (POST /suppressions/import) or `unsubscribe` (a
   * recipient's own request).
   */
  @Column({ type: 'varchar', length: 32 })
  source: string;

  @Column({ name: 'created_at' })
  createdAt: Date;
}
