import type { Database, Statement } from 'better-sqlite3';
import type { SqliteConnection } from '../../../../database/database-connection';
import { fromSqliteDatetime, toSqliteDatetime } from '../../../../database/sqlite-datetime';
import type { CompanyEntity } from '../../company.entity';
import type { ProspectEntity } from '../../prospect.entity';
import type { ProspectCompany } from '../prospect-merge.util';
import {
  namesAtCompanies,
  type BatchWrites,
  type LookupKeys,
  type StoredRows,
} from '../prospect-upsert-plan';
import { ProspectUpsertStore, UpsertBatchWork } from './prospect-upsert.store';
import { COMPANY_COLUMNS, PROSPECT_COLUMNS, selectList, UpsertColumns } from './upsert-columns';

type Row = Record<string, unknown>;
type Columns<T> = UpsertColumns<T>;

/** A value in TypeORM's SQLite formats: dates as UTC text, booleans as 0/1, tags as JSON. */
function toSqlite(value: unknown): unknown {
  if (value instanceof Date) return toSqliteDatetime(value);
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (Array.isArray(value)) return JSON.stringify(value);
  return value ?? null;
}

/** Rows ANALYZE samples per index. */
const ANALYSIS_ROWS_PER_INDEX = 1000;

const DATE_PROPERTIES = new Set(['createdAt', 'updatedAt', 'optedOutAt']);
const BOOLEAN_PROPERTIES = new Set(['optedOut', 'isSample']);

function fromRow<T>(row: Row, columns: Columns<T>): T {
  const entity: Record<string, unknown> = {};
  for (const [property, column] of Object.entries(columns) as [string, string][]) {
    const value = row[column];
    if (value !== null && DATE_PROPERTIES.has(property)) {
      entity[property] = fromSqliteDatetime(value as string);
    } else if (BOOLEAN_PROPERTIES.has(property)) entity[property] = value === 1;
    else if (property === 'tags') entity[property] = JSON.parse(value as string) as string[];
    else entity[property] = value;
  }
  return entity as T;
}

const inJson = (column: string, parameter: string) =>
  `${column} IN (SELECT value FROM json_each(@${parameter}))`;

/**
 * The embedded backend: prepared statements on TypeORM's better-sqlite3 connection, each call one
 * synchronous IMMEDIATE transaction (nothing interleaves with it), lists bound as one JSON
 * parameter each. About ten times TypeORM's rate on a bulk import (see the benchmark); the SQL is
 * SQLite's own, so other databases use TypeOrmProspectUpsertStore.
 */
export class SqliteProspectUpsertStore extends ProspectUpsertStore {
  private readonly sql: Record<
    'companies' | 'prospects' | 'companyNames' | 'insertCompany' | 'insertProspect',
    Statement
  >;
  private readonly updates = new Map<string, Statement>();

  private readonly db: Database;

  constructor(connection: SqliteConnection) {
    super();
    const db = connection.db;
    this.db = db;
    const select = selectList;
    const insert = (table: string, columns: Columns<object>) =>
      db.prepare(
        `INSERT INTO ${table} (${select(columns)}) VALUES (${Object.values(columns)
          .map(() => '?')
          .join(', ')})`,
      );
    const companies = `SELECT ${select(COMPANY_COLUMNS)} FROM companies WHERE`;
    const prospects = `SELECT ${select(PROSPECT_COLUMNS)} FROM prospects WHERE`;
    this.sql = {
      companies: db.prepare(
        `${companies} ${inJson('domain', 'domains')} ` +
          `UNION ${companies} ${inJson('LOWER(name)', 'names')} ` +
          'ORDER BY created_at',
      ),
      prospects: db.prepare(
        `${prospects} ${inJson('email', 'emails')} ` +
          `UNION ${prospects} ${inJson('linkedin_url', 'urls')} ` +
          // Exact (company, name) pairs, joined so that both columns of the (company_id,
          // LOWER(name)) index are used: `(company_id, LOWER(name)) IN (SELECT …)` used only
          // company_id, reading every prospect of the company (EXPLAIN QUERY PLAN).
          `UNION ${prospects} rowid IN (SELECT p.rowid FROM json_each(@pairs) AS j ` +
          "JOIN prospects AS p ON p.company_id = j.value ->> '$[0]' " +
          "AND LOWER(p.name) = j.value ->> '$[1]') " +
          'ORDER BY created_at',
      ),
      companyNames: db.prepare(`SELECT id, name FROM companies WHERE ${inJson('id', 'ids')}`),
      insertCompany: insert('companies', COMPANY_COLUMNS),
      insertProspect: insert('prospects', PROSPECT_COLUMNS),
    };
  }

