'use strict';

const { int } = require('./format');

const SEARCH_P99_TARGET_MS = 50;
const ENGINE_NAMES = { sqlite: 'SQLite', postgres: 'Postgres' };

/**
 * The markdown section of the scale part: the import per engine, then each measurement as one
 * table with the engines' columns side by side (its rows matched by name).
 */
function renderScaleReport({ settings, csv, engines }) {
  const names = Object.keys(engines);
  const lines = [
    '## Prospects at scale',
    '',
    `${int(csv.rows)} fictional rows (${(csv.bytes / 1e6).toFixed(1)} MB, wide vocabulary, ` +
      `${int(csv.duplicates)} repeated people) imported through POST /prospects/import, then ` +
      `each measurement (${settings.requests} requests per search after 5 unmeasured). CPU: the ` +
      "service's per request (on Postgres, + the server's). `+` after a total: a lower bound.",
    '',
  ];
  for (const name of names) {
    const { imported, cluster } = engines[name];
    const rate = imported.body.rows / imported.seconds;
    lines.push(
      `- ${ENGINE_NAMES[name]}: import ${int(rate)} rows/s (${imported.seconds.toFixed(0)} s, ` +
        `CPU ${int(imported.cpuUsPerRow)} µs/row), ${int(imported.body.inserted)} inserted, ` +
        `${int(imported.body.updated)} updated${cluster ? `; ${cluster}` : ''}`,
    );
  }
  const first = engines[names[0]];
  const misses = [];
  first.measurements.forEach((measurement, index) => {
    lines.push('', `### ${measurement.title}`, '');
    const header = ['measure'];
    for (const name of names) {
      header.push(...measurement.columns.map((column) => `${ENGINE_NAMES[name]} ${column}`));
    }
    lines.push(`| ${header.join(' | ')} |`, `| --- |${' ---: |'.repeat(header.length - 1)}`);
    for (const row of measurement.rows) {
      const cells = [row.name];
      for (const name of names) {
        const same = engines[name].measurements[index].rows.find((r) => r.name === row.name);
        cells.push(...(same?.cells ?? measurement.columns.map(() => '—')));
        if (same?.p99 > SEARCH_P99_TARGET_MS) misses.push(`${row.name} (${ENGINE_NAMES[name]})`);
      }
      lines.push(`| ${cells.join(' | ')} |`);
    }
  });
  lines.push(
    '',
    misses.length === 0
      ? `Every search's p99 is under ${SEARCH_P99_TARGET_MS} ms.`
      : `**p99 over ${SEARCH_P99_TARGET_MS} ms:** ${misses.join(', ')}.`,
    '',
  );
  return lines.join('\n');
}

module.exports = { renderScaleReport };
