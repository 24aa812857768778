'use strict';

/** Durable steps per second the runner must reach with 10 jobs at a time. */
const STEPS_PER_SECOND_TARGET = 2000;
/** Most a 5-step job may take, created to succeeded, p50, one job at a time. */
const P50_TARGET_MS = 25;

const int = (value) => Math.round(value).toLocaleString('en-US');
const ms = (value) => (value >= 10 ? value.toFixed(0) : value.toFixed(1));

/** The target a scenario is held to, or null when it is reported only. */
function targetOf({ steps, concurrency }) {
  if (concurrency === 10) {
    return {
      label: `≥ ${int(STEPS_PER_SECOND_TARGET)} steps/s`,
      met: (result) => result.stepsPerSecond >= STEPS_PER_SECOND_TARGET,
    };
  }
  if (steps === 5 && concurrency === 1) {
    return { label: `p50 < ${P50_TARGET_MS} ms`, met: (result) => result.p50 < P50_TARGET_MS };
  }
  return null;
}

function verdict(result, target) {
  if (result.failures.length > 0) {
    const shown = result.failures.slice(0, 3).join('; ');
    return `**INVALID** (${result.failures.length} failures: ${shown})`;
  }
  if (!target) return 'report only';
  return target.met(result) ? 'pass' : '**FAIL**';
}

/** The markdown section of the job benchmark, with a line naming every missed target. */
function renderJobsTable({ results, settings, jobConcurrency }) {
  const lines = [
    '## Durable jobs',
    '',
    `POST /jobs with N \`core.set_context\` steps, followed to \`succeeded\` through its SSE ` +
      `stream; each client starts its next job when the last one finished. ` +
      `${settings.jobSeconds} s per scenario after a ${Math.min(settings.warmup, 1)} s warm-up; ` +
      `service JOB_CONCURRENCY=${jobConcurrency}, one checkpoint per step on SQLite (WAL).`,
    'p50/p99: client-side, from sending POST /jobs to reading `job_finished`. Server: the ' +
      "job's own finished_at - created_at. CPU µs/step: the service's CPU time per durable step.",
    '',
    '| job | clients | jobs | jobs/s | durable steps/s | p50 ms | p99 ms | server p50 / p99 ms | CPU µs/step | target | pass/fail |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
  ];
  const misses = [];
  for (const result of results) {
    const target = targetOf(result);
    const outcome = verdict(result, target);
    const name = `${result.steps} steps`;
    if (outcome !== 'pass' && outcome !== 'report only') {
      misses.push(`${name} × ${result.concurrency}: ${outcome}`);
    }
    lines.push(
      `| ${name} | ${result.concurrency} | ${int(result.jobs)} | ${result.jobsPerSecond.toFixed(1)} | ` +
        `${int(result.stepsPerSecond)} | ${ms(result.p50)} | ${ms(result.p99)} | ` +
        `${ms(result.serverP50)} / ${ms(result.serverP99)} | ${int(result.cpuUsPerStep)} | ` +
        `${target ? target.label : '—'} | ${outcome} |`,
    );
  }
  lines.push(
    '',
    misses.length === 0
      ? '**All job targets met.**'
      : `**Job targets missed or invalid:** ${misses.join('; ')}.`,
  );
  return `${lines.join('\n')}\n`;
}

module.exports = { renderJobsTable };
