'use strict';

const { execSync } = require('node:child_process');
const os = require('node:os');

const RSS_LIMIT_MB = 250;

const CEILING_LABELS = {
  bareNest: 'bare Nest GET (Fastify)',
  barePatch: 'bare Nest PATCH (Fastify, one raw UPDATE)',
  insert: 'raw INSERT',
  select: 'raw SELECT by PK',
  update: 'raw UPDATE by PK',
};

const int = (value) => Math.round(value).toLocaleString('en-US');
const ms = (value) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));
const pct = (value) => `${Math.round(value * 100)}%`;

function gitDescription() {
  try {
    const commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] });
    // A worktree's node_modules symlink (git ignores node_modules/ folders, not links) is no change.
    const dirty = execSync('git status --porcelain', { stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .split('\n')
      .filter((line) => line && line !== '?? node_modules');
    return `${commit.toString().trim()}${dirty.length > 0 ? ' (with uncommitted changes)' : ''}`;
  } catch {
    return 'unknown';
  }
}

/** Verdict of one route: INVALID when any request failed, else pass/FAIL against its target. */
function verdict(route, ratio) {
  if (route.result.failures > 0) return `**INVALID** (${route.result.failureDetail})`;
  if (route.target === null) return 'report only';
  return ratio >= route.target ? 'pass' : '**FAIL**';
}

/**
 * The markdown report: one row per service route with its ceiling and ratio, the peak RSS, the
 * ceilings themselves, and a summary line naming every missed target.
 */
function renderReport({ settings, routes, ceilings, peakRssMb }) {
  const lines = [
    `# Zigral benchmark, ${new Date().toISOString()}`,
    '',
    `Node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), ` +
      `commit ${gitDescription()}; load average at the end ${os.loadavg()[0].toFixed(2)} ` +
      '(other work on the machine skews every figure).',
    `autocannon on 127.0.0.1: ${settings.connections} connections, ${settings.duration} s per ` +
      `route after a ${settings.warmup} s warm-up. Service: NODE_ENV=production, ` +
      `LOG_LEVEL=${settings.logLevel}, helmet, throttling (limit raised), SQLite WAL, ` +
      `${int(settings.seed)} seeded entries.`,
    '',
    '| route | req/s | p50 ms | p99 ms | ceiling | ratio | target | non-2xx/errors | pass/fail | CPU µs/req |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- | ---: |',
  ];
  const misses = [];
  for (const route of routes) {
    const { rps, p50, p99, failures, cpuUsPerRequest } = route.result;
    const ceiling = ceilings[route.ceiling];
    const ratio = rps / ceiling;
    const result = verdict(route, ratio);
    if (result !== 'pass' && result !== 'report only') misses.push(`${route.name}: ${result}`);
    lines.push(
      `| ${route.name} | ${int(rps)} | ${ms(p50)} | ${ms(p99)} | ` +
        `${int(ceiling)}/s ${CEILING_LABELS[route.ceiling]} | ${pct(ratio)} | ` +
        `${route.target === null ? '—' : `≥ ${pct(route.target)}`} | ${int(failures)} | ${result} | ${int(cpuUsPerRequest)} |`,
    );
  }
  const againstTuned = routes
    .filter((route) => ceilings.tuned?.[route.ceiling] !== undefined)
    .map((route) => `${route.name} ${pct(route.result.rps / ceilings.tuned[route.ceiling])}`);
  if (againstTuned.length > 0) {
    lines.push(
      '',
      "The same routes against raw better-sqlite3 with the service's own SQLite settings " +
        `(report only; the targets use the plain ceilings above): ${againstTuned.join(', ')}.`,
    );
  }
  const rssPass = peakRssMb < RSS_LIMIT_MB;
  if (!rssPass) misses.push(`peak RSS ${peakRssMb.toFixed(1)} MB ≥ ${RSS_LIMIT_MB} MB`);
  const bare = ceilings.bareNestResult;
  const barePatch = ceilings.barePatchResult;
  lines.push(
    '',
    `Peak RSS of the service: ${peakRssMb.toFixed(1)} MB (target < ${RSS_LIMIT_MB} MB): ` +
      `${rssPass ? 'pass' : '**FAIL**'}`,
    '',
    'CPU µs/req: CPU time of the server process (all threads) per request answered; steadier ' +
      'than req/s when other work shares the machine.',
    '',
    'Ceilings, measured in this run, each in its own process:',
    '',
    '| ceiling | rate | p50 ms | p99 ms | CPU µs/req |',
    '| --- | ---: | ---: | ---: | ---: |',
    `| bare Nest GET /context/:id, Fastify adapter, same JSON | ${int(bare.rps)} req/s | ` +
      `${ms(bare.p50)} | ${ms(bare.p99)} | ${int(bare.cpuUsPerRequest)} |`,
    ...['insert', 'select', 'update'].map(
      (op) =>
        `| ${CEILING_LABELS[op]}, better-sqlite3, WAL, synchronous=NORMAL | ` +
        `${int(ceilings[op])} /s | | | |`,
    ),
    ...['insert', 'update'].map(
      (op) =>
        `| ${CEILING_LABELS[op]}, the same plus the service's SQLite settings (32 MB cache, ` +
        `checkpoint every 10,000 pages; report only) | ${int(ceilings.tuned[op])} /s | | | |`,
    ),
    `| bare Nest PATCH /context/:id, Fastify adapter, one raw json_patch UPDATE in autocommit ` +
      `| ${int(barePatch.rps)} req/s | ${ms(barePatch.p50)} | ` +
      `${ms(barePatch.p99)} | ${int(barePatch.cpuUsPerRequest)} |`,
    '',
    `The bare PATCH route, nothing but Nest, Fastify and the one UPDATE, makes ` +
      `${pct(barePatch.rps / ceilings.update)} of the raw UPDATE rate (report only): the ` +
      'HTTP stack, not SQLite, bounds a PATCH, so PATCH /context/{id} is held to the bare route.',
    '',
    misses.length === 0
      ? '**All targets met.**'
      : `**Targets missed or invalid:** ${misses.join('; ')}.`,
  );
  if (bare.failures > 0) {
    lines.push('', `**The bare Nest ceiling run had failures (${bare.failureDetail}).**`);
  }
  if (barePatch.failures > 0) {
    lines.push('', `**The bare Nest PATCH run had failures (${barePatch.failureDetail}).**`);
  }
  return `${lines.join('\n')}\n`;
}

module.exports = { renderReport };
