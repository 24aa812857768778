'use strict';

/* global fetch */

const autocannon = require('autocannon');
const { CONTEXT_DATA } = require('./payload');

const JSON_HEADERS = Object.freeze({ 'content-type': 'application/json' });
/**
 * A fresh header object for an autocannon request: autocannon writes its Content-Length into the
 * object it is given, and a shared one then carried a stale length into later fetch() calls.
 */
const jsonHeaders = () => ({ ...JSON_HEADERS });

/** One autocannon request whose path (and body) moves to the next id on every request sent. */
function rotating(ids, build) {
  let n = 0;
  return [
    {
      setupRequest: (request) => {
        const i = n++;
        return { ...request, ...build(ids[i % ids.length], i) };
      },
    },
  ];
}

/** The service routes under load, with the ceiling each is compared to and its target ratio. */
function serviceRoutes(ids) {
  return [
    {
      name: 'GET /context/{id}',
      ceiling: 'bareNest',
      target: 0.3,
      requests: rotating(ids, (id) => ({ method: 'GET', path: `/context/${id}` })),
    },
    {
      name: 'POST /context',
      ceiling: 'insert',
      target: 0.4,
      requests: [
        {
          method: 'POST',
          path: '/context',
          headers: jsonHeaders(),
          body: JSON.stringify({ job_type: 'bench', context_data: CONTEXT_DATA }),
        },
      ],
    },
    {
      name: 'PATCH /context/{id}',
      ceiling: 'barePatch',
      target: 0.8,
      // Ten rotating keys, so every row stays within a bounded size however long the run.
      requests: rotating(ids, (id, n) => ({
        method: 'PATCH',
        path: `/context/${id}`,
        headers: jsonHeaders(),
        body: JSON.stringify({ [`counter_${n % 10}`]: n }),
      })),
    },
    {
      name: 'GET /contexts?limit=20',
      ceiling: 'bareNest',
      target: null,
      requests: [{ method: 'GET', path: '/contexts?limit=20' }],
    },
  ];
}

/**
 * Drives `url` with autocannon: a discarded warm-up, then the measured run. Every response that is
 * not 2xx, every socket error and every timeout is counted: a run with any of them is not valid.
 * `serverCpuMs` (optional) reads the server's CPU time, to report its CPU cost per request.
 */
async function measure(url, requests, { connections, duration, warmup }, serverCpuMs) {
  const options = { url, connections, pipelining: 1, timeout: 10, requests };
  if (warmup > 0) await autocannon({ ...options, duration: warmup });
  const cpuBefore = serverCpuMs?.();
  const result = await autocannon({ ...options, duration });
  const cpuMs = serverCpuMs ? serverCpuMs() - cpuBefore : NaN;
  const failures = result.non2xx + result.errors + result.timeouts;
  const codes = Object.entries(result.statusCodeStats || {})
    .filter(([code]) => !code.startsWith('2'))
    .map(([code, { count }]) => `${count}×${code}`);
  if (result.errors) codes.push(`${result.errors} socket errors`);
  if (result.timeouts) codes.push(`${result.timeouts} timeouts`);
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuUsPerRequest: (cpuMs * 1000) / result.requests.total,
    failures,
    failureDetail: codes.join(', '),
  };
}

/** Creates `count` entries through the API, `concurrency` at a time; returns their job_ids. */
async function seed(baseUrl, count, concurrency = 25) {
  const ids = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const response = await fetch(`${baseUrl}/context`, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({ job_type: 'bench', context_data: { ...CONTEXT_DATA, seed: i } }),
      });
      const body = await response.json();
      if (response.status !== 201) {
        throw new Error(
          `seeding: POST /context answered ${response.status} ${JSON.stringify(body)}`,
        );
      }
      ids.push(body.job_id);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}

module.exports = { measure, rotating, seed, serviceRoutes };
