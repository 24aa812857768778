'use strict';

/**
 * Targets of the prospect database. The import is held to a share of csv-parse plus raw INSERTs
 * into the same schema, measured in the same run (an absolute rate depends on the machine).
 */
const IMPORT_RATIO_TARGET = 0.75;
const RSS_TARGET_MB = 300;
const SEARCH_P99_TARGET_MS = 50;

const int = (value) => Math.round(value).toLocaleString('en-US');
const ms = (value) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));
const pct = (value) => `${Math.round(value * 100)}%`;
const verdict = (met) => (met ? 'pass' : '**FAIL**');

/** The markdown section of the import and search benchmark, naming every missed target. */
function renderProspectsReport({
  file,
  baseline,
  idleRssMb,
  importPeakRssMb,
  imported,
  searches,
  job,
}) {
  const rate = imported.body.rows / imported.seconds;
  const { inserted, updated, skipped } = imported.body;
  const misses = [];
  const check = (label, met) => {
    if (!met) misses.push(label);
    return verdict(met);
  };
  const lines = [
    '## Prospects: CSV import and search',
    '',
    `${int(file.rows)} fictional rows (${(file.bytes / 1e6).toFixed(1)} MB, Apollo-style headers, ` +
      `${int(file.duplicates)} repeated people) streamed to POST /prospects/import as a text/csv ` +
      `body; the service runs with production settings, no sample data, on SQLite (WAL). ` +
      `Result: ${int(inserted)} inserted, ${int(updated)} updated, ${int(skipped)} skipped.`,
    '',
    '| measure | value | baseline | ratio | target | pass/fail |',
    '| --- | ---: | --- | ---: | --- | --- |',
    `| import rows/s | ${int(rate)} (${imported.seconds.toFixed(1)} s; CPU ${int(imported.cpuUsPerRow)} µs/row) | csv-parse + raw INSERTs, same schema: ${int(baseline.insert)}/s | ${pct(rate / baseline.insert)} | ≥ ${pct(IMPORT_RATIO_TARGET)} | ${check('import rows/s', rate >= IMPORT_RATIO_TARGET * baseline.insert)} |`,
    `| | | the same without the free-text index: ${int(baseline.insertWithoutFreeText)}/s | ${pct(rate / baseline.insertWithoutFreeText)} | — | report only |`,
    `| | | the same with unique keys only, no search index: ${int(baseline.insertKeysOnly)}/s | ${pct(rate / baseline.insertKeysOnly)} | — | report only |`,
    `| | | csv-parse alone: ${int(baseline.parse)}/s | ${pct(rate / baseline.parse)} | — | report only |`,
    `| service peak RSS | ${importPeakRssMb.toFixed(0)} MB (idle before: ${idleRssMb.toFixed(0)} MB) | | | < ${RSS_TARGET_MB} MB | ${check('peak RSS', importPeakRssMb < RSS_TARGET_MB)} |`,
    '',
    'Searches over the imported rows, one client, sequential requests (client-side latency; ' +
      "CPU ms/req: the service's CPU time per request, steadier on a shared machine):",
    '',
    '| search | matches | requests | p50 ms | p99 ms | CPU ms/req | target | pass/fail |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  for (const search of searches) {
    const outcome = check(`search "${search.name}"`, search.p99 < SEARCH_P99_TARGET_MS);
    lines.push(
      `| GET /prospects?${search.query.replace(/\|/g, '\\|')} | ${int(search.total)} | ${search.count} | ${ms(search.p50)} | ${ms(search.p99)} | ${ms(search.cpuMs)} | p99 < ${SEARCH_P99_TARGET_MS} ms | ${outcome} |`,
    );
  }
  lines.push(
    `| POST /jobs, one prospects.search step (limit 100), to job_finished | — | ${job.count} | ${ms(job.p50)} | ${ms(job.p99)} | | — | report only |`,
    '',
    misses.length === 0
      ? '**All prospect targets met.**'
      : `**Prospect targets missed:** ${misses.join('; ')}.`,
  );
  return `${lines.join('\n')}\n`;
}

module.exports = { renderProspectsReport };
