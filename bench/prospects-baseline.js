'use strict';

/**
 * Baseline worker (forked by prospects.js) for the CSV import, in its own process:
 *   1. csv-parse alone: the benchmark file streamed through the parser, records counted;
 *   2. csv-parse + raw better-sqlite3 INSERTs: each record inserted as a prospect (companies
 *      inserted once per domain) with prepared statements, 1,000 per transaction, on a fresh WAL
 *      file with the service's own tables, indexes and triggers (copied from its database, the
 *      free-text index `prospect_search` and the tag index `prospect_tags` included), each
 *      prospect with its tags as an import writes them — no validation, no duplicate lookups:
 *      what the import could reach with nothing but parsing and writing;
 *   3. the same into lighter schemas, report only, to show what the indexes cost: without the
 *      free-text index (its table and triggers), and with nothing but the tables and their unique
 *      keys (no search index at all).
 * Sends `{ parse, insert, insertWithoutFreeText, insertKeysOnly }` (rows/s) over IPC.
 *
 * Usage: node bench/prospects-baseline.js <csv file> <service database (schema source)> <scratch database> [full]
 * With `full`, only 1 and 2 (the lighter schemas are skipped, as scale-import.js does at 1M rows).
 */
const Database = require('better-sqlite3');
const { inBatches, parseOnly, recordRows } = require('./lib/baseline-csv');

const BATCH_SIZE = 1000;

const [csvFile, schemaFile, scratchFile, only] = process.argv.slice(2);

/** Which of the service's schema statements a baseline keeps. */
const SCHEMAS = {
  full: () => true,
  withoutFreeText: (sql) => !sql.includes('prospect_search'),
  keysOnly: (sql) => /^CREATE (TABLE|UNIQUE INDEX) /.test(sql) && !sql.includes('prospect_search'),
};

function openScratch(file, keep) {
  const schema = new Database(schemaFile, { readonly: true })
    .prepare(
      "SELECT sql FROM sqlite_master WHERE tbl_name IN ('companies', 'prospects', 'prospect_search', 'prospect_tags') AND sql IS NOT NULL " +
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
  'id, name, first_name, last_name, email, title, title_words, search_text, seniority, department, company_id, city, country, linkedin_url, source, tags, opted_out, created_at, updated_at';

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
  const rowsOf = recordRows();
  const now = new Date().toISOString().replace('T', ' ').replace('Z', '');
  const insertRecord = (record) => {
    const { company: c, prospect: p } = rowsOf(record);
    if (c) {
      insertCompany.run(
        c.id,
        c.name,
        c.domain,
        c.websiteUrl,
        c.industry,
        c.employeeCount,
        now,
        now,
      );
    }
    if (!p) return;
    insertProspect.run(
      ...[p.id, p.name, p.firstName, p.lastName, p.email, p.title, p.titleWords, p.searchText],
      ...[p.seniority, p.department],
      ...[p.companyId, p.city, p.country, p.linkedinUrl, 'csv', p.tags, 0, now, now],
    );
  };
  const writeBatch = db.transaction((batch) => batch.forEach(insertRecord));
  const rate = await inBatches(csvFile, BATCH_SIZE, writeBatch);
  db.close();
  return rate;
}

(async () => {
  const parseRate = await parseOnly(csvFile);
  const insertRate = await parseAndInsert('full');
  const insertWithoutFreeText = only === 'full' ? NaN : await parseAndInsert('withoutFreeText');
  const insertKeysOnly = only === 'full' ? NaN : await parseAndInsert('keysOnly');
  process.send({ parse: parseRate, insert: insertRate, insertWithoutFreeText, insertKeysOnly });
})().catch((error) => process.send({ error: error.stack || String(error) }));
