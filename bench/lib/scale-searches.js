'use strict';

/* global fetch, AbortSignal */

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const { importFile } = require('../prospects');
const { writeProspectsCsv } = require('./prospects-csv');

const REQUEST_TIMEOUT_MS = 30_000;
const WARM_UP = 5;

/** The import batch of RECENT_ROWS new people that the searches import first (see recentBatch). */
const RECENT_BATCH = 'bench-recent';
const RECENT_ROWS = 1000;

/**
 * GET /prospects over the `wide` file: the prospects part's five searches, then the company,
 * score, exclusion and sort filters, a deep page, and the tag filters that few prospects match:
 * a tag none has, a recent import's batch alone and with a department. Each a page of 20 unless
 * it says otherwise.
 */
const SCALE_SEARCHES = [
  { name: 'title + country', query: 'title=VP%20Sales&country=Germany' },
  {
    name: 'seniority + industry + size',
    query: 'seniority=c_level,vp&industry=Software&employees_min=50&employees_max=500',
  },
  { name: 'title + three cities', query: 'title=CTO&city=Berlin,Munich,Vienna' },
  {
    name: 'department + two countries + tag',
    query: 'department=Marketing&country=France,Spain&tag=saas&limit=50',
  },
  { name: 'free text', query: 'q=greta%20fischer' },
  { name: 'free text, one common word', query: 'q=manager' },
  { name: 'no filter', query: '' },
  { name: 'company by name', query: 'company=Nordblue%2060%20BV' },
  { name: 'company by domain + title', query: 'company=company61.example&title=Engineer' },
  {
    name: 'department, exclude countries + companies',
    query:
      'department=Sales&exclude_country=Germany,United%20States&exclude_company=company7.example',
  },
  { name: 'industry + size', query: 'industry=Financial%20Services&employees_min=1000' },
  { name: 'min score', query: 'min_score=70' },
  { name: 'seniority, best score first', query: 'seniority=vp&sort=-score' },
  { name: 'country + tag + never emailed', query: 'country=Japan&tag=hiring&never_emailed=true' },
  { name: 'source + not contacted 90 days', query: 'source=bench&not_contacted_days=90' },
  { name: 'deep page (skip 5,000)', query: 'country=Germany&skip=5000' },
  { name: 'tag no prospect has', query: 'tag=board-member' },
  {
    name: `import batch of ${RECENT_ROWS.toLocaleString('en-US')}`,
    query: `batch=${RECENT_BATCH}`,
  },
  { name: 'department + import batch', query: `department=Sales&batch=${RECENT_BATCH}` },
];

/**
 * Imports RECENT_ROWS people that no other file has (batch RECENT_BATCH): "the people I just
 * imported" among all the others.
 */
async function importRecentBatch(baseUrl) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zigral-recent-'));
  try {
    const file = path.join(dir, 'recent.csv');
    await writeProspectsCsv(file, RECENT_ROWS, 44, { variety: 'wide', firstPerson: 5_000_000 });
    await importFile(baseUrl, file, 300_000, `&batch=${RECENT_BATCH}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function percentile(sorted, q) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** `count` sequential GETs of one search after a few unmeasured; latency, CPU and the total. */
async function timeSearch(context, query, count) {
  const page = query.includes('limit=') ? query : `limit=20&${query}`;
  const url = `${context.baseUrl}/prospects?${page}`;
  const once = async () => {
    const started = performance.now();
    const response = await fetch(url, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    const body = await response.json();
    if (response.status !== 200) throw new Error(`GET ${url}: ${response.status}`);
    return { ms: performance.now() - started, body };
  };
  for (let i = 0; i < WARM_UP; i++) await once();
  const cpuBefore = context.cpuTimeMs();
  const databaseBefore = context.databaseCpuMs();
  const samples = [];
  let last;
  for (let i = 0; i < count; i++) {
    last = await once();
    samples.push(last.ms);
  }
  samples.sort((a, b) => a - b);
  return {
    p50: percentile(samples, 0.5),
    p99: percentile(samples, 0.99),
    cpuMs: (context.cpuTimeMs() - cpuBefore) / count,
    databaseCpuMs: (context.databaseCpuMs() - databaseBefore) / count,
    total: last.body.total,
    bound: last.body.total_is_lower_bound === true,
  };
}

const ms = (value) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));

/** The searches, BENCH_SCALE_REQUESTS each, one client. */
async function searchMeasurement(context) {
  console.log(`Scale (${context.engine}): importing a batch of ${RECENT_ROWS} for the searches...`);
  await importRecentBatch(context.baseUrl);
  const rows = [];
  for (const search of SCALE_SEARCHES) {
    console.log(`Scale (${context.engine}): ${search.name}...`);
    const timed = await timeSearch(context, search.query, context.settings.requests);
    const cpu =
      context.engine === 'postgres'
        ? `${ms(timed.cpuMs)} + ${ms(timed.databaseCpuMs)}`
        : ms(timed.cpuMs);
    const total = `${timed.total.toLocaleString('en-US')}${timed.bound ? '+' : ''}`;
    rows.push({
      name: search.name,
      cells: [ms(timed.p50), ms(timed.p99), cpu, total],
      p99: timed.p99,
    });
  }
  return rows;
}
searchMeasurement.title = 'GET /prospects, page of 20, one client';
searchMeasurement.columns = ['p50 ms', 'p99 ms', 'CPU ms/req', 'total'];

module.exports = { searchMeasurement, SCALE_SEARCHES };
