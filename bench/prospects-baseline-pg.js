'use strict';

/**
 * The Postgres counterpart of prospects-baseline.js (forked by scale-import.js), in its own
 * process: csv-parse alone, then csv-parse + raw INSERTs of each record as a prospect (a company
 * once per domain) into copies of the service's tables in a scratch schema of its database
 * (`CREATE TABLE … (LIKE public.… INCLUDING ALL)`: the same columns, defaults, unique keys and
 * search indexes, the trigram index included; no foreign keys), one `INSERT … SELECT FROM
 * unnest(…)` per table and 1,000 records, one transaction each — the service's own way of
 * writing, without validation or duplicate lookups. The schema is dropped afterwards.
 * Sends `{ parse, insert }` (rows/s) over IPC.
 *
 * Usage: node bench/prospects-baseline-pg.js <csv file> <database url> <label>
 */
const fs = require('node:fs');
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { Client } = require('pg');
const { parse } = require('csv-parse');

const [csvFile, databaseUrl, label] = process.argv.slice(2);
const SCHEMA = `baseline_${label.replace(/\W/g, '_')}`;
const BATCH = 1000;

async function parseOnly() {
  const started = performance.now();
  let rows = 0;
  for await (const _record of fs.createReadStream(csvFile).pipe(parse({ bom: true }))) rows++;
  return (rows - 1) / ((performance.now() - started) / 1000);
}

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
  for (const table of ['companies', 'prospects']) {
    await client.query(`CREATE TABLE ${SCHEMA}.${table} (LIKE public.${table} INCLUDING ALL)`);
  }
  const insertCompanies = await insertStatement(client, 'companies', COMPANY_COLUMNS);
  const insertProspects = await insertStatement(client, 'prospects', PROSPECT_COLUMNS);
  const companies = new Map();
  const emails = new Set();
  const now = new Date();
  const writeBatch = async (batch) => {
    const newCompanies = [];
    const newProspects = [];
    for (const r of batch) {
      const domain = r[5].replace(/^https?:\/\/(www\.)?/, '');
      let companyId = companies.get(domain);
      if (!companyId) {
        companyId = randomUUID();
        companies.set(domain, companyId);
        newCompanies.push([companyId, r[4], domain, r[5], r[6], Number(r[7]), now, now]);
      }
      const email = r[2].toLowerCase();
      if (emails.has(email)) continue; // the file's repeated people: a raw insert would fail
      emails.add(email);
      const searchText = `${r[0]} ${r[1]} ${email} ${r[3]} ${r[4]}`.toLowerCase();
      newProspects.push([
        randomUUID(),
        `${r[0]} ${r[1]}`,
        r[0],
        r[1],
        email,
        r[3],
        searchText,
        companyId,
        r[8],
        r[9],
        r[10],
        'csv',
        '[]',
        now,
        now,
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
  const started = performance.now();
  let rows = 0;
  let batch = [];
  let header = true;
  for await (const record of fs.createReadStream(csvFile).pipe(parse({ bom: true }))) {
    if (header) {
      header = false;
      continue;
    }
    rows++;
    batch.push(record);
    if (batch.length === BATCH) {
      await writeBatch(batch);
      batch = [];
    }
  }
  await writeBatch(batch);
  const rate = rows / ((performance.now() - started) / 1000);
  await client.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
  return rate;
}

(async () => {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const parseRate = await parseOnly();
    const insertRate = await parseAndInsert(client);
    process.send({ parse: parseRate, insert: insertRate });
  } finally {
    await client.end();
  }
})().catch((error) => process.send({ error: error.stack || String(error) }));
