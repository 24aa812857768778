'use strict';

/** Postgres GET /context/{id} against the same route on SQLite, same run. */
const GET_RATIO_TARGET = 0.5;
/** Durable steps/s, two replicas, 10 clients, against the raw baseline of the same SQL. */
const BASELINE_RATIO_TARGET = 0.5;
/** Most a 5-step job may take, created to succeeded, p50, one client. */
const P50_TARGET_MS = 50;
/** Zigral's durable steps/s against LangGraph's with its Postgres checkpointer, 10 at a time. */
const PEER_RATIO_TARGET = 2;

const int = (value) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : '—');
const ms = (value) =>
  Number.isFinite(value) ? (value >= 10 ? value.toFixed(0) : value.toFixed(1)) : '—';
const pct = (value) => (Number.isFinite(value) ? `${Math.round(value * 100)}%` : '—');
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');
const replicasLabel = (n) => `Postgres, ${n} replica${n > 1 ? 's' : ''}`;

function jobVerdict(result) {
  if (!result) return 'not run';
  if (result.failures.length > 0) {
    return `**INVALID** (${result.failures.length} failures: ${result.failures.slice(0, 3).join('; ')})`;
  }
  return undefined;
}

/** One target row: verdict from `met`, or why it could not be judged. */
function targetRow(misses, { name, measured, reference, ratio, target, met, invalid }) {
  let outcome;
  if (invalid) outcome = invalid;
  else if (met === undefined) outcome = 'not run';
  else outcome = met ? 'pass' : '**FAIL**';
  if (outcome === 'not run') misses.notRun += 1;
  else if (outcome !== 'pass') misses.push(name);
  return `| ${name} | ${measured} | ${reference} | ${ratio} | ${target} | ${outcome} |`;
}

/** The raw baseline's run of a job size and worker count, with synchronous commit (the default). */
function rawRun(results, steps, concurrency) {
  return results.baseline?.results.find(
    (r) => r.steps === steps && r.concurrency === concurrency && r.synchronousCommit,
  );
}

function findJob(results, steps, concurrency) {
  return results?.find((r) => r.steps === steps && r.concurrency === concurrency);
}

