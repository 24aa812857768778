'use strict';

/* global document, MutationObserver, Event, fetch */

/**
 * The web app (dist/web), as a sales user meets it:
 *   1. the JavaScript the first load runs: every script and modulepreload index.html names,
 *      gzipped with zlib (what a browser downloads) — target ≤ 200 KB;
 *   2. with 100,000 prospects imported (BENCH_WEB_ROWS, the file of the prospects part when the
 *      full run has one) into a service of its own, headless Debian chromium
 *      (/usr/bin/chromium, or BENCH_CHROMIUM) opens /app/prospects in a fresh context each time
 *      (no cache): the time from navigation to the first row of results — target ≤ 1 s; then a
 *      filter change (the seniority select, a new query each time) until the new results are
 *      shown — target ≤ 300 ms. Median of 5 each (BENCH_WEB_RUNS).
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const os = require('node:os');
const { performance } = require('node:perf_hooks');
const { int, positiveIntegerFromEnv, verdict } = require('./lib/format');
const { writeProspectsCsv } = require('./lib/prospects-csv');
const { startService } = require('./lib/service');
const { importFile } = require('./prospects');

const WEB_DIR = path.resolve(__dirname, '..', 'dist', 'web');
const TARGETS = { jsKb: 200, firstResultsMs: 1000, filterMs: 300 };
const SENIORITIES = ['vp', 'director', 'manager', 'c_level', 'founder', 'senior', 'entry'];

/** The JS files index.html loads on first load, with raw and gzipped sizes. */
function firstLoadJs(webDir = WEB_DIR) {
  const html = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
  const refs = new Set();
  for (const match of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) refs.add(match[1]);
  for (const match of html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    refs.add(match[1]);
  const files = [...refs].map((ref) => {
    const file = path.join(webDir, ref.replace(/^\/app\//, '').replace(/^\//, ''));
    const raw = fs.readFileSync(file);
    return { ref, bytes: raw.length, gzipBytes: zlib.gzipSync(raw, { level: 9 }).length };
  });
  const gzipBytes = files.reduce((sum, f) => sum + f.gzipBytes, 0);
  const bytes = files.reduce((sum, f) => sum + f.bytes, 0);
  return { files, bytes, gzipBytes };
}

/** The API alone for the same queries, from Node: how much of a figure is the service's. */
async function apiMs(baseUrl, query, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const response = await fetch(`${baseUrl}/prospects?${query}`);
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`GET /prospects?${query}: ${response.status}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

/** Navigation → first result row, read in the page (performance.now() is from navigation start). */
async function firstResults(browser, baseUrl) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${baseUrl}/app/prospects`, { waitUntil: 'commit' });
    const handle = await page.waitForFunction(
      () => (document.querySelector('table tbody tr a') ? performance.now() : null),
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    return handle.jsonValue();
  } finally {
    await context.close();
  }
}

/** A change of the seniority select → the new results shown (the "Updating…" gone). */
async function filterChange(page, value) {
  return page.evaluate(
    (next) =>
      new Promise((resolve, reject) => {
        const select = document.getElementById('pros-seniority');
        const count = document.getElementById('pros-count');
        if (!select || !count) return reject(new Error('no seniority select or count line'));
        const before = count.textContent;
        let seenUpdating = false;
        let started = 0;
        const timer = setTimeout(() => reject(new Error('no new results within 10 s')), 10_000);
        const check = () => {
          const text = document.getElementById('pros-count')?.textContent ?? '';
          if (text.startsWith('Updating')) seenUpdating = true;
          else if (seenUpdating || text !== before) {
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - started);
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(document.getElementById('main') ?? document.body, {
          subtree: true,
          childList: true,
          characterData: true,
        });
        started = performance.now();
        select.value = next;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    value,
  );
}

function renderWebReport(r) {
  const row = (name, figure, target, met) =>
    `| ${name} | ${figure} | ${target} | ${verdict(met)} |`;
  return [
    '### Web app',
    '',
    `${int(r.rows)} prospects imported; headless chromium, median of ${r.runs} runs each.`,
    '',
    '| Measure | Figure | Target | |',
    '| --- | --- | --- | --- |',
    row(
      `JS on first load, gzipped (${r.js.files.length} files, ${int(r.js.bytes / 1024)} KB raw)`,
      `${(r.js.gzipBytes / 1024).toFixed(1)} KB`,
      `≤ ${TARGETS.jsKb} KB`,
      r.js.gzipBytes <= TARGETS.jsKb * 1024,
    ),
    row(
      'Prospects page: navigation → first results',
      `${int(r.firstMs)} ms (${r.firstAll.map(int).join(', ')})`,
      `≤ ${int(TARGETS.firstResultsMs)} ms`,
      r.firstMs <= TARGETS.firstResultsMs,
    ),
    row(
      'Filter change → new results',
      `${int(r.filterMs)} ms (${r.filterAll.map(int).join(', ')})`,
      `≤ ${TARGETS.filterMs} ms`,
      r.filterMs <= TARGETS.filterMs,
    ),
    `| of which GET /prospects?limit=50 alone (from Node) | ${int(r.apiFirstMs)} ms | — | report only |`,
    `| of which GET /prospects?seniority=…&limit=50 alone | ${int(r.apiFilterMs)} ms | — | report only |`,
    '',
    `Load average during the run: ${r.load.map((l) => l.toFixed(1)).join(', ')} on ${r.cpus} CPUs.`,
    '',
  ].join('\n');
}

/** `csv` (optional): the prospects part's file `{ path, rows }`, imported as it is. */
async function runWebBench({ distMain, tmpDir, csv }) {
  const js = firstLoadJs();
  console.log(`Web: ${(js.gzipBytes / 1024).toFixed(1)} KB of JS on first load (gzipped)`);
  const dir = path.join(tmpDir, 'web');
  fs.mkdirSync(dir, { recursive: true });
  const runs = positiveIntegerFromEnv('BENCH_WEB_RUNS', 5);
  let file = csv;
  if (!file) {
    const rows = positiveIntegerFromEnv('BENCH_WEB_ROWS', 100_000);
    console.log(`Web: writing a ${int(rows)}-row CSV...`);
    const csvPath = path.join(dir, 'prospects.csv');
    file = { path: csvPath, ...(await writeProspectsCsv(csvPath, rows)) };
  }
  const service = await startService({
    distMain,
    tmpDir: dir,
    logLevel: process.env.BENCH_LOG_LEVEL || 'info',
    env: { SEED_SAMPLE_DATA: 'false' },
    // A shared machine can take most of 30 s to start it; the figures are taken after.
    startupTimeoutMs: 90_000,
  });
  let browser;
  try {
    console.log('Web: importing the prospects...');
    const imported = await importFile(service.baseUrl, file.path);
    const { chromium } = require('playwright-core');
    browser = await chromium.launch({
      executablePath: process.env.BENCH_CHROMIUM || '/usr/bin/chromium',
    });
    console.log('Web: first results of /app/prospects, in a fresh browser context each...');
    await firstResults(browser, service.baseUrl); // unmeasured: the service's first queries
    const firstAll = [];
    for (let i = 0; i < runs; i++) firstAll.push(await firstResults(browser, service.baseUrl));
    console.log('Web: filter changes...');
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${service.baseUrl}/app/prospects`);
    await page.waitForSelector('table tbody tr a');
    const filterAll = [];
    for (let i = 0; i < runs; i++) {
      filterAll.push(await filterChange(page, SENIORITIES[i % SENIORITIES.length]));
    }
    await context.close();
    const apiFirstMs = await apiMs(service.baseUrl, 'skip=0&limit=50', runs);
    const apiFilterMs = await apiMs(service.baseUrl, 'skip=0&limit=50&seniority=director', runs);
    service.assertRunning();
    const results = {
      rows: imported.body.rows,
      runs,
      js,
      firstAll,
      firstMs: median(firstAll),
      filterAll,
      filterMs: median(filterAll),
      apiFirstMs,
      apiFilterMs,
      load: os.loadavg(),
      cpus: os.cpus().length,
    };
    return { results, table: renderWebReport(results) };
  } finally {
    await browser?.close();
    await service.stop();
  }
}

module.exports = { runWebBench, firstLoadJs };

// `node bench/web.js` runs this part alone (after `npm run build`).
if (require.main === module) {
  const { installCleanup } = require('./lib/children');
  installCleanup(10 * 60 * 1000);
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zigral-bench-web-'));
  process.once('exit', () => fs.rmSync(tmpDir, { recursive: true, force: true }));
  const distMain = path.resolve(__dirname, '..', 'dist', 'main.js');
  runWebBench({ distMain, tmpDir })
    .then(({ table }) => console.log(`\n${table}`))
    .then(
      () => process.exit(0),
      (error) => {
        console.error(`Web bench failed: ${error.stack || error}`);
        process.exit(1);
      },
    );
}