  /**
   * ANALYZE on a sample of each index (analysis_limit): a few milliseconds, and without it the
   * planner guesses; with it, a search by company size starts from that index instead of
   * scanning every prospect of a seniority (150 ms → 5 ms over 100,000 prospects). Then the
   * write-ahead log the upserts left (up to 10,000 pages: SQLITE_TUNING's checkpoint interval)
   * is copied into the database file, so that the next small write does not pay for it.
   */
  afterBulkWrite(): Promise<void> {
    this.db.pragma(`analysis_limit = ${ANALYSIS_ROWS_PER_INDEX}`);
    this.db.exec('ANALYZE companies; ANALYZE prospects; ANALYZE prospect_tags');
    this.db.pragma('wal_checkpoint(PASSIVE)');
    return Promise.resolve();
  }

  run(batches: readonly UpsertBatchWork[]): Promise<void> {
    this.db
      .transaction(() => {
        for (const batch of batches) this.write(batch.plan(this.load(batch.keys)));
      })
      .immediate();
    return Promise.resolve();
  }

  private load(keys: LookupKeys): StoredRows {
    const companies = (
      this.sql.companies.all({
        domains: JSON.stringify(keys.domains),
        names: JSON.stringify(keys.companyNames),
      }) as Row[]
    ).map((row) => fromRow<CompanyEntity>(row, COMPANY_COLUMNS));
    const prospects = (
      this.sql.prospects.all({
        emails: JSON.stringify(keys.emails),
        urls: JSON.stringify(keys.linkedinUrls),
        pairs: JSON.stringify(namesAtCompanies(keys, companies)),
      }) as Row[]
    ).map((row) => fromRow<ProspectEntity>(row, PROSPECT_COLUMNS));
    return { companies, prospects, prospectCompanies: this.companiesOf(prospects, companies) };
  }

  /** Id and name of the prospects' companies that are not among `loaded`. */
  private companiesOf(prospects: ProspectEntity[], loaded: CompanyEntity[]): ProspectCompany[] {
    const known = new Set(loaded.map((company) => company.id));
    const ids = new Set<string>();
    for (const { companyId } of prospects)
      if (companyId && !known.has(companyId)) ids.add(companyId);
    if (ids.size === 0) return [];
    return this.sql.companyNames.all({ ids: JSON.stringify([...ids]) }) as ProspectCompany[];
  }

  private write(writes: BatchWrites): void {
    const values = <T>(entity: T, columns: Columns<T>) =>
      (Object.keys(columns) as (keyof T)[]).map((property) => toSqlite(entity[property]));
    for (const company of writes.newCompanies) {
      this.sql.insertCompany.run(values(company, COMPANY_COLUMNS));
    }
    for (const [id, changes] of writes.changedCompanies) {
      this.update('companies', COMPANY_COLUMNS, id, { ...changes, updatedAt: writes.now });
    }
    for (const prospect of writes.newProspects) {
      this.sql.insertProspect.run(values(prospect, PROSPECT_COLUMNS));
    }
    for (const [id, changes] of writes.changedProspects) {
      this.update('prospects', PROSPECT_COLUMNS, id, { ...changes, updatedAt: writes.now });
    }
  }

  /** UPDATE of the changed columns; statements cached by table and column set. */
  private update<T>(table: string, columns: Columns<T>, id: string, changes: Partial<T>): void {
    const properties = (Object.keys(changes) as (keyof T)[]).filter((key) => columns[key]);
    const key = `${table}:${properties.join(',')}`;
    let statement = this.updates.get(key);
    if (!statement) {
      const set = properties.map((property) => `${columns[property]} = ?`).join(', ');
      statement = this.db.prepare(`UPDATE ${table} SET ${set} WHERE id = ?`);
      this.updates.set(key, statement);
    }
    statement.run(...properties.map((property) => toSqlite(changes[property])), id);
  }
}
