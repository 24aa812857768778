'use strict';

/**
 * Baseline worker (forked by prospects.js) for the CSV import, in its own process:
 *   1. csv-parse alone: the benchmark file streamed through the parser, records counted;
 *   2. csv-parse + raw better-sqlite3 INSERTs: each record inserted as a prospect (companies
 *      inserted once per domain) with prepared statements, 1,000 per transaction, on a fresh WAL
 *      file with the service's own tables, indexes and triggers (copied from its database, the
 *      free-text index `prospect_search` included) — no validation,
 *      no duplicate lookups: what the import could reach with nothing but parsing and writing;
 *   3. the same into lighter schemas, report only, to show what the indexes cost: without the
 *      free-text index (its table and triggers), and with nothing but the tables and their unique
 *      keys (no search index at all).
 * Sends `{ parse, insert, insertWithoutFreeText, insertKeysOnly }` (rows/s) over IPC.
 *
 * Usage: node bench/prospects-baseline.js <csv file> <service database (schema source)> <scratch database> [full]
 * With `full`, only 1 and 2 (the lighter schemas are skipped, as scale-import.js does at 1M rows).
 */
const fs = require('node:fs');
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const Database = require('better-sqlite3');
const { parse } = require('csv-parse');

const [csvFile, schemaFile, scratchFile, only] = process.argv.slice(2);

async function parseOnly() {
  const started = performance.now();
  let rows = 0;
  for await (const _record of fs.createReadStream(csvFile).pipe(parse({ bom: true }))) rows++;
  return (rows - 1) / ((performance.now() - started) / 1000);
}

/** Which of the service's schema statements a baseline keeps. */
const SCHEMAS = {
  full: () => true,
  withoutFreeText: (sql) => !sql.includes('prospect_search'),
  keysOnly: (sql) => /^CREATE (TABLE|UNIQUE INDEX) /.test(sql) && !sql.includes('prospect_search'),
};

function openScratch(file, keep) {
  const schema = new Database(schemaFile, { readonly: true })
    .prepare(
      "SELECT sql FROM sqlite_master WHERE tbl_name IN ('companies', 'prospects', 'prospect_search') AND sql IS NOT NULL " +
        "ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END",
    )
    .all();
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  for (const { sql } of schema) if (keep(sql)) db.exec(sql);
  return db;
}

const PROSPECT_COLUMNS =
  'id, name, first_name, last_name, email, title, search_text, seniority, company_id, city, country, linkedin_url, source, tags, opted_out, created_at, updated_at';

async function parseAndInsert(schemaName) {
  const db = openScratch(
    scratchFile.replace(/(\.sqlite)?$/, `-${schemaName}.sqlite`),
    SCHEMAS[schemaName],
  );
  const insertProspect = db.prepare(
    `INSERT INTO prospects (${PROSPECT_COLUMNS}) VALUES (${PROSPECT_COLUMNS.replace(/\w+/g, '?')})`,
  );
  const insertCompany = db.prepare(
    'INSERT INTO companies (id, name, domain, website_url, industry, employee_count, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const companies = new Map();
  const emails = new Set();
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const insertRecord = (r) => {
    const domain = r[5].replace(/^https?:\/\/(www\.)?/, '');
    let companyId = companies.get(domain);
    if (!companyId) {
      companyId = randomUUID();
      companies.set(domain, companyId);
      insertCompany.run(companyId, r[4], domain, r[5], r[6], Number(r[7]), now, now);
    }
    const email = r[2].toLowerCase();
    if (emails.has(email)) return; // the file's repeated people: a raw insert would fail on them
    emails.add(email);
    // search_text as the service writes it, so the free-text index costs the same work here.
    const searchText = `${r[0]} ${r[1]} ${email} ${r[3]} ${r[4]}`.toLowerCase();
    insertProspect.run(
      randomUUID(),
      `${r[0]} ${r[1]}`,
      r[0],
      r[1],
      email,
      r[3],
      searchText,
      null,
      companyId,
      r[8],
      r[9],
      r[10],
      'csv',
      '[]',
      0,
      now,
      now,
    );
  };
  const writeBatch = db.transaction((batch) => batch.forEach(insertRecord));
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
    if (batch.length === 1000) {
      writeBatch(batch);
      batch = [];
    }
  }
  writeBatch(batch);
  const rate = rows / ((performance.now() - started) / 1000);
  db.close();
  return rate;
}

(async () => {
  const parseRate = await parseOnly();
  const insertRate = await parseAndInsert('full');
  const insertWithoutFreeText = only === 'full' ? NaN : await parseAndInsert('withoutFreeText');
  const insertKeysOnly = only === 'full' ? NaN : await parseAndInsert('keysOnly');
  process.send({ parse: parseRate, insert: insertRate, insertWithoutFreeText, insertKeysOnly });
})().catch((error) => process.send({ error: error.stack || String(error) }));
