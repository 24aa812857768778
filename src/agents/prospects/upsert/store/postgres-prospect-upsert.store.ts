import type {
  PostgresConnection,
  PostgresTransaction,
} from '../../../../database/database-connection';
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

/**
 * Held for the whole transaction of an upsert (`pg_advisory_xact_lock`): upserts run one at a
 * time across every replica, as SQLite's IMMEDIATE transaction runs them, so two imports of the
 * same person never both find nothing and both insert (a unique violation for the second).
 */
export const PROSPECT_UPSERT_LOCK = 7_262_100;

/** The Postgres type of each column that is not text (the rest are text or varchar). */
const COLUMN_TYPES: Record<string, string> = {
  employee_count: 'integer',
  is_sample: 'boolean',
  opted_out: 'boolean',
  opted_out_at: 'timestamp',
  created_at: 'timestamp',
  updated_at: 'timestamp',
};
const typeOf = (column: string) => COLUMN_TYPES[column] ?? 'text';

/** A value as node-postgres sends it: tags as JSON text (simple-json), the rest as they are. */
const toPostgres = (value: unknown) =>
  Array.isArray(value) ? JSON.stringify(value) : (value ?? null);

function fromRow<T>(row: Row, columns: UpsertColumns<T>): T {
  const entity: Record<string, unknown> = {};
  for (const [property, column] of Object.entries(columns) as [string, string][]) {
    const value = row[column];
    entity[property] = property === 'tags' ? (JSON.parse(value as string) as string[]) : value;
  }
  return entity as T;
}

/**
 * `SELECT * FROM unnest($1::text[], $2::integer[], …)`: rows given as one array per column, so a
 * batch of any size is one statement with one parameter per column (a VALUES list would take one
 * per value, and Postgres allows 65,535).
 */
function unnestColumns(columns: readonly string[], first = 1): string {
  return `unnest(${columns.map((column, i) => `$${first + i}::${typeOf(column)}[]`).join(', ')})`;
}

/**
 * Postgres: plain SQL on the pool, each call one transaction under PROSPECT_UPSERT_LOCK. Lookups
 * are `= ANY(array)` (one parameter per list, served by the unique and LOWER() indexes); inserts
 * are one `INSERT … SELECT FROM unnest(…)` per table and batch; updates one `UPDATE … FROM
 * unnest(…)` per set of changed columns.
 */
export class PostgresProspectUpsertStore extends ProspectUpsertStore {
  constructor(private readonly connection: PostgresConnection) {
    super();
  }

  run(batches: readonly UpsertBatchWork[]): Promise<void> {
    return this.connection.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [PROSPECT_UPSERT_LOCK]);
      for (const batch of batches) await write(tx, batch.plan(await load(tx, batch.keys)));
    });
  }

  /**
   * VACUUM and ANALYZE the tables written (prospect_tags by the prospects' triggers). Autovacuum
   * would, but only on its next round (up to a minute later) and once enough rows changed; until
   * then:
   * - the planner works from the statistics of the table before the import (ANALYZE samples
   *   30,000 rows, whatever the table's size), and a search right after one scans every prospect
   *   (`is_sample = true`, `fit_score >= 70`: 15 ms at 20,000 rows, growing with the table) where
   *   an index answers at once;
   * - the pages written are not marked all-visible (VACUUM marks them, reading only the pages
   *   not marked yet), so a search counting from the city, country or department index reads
   *   each row as well as its index entry (Germany's first 5,021 of 1,100,000 prospects: 30 ms
   *   instead of 1.2). Both took 1.3 s after an import of 1,000,000 rows.
   */
  async afterBulkWrite(): Promise<void> {
    await this.connection.query('VACUUM (ANALYZE) companies, prospects, prospect_tags');
  }
}

const COMPANIES = `SELECT ${selectList(COMPANY_COLUMNS)} FROM companies WHERE`;
const PROSPECTS = `SELECT ${selectList(PROSPECT_COLUMNS)} FROM prospects WHERE`;
// Oldest first; the id settles ties (every row of one batch has the same time).
const FIND_COMPANIES =
  `${COMPANIES} domain = ANY($1::text[]) ` +
  `UNION ${COMPANIES} LOWER(name) = ANY($2::text[]) ORDER BY created_at, id`;
