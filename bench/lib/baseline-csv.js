'use strict';

/** The CSV side of the import baselines (prospects-baseline.js, prospects-baseline-pg.js). */
const fs = require('node:fs');
const { randomUUID } = require('node:crypto');
const { performance } = require('node:perf_hooks');
const { parse } = require('csv-parse');
// The service's own derivations (after `npm run build`), so that the rows carry what it indexes.
const { departmentFromTitle } = require('../../dist/agents/prospects/utils/department.util');
const { seniorityFromTitle } = require('../../dist/agents/prospects/utils/seniority.util');
const { titleWords } = require('../../dist/agents/prospects/utils/title-words.util');

/** csv-parse alone over the file: data records per second. */
async function parseOnly(csvFile) {
  const started = performance.now();
  let rows = 0;
  for await (const _record of fs.createReadStream(csvFile).pipe(parse({ bom: true }))) rows++;
  return (rows - 1) / ((performance.now() - started) / 1000);
}

/**
 * The file's data records (the header skipped) handed to `write` in batches of `size`, each
 * awaited; resolves the records per second, writing included.
 */
async function inBatches(csvFile, size, write) {
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
    if (batch.length === size) {
      await write(batch);
      batch = [];
    }
  }
  await write(batch);
  return rows / ((performance.now() - started) / 1000);
}

/**
 * A reader of the generator's records (first, last, email, title, company, website, industry,
 * employees, city, country, LinkedIn URL) as rows to insert: a company for each new domain, a
 * prospect for each new email (the file's repeated people would fail a raw insert), with what
 * the service derives and indexes (search_text, title words, seniority, department, the tags)
 * as it writes them, so that every index costs the same work.
 */
function recordRows() {
  const companies = new Map();
  const emails = new Set();
  return (r) => {
    const domain = r[5].replace(/^https?:\/\/(www\.)?/, '');
    let company;
    let companyId = companies.get(domain);
    if (!companyId) {
      companyId = randomUUID();
      companies.set(domain, companyId);
      company = { id: companyId, name: r[4], domain, websiteUrl: r[5], industry: r[6] };
      company.employeeCount = Number(r[7]);
    }
    const email = r[2].toLowerCase();
    if (emails.has(email)) return { company };
    emails.add(email);
    const prospect = {
      id: randomUUID(),
      name: `${r[0]} ${r[1]}`,
      firstName: r[0],
      lastName: r[1],
      email,
      title: r[3],
      titleWords: titleWords(r[3]),
      seniority: seniorityFromTitle(r[3]) ?? null,
      department: departmentFromTitle(r[3]) ?? null,
      searchText: `${r[0]} ${r[1]} ${email} ${r[3]} ${r[4]}`.toLowerCase(),
      companyId,
      city: r[8],
      country: r[9],
      linkedinUrl: r[10],
      // As an import stores them: the batch's tag, then the file's keywords.
      tags: JSON.stringify([
        'import:baseline',
        ...(r[11] ?? '')
          .split(',')
          .map((tag) => tag.trim())
          .filter(Boolean),
      ]),
    };
    return { company, prospect };
  };
}

module.exports = { parseOnly, inBatches, recordRows };
