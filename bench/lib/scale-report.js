'use strict';

const { int, pct, verdict } = require('./format');

const SEARCH_P99_TARGET_MS = 50;
const RSS_TARGET_MB = 300;
const LARGE_TO_SMALL_TARGET = 0.7;
const TO_BASELINE_TARGET = 0.75;
const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'Postgres' };

/** A markdown table: `header` cells, then `rows` of cells (the first column left-aligned). */
function table(header, rows) {
  return [
    `| ${header.join(' | ')} |`,
    `| --- |${' ---: |'.repeat(header.length - 1)}`,
    ...rows.map((cells) => `| ${cells.join(' | ')} |`),
  ];
}

/** The import's figures per engine, one row per figure, with the targets' verdicts. */
function importRows(engines, names, settings) {
  const figure = (label, cell) => [label, ...names.map((name) => cell(engines[name].imported))];
  const small = int(settings.smallRows);
  const large = int(settings.rows);
  const rate = (value) => (value === undefined ? '—' : `${int(value)} rows/s`);
  const ratio = (value, target) =>
    value === undefined ? '—' : `${pct(value)} ${verdict(value >= target)}`;
  return [
    figure(`import, ${small} rows into an empty table`, (i) => rate(i.small.rowsPerSecond)),
    figure(`import, ${large} rows on top of them`, (i) => rate(i.large.rowsPerSecond)),
    figure(`large ÷ small (target ≥ ${pct(LARGE_TO_SMALL_TARGET)})`, (i) =>
      ratio(i.ratios.largeToSmall, LARGE_TO_SMALL_TARGET),
    ),
    figure('baseline: csv-parse + raw INSERTs, small file', (i) => rate(i.baseline?.small.insert)),
    figure('baseline: csv-parse + raw INSERTs, large file', (i) => rate(i.baseline?.large?.insert)),
    // How much the raw INSERTs themselves slow as the table grows: the ceiling of large ÷ small.
    figure('baseline large ÷ small (raw INSERTs as the table grows)', (i) =>
      i.baseline?.large?.insert === undefined
        ? '—'
        : pct(i.baseline.large.insert / i.baseline.small.insert),
    ),
    figure('baseline: csv-parse alone, large file', (i) => rate(i.baseline?.large?.parse)),
    figure(`import ÷ baseline, small (target ≥ ${pct(TO_BASELINE_TARGET)})`, (i) =>
      ratio(i.ratios.smallToBaseline, TO_BASELINE_TARGET),
    ),
    figure(`import ÷ baseline, large (target ≥ ${pct(TO_BASELINE_TARGET)})`, (i) =>
      ratio(i.ratios.largeToBaseline, TO_BASELINE_TARGET),
    ),
    figure("service's CPU per row, large file", (i) => `${int(i.large.cpuUsPerRow)} µs`),
    figure(
      `peak RSS while importing (target < ${RSS_TARGET_MB} MB)`,
      (i) => `${int(i.peakRssMb)} MB ${verdict(i.peakRssMb < RSS_TARGET_MB)}`,
    ),
    figure('large file, rows/s by tenth', (i) => (i.large.ratesByTenth ?? []).map(int).join(' · ')),
  ];
}

/** The job's figures per engine: time per step, peak RSS, checkpoint size, exported rows. */
function jobRows(engines, names) {
  const jobs = names.map((name) => engines[name].job);
  const rows = [['whole job', ...jobs.map((job) => `${job.seconds.toFixed(1)} s`)]];
  jobs[0].steps.forEach((step, index) => {
    rows.push([step.step, ...jobs.map((job) => `${job.steps[index].seconds.toFixed(1)} s`)]);
  });
  rows.push(
    [
      `peak RSS during the job (target < ${RSS_TARGET_MB} MB)`,
      ...jobs.map((job) => `${int(job.peakRssMb)} MB ${verdict(job.peakRssMb < RSS_TARGET_MB)}`),
    ],
    ['RSS when it started', ...jobs.map((job) => `${int(job.startRssMb)} MB`)],
    ['largest checkpoint', ...jobs.map((job) => `${int(job.largestCheckpointBytes)} bytes`)],
    ['rows exported', ...jobs.map((job) => int(job.exportedRows ?? 0))],
  );
  return rows;
}

/**
 * The markdown section of the scale part: the import per engine with its targets, each
 * measurement as one table with the engines' columns side by side (its rows matched by name),
 * and the job.
 */
function renderScaleReport({ settings, files, engines }) {
  const names = Object.keys(engines);
  const engineNames = names.map((name) => ENGINE_NAMES[name]);
  const lines = [
    '## Prospects at scale',
    '',
    `Two fictional files in the wide vocabulary (${int(settings.smallRows)} rows, ` +
      `${(files.small.bytes / 1e6).toFixed(1)} MB; ${int(settings.rows)} rows, ` +
      `${(files.large.bytes / 1e6).toFixed(1)} MB; different people) streamed in turn to ` +
      'POST /prospects/import, then each measurement ' +
      `(${settings.requests} requests per search after 5 unmeasured), then a restarted service ` +
      `runs one job over ${int(settings.jobProspects)} prospects. CPU: the service's per ` +
      "request (on Postgres, + the server's). `+` after a total: a lower bound.",
    '',
  ];
  for (const name of names) {
    if (engines[name].cluster) lines.push(`Postgres: ${engines[name].cluster}.`, '');
  }
  lines.push(
    '### Import',
    '',
    ...table(['', ...engineNames], importRows(engines, names, settings)),
  );
  const first = engines[names[0]];
  const misses = [];
  first.measurements.forEach((measurement, index) => {
    const header = ['measure'];
    for (const name of names) {
      header.push(...measurement.columns.map((column) => `${ENGINE_NAMES[name]} ${column}`));
    }
    const rows = measurement.rows.map((row) => {
      const cells = [row.name];
      for (const name of names) {
        const same = engines[name].measurements[index].rows.find((r) => r.name === row.name);
        cells.push(...(same?.cells ?? measurement.columns.map(() => '—')));
        if (same?.p99 > SEARCH_P99_TARGET_MS) misses.push(`${row.name} (${ENGINE_NAMES[name]})`);
      }
      return cells;
    });
    lines.push('', `### ${measurement.title}`, '', ...table(header, rows));
  });
  lines.push(
    '',
    misses.length === 0
      ? `Every search's p99 is under ${SEARCH_P99_TARGET_MS} ms.`
      : `**p99 over ${SEARCH_P99_TARGET_MS} ms:** ${misses.join(', ')}.`,
    '',
    `### One job over ${int(settings.jobProspects)} prospects (search → score → draft → export)`,
    '',
    ...table(['', ...engineNames], jobRows(engines, names)),
    '',
  );
  return lines.join('\n');
}

module.exports = { renderScaleReport };