function targetsSection({ results, sqlite }, misses) {
  const lines = [
    '### Postgres targets',
    '',
    'Each a ratio to a figure of this run, or a latency bound.',
    '',
    '| target | measured | compared with (same run) | ratio | target | pass/fail |',
    '| --- | ---: | --- | ---: | --- | --- |',
  ];
  const pgGet = results.context?.routes.find((route) => route.name === 'GET /context/{id}');
  const sqliteGet = sqlite.routes?.find((route) => route.name === 'GET /context/{id}');
  const getInvalid =
    (pgGet?.result.failures > 0 && `**INVALID** (${pgGet.result.failureDetail})`) ||
    (sqliteGet?.result.failures > 0 && `**INVALID** (SQLite: ${sqliteGet.result.failureDetail})`);
  lines.push(
    targetRow(misses, {
      name: 'GET /context/{id} on Postgres',
      measured: pgGet ? `${int(pgGet.result.rps)} req/s` : '—',
      reference: sqliteGet ? `SQLite: ${int(sqliteGet.result.rps)} req/s` : 'SQLite: not run',
      ratio: pgGet && sqliteGet ? pct(pgGet.result.rps / sqliteGet.result.rps) : '—',
      target: `≥ ${pct(GET_RATIO_TARGET)}`,
      met:
        pgGet && sqliteGet
          ? pgGet.result.rps >= GET_RATIO_TARGET * sqliteGet.result.rps
          : undefined,
      invalid: getInvalid || undefined,
    }),
  );
  const two = results.jobs?.[2]?.results;
  for (const steps of [5, 20]) {
    const job = findJob(two, steps, 10);
    const raw = rawRun(results, steps, 10);
    lines.push(
      targetRow(misses, {
        name: `durable steps/s, ${steps}-step jobs, 10 clients, ${replicasLabel(2)}`,
        measured: job ? `${int(job.stepsPerSecond)}/s` : '—',
        reference: raw
          ? `raw pg, the service's own transactions for such jobs, ${results.baseline.connections} connections: ${int(raw.stepsPerSecond)}/s`
          : 'raw baseline: not run',
        ratio: job && raw ? pct(job.stepsPerSecond / raw.stepsPerSecond) : '—',
        target: `≥ ${pct(BASELINE_RATIO_TARGET)}`,
        met:
          job && raw ? job.stepsPerSecond >= BASELINE_RATIO_TARGET * raw.stepsPerSecond : undefined,
        invalid:
          (job && jobVerdict(job)) ||
          (raw?.failures.length > 0 && '**INVALID** (baseline)') ||
          undefined,
      }),
    );
  }
  const rawSingle = rawRun(results, 5, 1);
  for (const replicas of [1, 2]) {
    const job = findJob(results.jobs?.[replicas]?.results, 5, 1);
    lines.push(
      targetRow(misses, {
        name: `5-step job p50, 1 client, ${replicasLabel(replicas)}`,
        measured: job ? `${ms(job.p50)} ms (server ${ms(job.serverP50)} ms)` : '—',
        reference: rawSingle
          ? `raw pg replay of the same job's transactions, 1 worker: p50 ${ms(rawSingle.p50)} ms`
          : '',
        ratio: '',
        target: `< ${P50_TARGET_MS} ms`,
        met: job ? job.p50 < P50_TARGET_MS : undefined,
        invalid: (job && jobVerdict(job)) || undefined,
      }),
    );
  }
  const peerAt10 = results.peer?.results.filter((r) => r.concurrency === 10) ?? [];
  const bestPeer = peerAt10.reduce(
    (best, r) => (!best || r.stepsPerSecond > best.stepsPerSecond ? r : best),
    undefined,
  );
  for (const replicas of [1, 2]) {
    const job = findJob(results.jobs?.[replicas]?.results, 5, 10);
    lines.push(
      targetRow(misses, {
        name: `durable steps/s, 5-step jobs, 10 clients, ${replicasLabel(replicas)}, against LangGraph`,
        measured: job ? `${int(job.stepsPerSecond)}/s` : '—',
        reference: bestPeer
          ? `LangGraph + PostgresSaver, 5 nodes, 10 callers, durability ${bestPeer.durability} (its faster mode): ${int(bestPeer.stepsPerSecond)}/s`
          : 'LangGraph: not run',
        ratio: job && bestPeer ? times(job.stepsPerSecond / bestPeer.stepsPerSecond) : '—',
        target: `≥ ${PEER_RATIO_TARGET}×`,
        met:
          job && bestPeer
            ? job.stepsPerSecond >= PEER_RATIO_TARGET * bestPeer.stepsPerSecond
            : undefined,
        invalid:
          (job && jobVerdict(job)) ||
          (bestPeer?.failures.length > 0 && '**INVALID** (peer)') ||
          undefined,
      }),
    );
  }
  return lines;
}

function contextSection({ results, sqlite }) {
  if (!results.context) return [];
  const lines = [
    '### Context routes, SQLite beside Postgres',
    '',
    'The same seeded entries and autocannon load as the SQLite table above, on a service whose ' +
      'DATABASE_URL is a Postgres database. Service CPU: the service process; Postgres CPU: the ' +
      'whole server (all its processes), per request.',
    '',
    '| route | SQLite req/s | Postgres req/s | Postgres p50 / p99 ms | Postgres / SQLite | non-2xx/errors | service CPU µs/req | Postgres CPU µs/req |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const route of results.context.routes) {
    const { rps, p50, p99, failures, failureDetail, cpuUsPerRequest, databaseCpuUsPerRequest } =
      route.result;
    const same = sqlite.routes?.find((r) => r.name === route.name);
    lines.push(
      `| ${route.name} | ${same ? int(same.result.rps) : '—'} | ${int(rps)} | ${ms(p50)} / ${ms(p99)} | ` +
        `${same ? pct(rps / same.result.rps) : '—'} | ${failures > 0 ? `**${int(failures)}** (${failureDetail})` : 0} | ` +
        `${int(cpuUsPerRequest)} | ${int(databaseCpuUsPerRequest)} |`,
    );
  }
  lines.push(
    '',
    `Peak RSS of the service on Postgres: ${results.context.peakRssMb.toFixed(1)} MB.`,
  );
  return lines;
}

