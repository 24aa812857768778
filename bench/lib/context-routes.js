'use strict';

const fs = require('node:fs');
const { measure, seed, serviceRoutes } = require('./load');
const { startService } = require('./service');

/**
 * The Context Manager routes on a service of their own: seeded through the API, then each route
 * driven by autocannon for a fixed time. `env` adds settings (DATABASE_URL for Postgres);
 * `databaseCpuMs` (optional) reads a database server's CPU time, to report its cost per request.
 * Resolves { routes, peakRssMb }.
 */
async function runContextRoutes({ distMain, tmpDir, settings, env = {}, databaseCpuMs, label }) {
  if (!fs.existsSync(distMain)) throw new Error(`${distMain} is missing: run npm run build`);
  fs.mkdirSync(tmpDir, { recursive: true });
  console.log(`Starting the service (LOG_LEVEL=${settings.logLevel}) on ${label}...`);
  const service = await startService({ distMain, tmpDir, logLevel: settings.logLevel, env });
  const results = [];
  let peakRssMb;
  try {
    console.log(`Seeding ${settings.seed} entries...`);
    const ids = await seed(service.baseUrl, settings.seed);
    service.assertRunning();
    for (const route of serviceRoutes(ids)) {
      console.log(`Load (${label}): ${route.name}...`);
      const databaseBefore = databaseCpuMs?.();
      const result = await measure(service.baseUrl, route.requests, settings, service.cpuTimeMs);
      if (databaseCpuMs) {
        result.databaseCpuUsPerRequest = ((databaseCpuMs() - databaseBefore) * 1000) / result.total;
      }
      service.assertRunning();
      results.push({ ...route, result });
    }
  } finally {
    peakRssMb = await service.stop();
  }
  return { routes: results, peakRssMb };
}

module.exports = { runContextRoutes };
