import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A prospect's employer. Indexes: see the create-prospects migration. */
@Entity({ name: 'companies' })
export class CompanyEntity {
  /** A UUID. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 255 })
  name: string;

  /** Lower case, without `www.`; unique when present. */
  @Column({ type: 'varchar', length: 255, nullable: true })
  domain: string | null;

  @Column({ name: 'website_url', type: 'varchar', length: 2048, nullable: true })
  websiteUrl: string | null;

  /** As imported or given. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  industry: string | null;

  /**
   * The industry vocabulary's family key of `industry` ("software" for "SaaS"); null when the
   * industry is missing or outside the vocabulary. Derived, never set on its own.
   */
  @Column({ name: 'industry_family', type: 'varchar', length: 32, nullable: true })
  industryFamily: string | null;

  @Column({ name: 'employee_count', type: 'integer', nullable: true })
  employeeCount: number | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  country: string | null;

  /**
   * The latest summary of the company's website (research.company_summary), written through
   * ResearchRecordsService only; optional, as the bulk upsert neither reads nor writes it.
   */
  @Column({ type: 'text', nullable: true })
  summary?: string | null;

  @Column({ name: 'summarized_at', type: Date, nullable: true })
  summarizedAt?: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