const FIND_PROSPECTS =
  `${PROSPECTS} email = ANY($1::text[]) ` +
  `UNION ${PROSPECTS} linkedin_url = ANY($2::text[]) ` +
  // Exact (company, name) pairs, which the (company_id, LOWER(name)) index answers.
  `UNION ${PROSPECTS} (company_id, LOWER(name)) IN (SELECT * FROM unnest($3::text[], $4::text[])) ` +
  'ORDER BY created_at, id';

async function load(tx: PostgresTransaction, keys: LookupKeys): Promise<StoredRows> {
  const companies =
    keys.domains.length + keys.companyNames.length === 0
      ? []
      : (await tx.query(FIND_COMPANIES, [keys.domains, keys.companyNames])).rows.map((row) =>
          fromRow<CompanyEntity>(row, COMPANY_COLUMNS),
        );
  const pairs = namesAtCompanies(keys, companies);
  const prospects =
    keys.emails.length + keys.linkedinUrls.length + pairs.length === 0
      ? []
      : (
          await tx.query(FIND_PROSPECTS, [
            keys.emails,
            keys.linkedinUrls,
            pairs.map(([companyId]) => companyId),
            pairs.map(([, name]) => name),
          ])
        ).rows.map((row) => fromRow<ProspectEntity>(row, PROSPECT_COLUMNS));
  return { companies, prospects, prospectCompanies: await companiesOf(tx, prospects, companies) };
}

/** Id and name of the prospects' companies that are not among `loaded`. */
async function companiesOf(
  tx: PostgresTransaction,
  prospects: ProspectEntity[],
  loaded: CompanyEntity[],
): Promise<ProspectCompany[]> {
  const known = new Set(loaded.map((company) => company.id));
  const ids = new Set<string>();
  for (const { companyId } of prospects) if (companyId && !known.has(companyId)) ids.add(companyId);
  if (ids.size === 0) return [];
  const found = await tx.query<ProspectCompany>(
    'SELECT id, name FROM companies WHERE id = ANY($1::text[])',
    [[...ids]],
  );
  return found.rows;
}

async function write(tx: PostgresTransaction, writes: BatchWrites): Promise<void> {
  await insert(tx, 'companies', COMPANY_COLUMNS, writes.newCompanies);
  await update(tx, 'companies', COMPANY_COLUMNS, writes.changedCompanies, writes.now);
  await insert(tx, 'prospects', PROSPECT_COLUMNS, writes.newProspects);
  await update(tx, 'prospects', PROSPECT_COLUMNS, writes.changedProspects, writes.now);
}

async function insert<T>(
  tx: PostgresTransaction,
  table: string,
  columns: UpsertColumns<T>,
  rows: readonly T[],
): Promise<void> {
  if (rows.length === 0) return;
  const properties = Object.keys(columns) as (keyof T)[];
  const names = properties.map((property) => columns[property] as string);
  await tx.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM ${unnestColumns(names)}`,
    properties.map((property) => rows.map((row) => toPostgres(row[property]))),
  );
}

/** The changed columns of each row, `updated_at` set; one statement per set of columns. */
async function update<T>(
  tx: PostgresTransaction,
  table: string,
  columns: UpsertColumns<T>,
  changes: ReadonlyMap<string, Partial<T>>,
  now: Date,
): Promise<void> {
  const groups = new Map<string, { properties: (keyof T)[]; rows: [string, Partial<T>][] }>();
  for (const [id, changed] of changes) {
    const properties = (Object.keys(changed) as (keyof T)[]).filter(
      (property) => columns[property] && property !== 'updatedAt',
    );
    const key = properties.join(',');
    const group = groups.get(key) ?? { properties, rows: [] };
    group.rows.push([id, changed]);
    groups.set(key, group);
  }
  for (const { properties, rows } of groups.values()) {
    const names = ['id', ...properties.map((property) => columns[property] as string)];
    const set = [...names.slice(1), 'updated_at'].map((name) =>
      name === 'updated_at' ? `updated_at = $${names.length + 1}` : `${name} = v.${name}`,
    );
    await tx.query(
      `UPDATE ${table} t SET ${set.join(', ')} FROM ${unnestColumns(names)} AS v(${names.join(', ')}) ` +
        'WHERE t.id = v.id',
      [
        rows.map(([id]) => id),
        ...properties.map((property) => rows.map(([, changed]) => toPostgres(changed[property]))),
        now,
      ],
    );
  }
}
