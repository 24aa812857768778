'use strict';

/**
 * The Postgres counterpart of prospects-baseline.js (forked by scale-import.js), in its own
 * process: csv-parse alone, then csv-parse + raw INSERTs of each record as a prospect (a company
 * once per domain) into copies of the service's tables in a scratch schema of its database
 * (`CREATE TABLE … (LIKE public.… INCLUDING ALL)`: the same columns, defaults, unique keys and
 * search indexes, the trigram index included; no foreign keys; the triggers that keep
 * prospect_tags), one `INSERT … SELECT FROM unnest(…)` per table and 1,000 records, one
 * transaction each — the service's own way of writing, without validation or duplicate lookups. The schema is dropped afterwards.
 * Sends `{ parse, insert }` (rows/s) over IPC.
 *
 * Usage: node bench/prospects-baseline-pg.js <csv file> <database url> <label>
 */
const { Client } = require('pg');
const { inBatches, parseOnly, recordRows } = require('./lib/baseline-csv');

const [csvFile, databaseUrl, label] = process.argv.slice(2);
const SCHEMA = `baseline_${label.replace(/\W/g, '_')}`;
const BATCH_SIZE = 1000;

const COMPANY_COLUMNS = [
  'id',
  'name',
  'domain',
  'website_url',
  'industry',
  'employee_count',
  'created_at',
  'updated_at',
];
const PROSPECT_COLUMNS = [
  'id',
  'name',
  'first_name',
  'last_name',
  'email',
  'title',
  'title_words',
  'seniority',
  'department',
  'search_text',
  'company_id',
  'city',
  'country',
  'linkedin_url',
  'source',
  'tags',
  'created_at',
  'updated_at',
];

/** The prospect-tags migration's triggers: name, event, function. */
const TAG_TRIGGERS = [
  ['prospect_tags_insert', 'INSERT', 'prospect_tags_add'],
  ['prospect_tags_update', 'UPDATE OF tags', 'prospect_tags_add'],
  ['prospect_tags_delete', 'DELETE', 'prospect_tags_remove'],
];

/** `INSERT INTO schema.table (columns) SELECT * FROM unnest($1::type[], …)`, typed as stored. */
async function insertStatement(client, table, columns) {
  const { rows } = await client.query(
    'SELECT column_name, udt_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2',
    [SCHEMA, table],
  );
  const types = new Map(rows.map((row) => [row.column_name, row.udt_name]));
  const arrays = columns.map((column, index) => `$${index + 1}::${types.get(column)}[]`);
  return `INSERT INTO ${SCHEMA}.${table} (${columns.join(', ')}) SELECT * FROM unnest(${arrays.join(', ')})`;
}

const byColumn = (rows, count) =>
  Array.from({ length: count }, (_, column) => rows.map((row) => row[column]));

async function parseAndInsert(client) {
  await client.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
  await client.query(`CREATE SCHEMA ${SCHEMA}`);
  for (const table of ['companies', 'prospects', 'prospect_tags']) {
    await client.query(`CREATE TABLE ${SCHEMA}.${table} (LIKE public.${table} INCLUDING ALL)`);
  }
  // The service's triggers that keep prospect_tags, on the copies: their functions name the
  // table unqualified, found first in the scratch schema.
  await client.query(`SET search_path TO ${SCHEMA}, public`);
  for (const [trigger, event, fn] of TAG_TRIGGERS) {
    await client.query(
      `CREATE TRIGGER ${trigger} AFTER ${event} ON ${SCHEMA}.prospects FOR EACH ROW EXECUTE FUNCTION public.${fn}()`,
    );
  }
  const insertCompanies = await insertStatement(client, 'companies', COMPANY_COLUMNS);
  const insertProspects = await insertStatement(client, 'prospects', PROSPECT_COLUMNS);
  const rowsOf = recordRows();
  const now = new Date();
  const writeBatch = async (batch) => {
    const newCompanies = [];
    const newProspects = [];
    for (const record of batch) {
      const { company: c, prospect: p } = rowsOf(record);
      if (c) {
        newCompanies.push([c.id, c.name, c.domain, c.websiteUrl, c.industry, c.employeeCount]);
        newCompanies.at(-1).push(now, now);
      }
      if (!p) continue;
      newProspects.push([
        ...[p.id, p.name, p.firstName, p.lastName, p.email, p.title, p.titleWords],
        ...[p.seniority, p.department, p.searchText, p.companyId],
        ...[p.city, p.country, p.linkedinUrl, 'csv', p.tags, now, now],
      ]);
    }
    await client.query('BEGIN');
    if (newCompanies.length > 0) {
      await client.query(insertCompanies, byColumn(newCompanies, COMPANY_COLUMNS.length));
    }
    if (newProspects.length > 0) {
      await client.query(insertProspects, byColumn(newProspects, PROSPECT_COLUMNS.length));
    }
    await client.query('COMMIT');
  };
  const rate = await inBatches(csvFile, BATCH_SIZE, writeBatch);
  await client.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  return rate;
}

(async () => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const parseRate = await parseOnly(csvFile);
    const insertRate = await parseAndInsert(client);
    process.send({ parse: parseRate, insert: insertRate });
  } finally {
    await client.end();
  }
})().catch((error) => process.send({ error: error.stack || String(error) }));