function jobsSection({ results, sqlite, settings }) {
  const jobs = results.jobs ?? {};
  const lines = !results.jobs
    ? []
    : [
        '### Durable jobs, SQLite beside Postgres',
        '',
        `The scenarios of the SQLite table above (${settings.jobSeconds} s each after a 1 s warm-up, ` +
          'JOB_CONCURRENCY=10 per process) on one service process, then on two processes on one ' +
          'database, the clients spread over both (client k on replica k mod 2; any replica may run ' +
          'any job). Each process has DATABASE_POOL_SIZE=' +
          `${results.poolSize} connections. Service CPU: all replicas together; Postgres CPU: the whole server; per step.`,
        '',
        '| job | clients | engine | jobs | durable steps/s | p50 ms | p99 ms | server p50 / p99 ms | service CPU µs/step | Postgres CPU µs/step | valid |',
        '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ];
  const scenarios = jobs[1]?.results ?? jobs[2]?.results ?? [];
  for (const { steps, concurrency } of scenarios) {
    const rows = [
      ['SQLite', findJob(sqlite.jobs, steps, concurrency)],
      [replicasLabel(1), findJob(jobs[1]?.results, steps, concurrency)],
      [replicasLabel(2), findJob(jobs[2]?.results, steps, concurrency)],
    ];
    for (const [engine, r] of rows) {
      if (!r) continue;
      lines.push(
        `| ${steps} steps | ${concurrency} | ${engine} | ${int(r.jobs)} | ${int(r.stepsPerSecond)} | ` +
          `${ms(r.p50)} | ${ms(r.p99)} | ${ms(r.serverP50)} / ${ms(r.serverP99)} | ` +
          `${int(r.cpuUsPerStep)} | ${int(r.databaseCpuUsPerStep)} | ${jobVerdict(r) ?? 'yes'} |`,
      );
    }
  }
  const references = [];
  if (results.baseline) {
    for (const r of results.baseline.results) {
      references.push(
        `| raw pg: the transactions the service sent for one ${r.steps}-step job (${r.transactionsPerJob} ` +
          `transactions, ${r.statementsPerJob} statements), replayed, no HTTP, no runner` +
          `${r.synchronousCommit ? '' : '; **synchronous_commit=off** (no wait for the WAL flush; report only)'}` +
          `${r.missedClaims > 0 ? `; ${int(r.missedClaims)} empty claims made again` : ''} | ` +
          `${r.concurrency} worker${r.concurrency > 1 ? 's' : ''}, ${results.baseline.connections} connections | ` +
          `${int(r.stepsPerSecond)} | ${ms(r.p50)} | ${int(r.cpuUsPerStep)} | ${int(r.databaseCpuUsPerStep)} |` +
          `${r.failures.length > 0 ? ` **INVALID**: ${r.failures.slice(0, 2).join('; ')}` : ''}`,
      );
    }
  }
  if (results.peer) {
    const { langgraph, checkpointer } = results.peer.versions;
    for (const r of results.peer.results) {
      references.push(
        `| LangGraph ${langgraph} + langgraph-checkpoint-postgres ${checkpointer}, 5-node graph, ` +
          `durability \`${r.durability}\`${r.durability === 'async' ? ' (its default)' : ''}, in-process | ` +
          `${r.concurrency} caller${r.concurrency > 1 ? 's' : ''}, ${results.poolSize} connections | ${int(r.stepsPerSecond)} | ${ms(r.p50)} | ` +
          `${int(r.cpuUsPerStep)} | ${int(r.databaseCpuUsPerStep)} |${r.failures.length > 0 ? ` **INVALID**: ${r.failures.slice(0, 2).join('; ')}` : ''}`,
      );
    }
  }
  if (references.length > 0) {
    lines.push(
      '',
      'References on the same Postgres server, each in its own process (p50: one job or graph ' +
        'run, start to finish; CPU: that process, per step):',
      '',
      '| reference | load | steps/s | p50 ms | CPU µs/step | Postgres CPU µs/step |',
      '| --- | --- | ---: | ---: | ---: | ---: |',
      ...references,
    );
  }
  const shape = results.baseline?.shapes?.[5];
  if (shape) {
    const head = (text) => {
      const flat = text.replace(/\s+/g, ' ').trim();
      return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
    };
    lines.push(
      '',
      'The raw baseline replays what a traced service of this run sent through `pg` for one job ' +
        '(its transactions that name the job: every write, none of the API reads), under a new ' +
        'job id each time; the claim takes whichever job is queued first, as the runner does. ' +
        'A 5-step job, one line per transaction:',
      '',
      ...shape.map((statements) => `- ${statements.map((text) => `\`${head(text)}\``).join('; ')}`),
    );
  }
  if (results.peer) {
    lines.push(
      '',
      "LangGraph's graph: five nodes in a line, each setting one key of the state (as each " +
        '`core.set_context` step sets one context key), a new thread per run; `sync` commits ' +
        "each step's checkpoint before the next step starts (Zigral's guarantee), `async` writes " +
        'it while the next step runs; a sample of threads is checked for all seven checkpoints.',
    );
  }
  return lines;
}

function prospectsSection({ results, sqlite }) {
  const pg = results.prospects;
  if (!pg) return [];
  const lite = sqlite.prospects;
  const rate = (p) => p.imported.body.rows / p.imported.seconds;
  const { inserted, updated, skipped } = pg.imported.body;
  const lines = [
    '### Prospects, SQLite beside Postgres (report only)',
    '',
    `The same ${int(pg.file.rows)}-row CSV streamed to POST /prospects/import, then the same ` +
      `searches (sequential, one client), on Postgres (pg_trgm index for free text). Result: ` +
      `${int(inserted)} inserted, ${int(updated)} updated, ${int(skipped)} skipped.`,
    '',
    '| measure | SQLite | Postgres | Postgres / SQLite | service CPU | Postgres CPU |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    `| import rows/s | ${lite ? int(rate(lite)) : '—'} | ${int(rate(pg))} (${pg.imported.seconds.toFixed(1)} s) | ` +
      `${lite ? pct(rate(pg) / rate(lite)) : '—'} | ${int(pg.imported.cpuUsPerRow)} µs/row | ` +
      `${int(pg.imported.databaseCpuUsPerRow)} µs/row |`,
    `| service peak RSS, import | ${lite ? `${lite.importPeakRssMb.toFixed(0)} MB` : '—'} | ` +
      `${pg.importPeakRssMb.toFixed(0)} MB | | | |`,
  ];
  for (const search of pg.searches) {
    const same = lite?.searches.find((s) => s.name === search.name);
    lines.push(
      `| search "${search.name}" (${int(search.total)} matches), p50 / p99 ms | ` +
        `${same ? `${ms(same.p50)} / ${ms(same.p99)}` : '—'} | ${ms(search.p50)} / ${ms(search.p99)} | ` +
        `${same ? `p99 ${times(search.p99 / same.p99)}` : '—'} | ${ms(search.cpuMs)} ms/req | ${ms(search.databaseCpuMs)} ms/req |`,
    );
  }
  lines.push(
    `| POST /jobs, one prospects.search step, p50 / p99 ms | ${lite ? `${ms(lite.job.p50)} / ${ms(lite.job.p99)}` : '—'} | ` +
      `${ms(pg.job.p50)} / ${ms(pg.job.p99)} | | | |`,
  );
  return lines;
}

/**
 * The markdown section of the Postgres part: its targets, then the Context routes, durable jobs
 * and prospects with the SQLite figures of the same run beside, naming every missed target.
 */
function renderPostgresReport({ results, sqlite, settings }) {
  const misses = Object.assign([], { notRun: 0 });
  const lines = [
    '## Postgres',
    '',
    `${results.cluster}. Each part on a database of its own, created empty and migrated by the ` +
      'service at start; the service runs as in the SQLite parts, with DATABASE_URL naming the ' +
      'database.' +
      (results.durable
        ? ' Unlike SQLite (WAL, synchronous=NORMAL: safe across a crash of the process, not a ' +
          'power loss), every commit waits for its WAL flush.'
        : ' **Not durable settings: figures are not comparable with a durable run.**'),
    '',
    ...targetsSection({ results, sqlite }, misses),
    '',
    ...contextSection({ results, sqlite }),
    '',
    ...jobsSection({ results, sqlite, settings }),
    '',
    ...prospectsSection({ results, sqlite }),
    '',
    misses.length > 0
      ? `**Postgres targets missed or invalid:** ${misses.join('; ')}.`
      : misses.notRun > 0
        ? `**No Postgres target missed; ${misses.notRun} not judged (their parts did not run).**`
        : '**All Postgres targets met.**',
  ];
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

module.exports = { renderPostgresReport };
