import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CompanyEntity } from './company.entity';
import type { Seniority } from './prospect.types';

/** A person to reach out to. Indexes: see the create-prospects migration. */
@Entity({ name: 'prospects' })
export class ProspectEntity {
  /** A UUID. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The full name, as shown and as compared (with the company) for duplicates. */
  @Column({ type: 'varchar', length: 255 })
  name: string;

  @Column({ name: 'first_name', type: 'varchar', length: 128, nullable: true })
  firstName: string | null;

  @Column({ name: 'last_name', type: 'varchar', length: 128, nullable: true })
  lastName: string | null;

  /** Lower case; unique when present. */
  @Column({ type: 'varchar', length: 320, nullable: true })
  email: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  title: string | null;

  /** The title's lower-case words between spaces (" vp of sales "), for the title filter. */
  @Column({ name: 'title_words', type: 'varchar', length: 512, nullable: true })
  titleWords: string | null;

  /**
   * Name, email, title and company name in lower case, for free-text search (`q`); indexed by
   * trigrams (FTS5 on SQLite, pg_trgm on Postgres: see the prospect-free-text-search migration).
   */
  @Column({ name: 'search_text', type: 'text', nullable: true })
  searchText: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  seniority: Seniority | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  department: string | null;

  @Column({ name: 'company_id', type: 'varchar', length: 36, nullable: true })
  companyId: string | null;

  @ManyToOne(() => CompanyEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'company_id' })
  company?: CompanyEntity | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  city: string | null;

  @Column({ type: 'varchar', length: 128, nullable: true })
  country: string | null;

  /** `https://www.linkedin.com/in/<slug>`; unique when present. */
  @Column({ name: 'linkedin_url', type: 'varchar', length: 512, nullable: true })
  linkedinUrl: string | null;

  /** Where the prospect came from: `sample`, `csv`, `api`, … */
  @Column({ type: 'varchar', length: 64, nullable: true })
  source: string | null;

  /**
   * One of the fictional sample prospects (set by the sample-data loader only, kept on a merge):
   * left out of searches once other prospects exist, never emailed.
   */
  @Column({ name: 'is_sample', type: 'boolean', default: false })
  isSample: boolean;

  /** JSON text, portable across SQLite and Postgres. */
  @Column({ type: 'simple-json' })
  tags: string[];

  /** Never emailed again once set; no import or update clears it. */
  @Column({ name: 'opted_out', type: 'boolean', default: false })
  optedOut: boolean;

  @Column({ name: 'opted_out_at', type: Date, nullable: true })
  optedOutAt: Date | null;

  // The latest fit score (research.score_fit), written through ResearchRecordsService only.
  // Optional: the bulk upsert neither reads nor writes them. Recording one leaves `updated_at`.

  /** 0–100; null until scored. Indexed: `min_score` and `sort=-score`. */
  @Column({ name: 'fit_score', type: 'integer', nullable: true })
  fitScore?: number | null;

  /** Why the score, one line each. */
  @Column({ name: 'fit_reasons', type: 'simple-json', nullable: true })
  fitReasons?: string[] | null;

  @Column({ name: 'fit_scored_at', type: Date, nullable: true })
  fitScoredAt?: Date | null;

  /** The job whose score_fit step scored it (its state holds the ICP). */
  @Column({ name: 'fit_job_id', type: 'varchar', length: 128, nullable: true })
  fitJobId?: string | null;

  /**
   * When the latest email was sent to the prospect (a message really sent, not a draft), written
   * by the email module through ProspectsService.recordContacted only; optional, as the bulk
   * upsert neither reads nor writes it. Indexed: `not_contacted_days` and `never_emailed`.
   */
  @Column({ name: 'last_contacted_at', type: Date, nullable: true })
  lastContactedAt?: Date | null;

  @Column({ name: 'created_at' })
  createdAt: Date;

  @Column({ name: 'updated_at' })
  updatedAt: Date;
}
