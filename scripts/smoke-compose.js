'use strict';
// The Postgres half of `npm run smoke:prod`: reads compose.yaml as a user's Docker Compose would
// and runs its app services' settings on the production install against the throwaway cluster of
// scripts/postgres.sh. Only the database address is swapped (the compose service `postgres`
// becomes the cluster on 127.0.0.1); everything else comes from the compose file.
const fs = require('node:fs');
const path = require('node:path');
const { parse } = require('yaml');

const ROOT = path.resolve(__dirname, '..');

/** `${NAME:-default}` and `${NAME}` as compose substitutes them, from `env` (unset: the default). */
function substitute(value, env) {
  return String(value).replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_, name, fallback) =>
    env[name] !== undefined && env[name] !== '' ? env[name] : (fallback ?? ''),
  );
}

/**
 * The app services of compose.yaml (those built from this folder), each with its environment
 * after substitution, and the compose file's checks: a `postgres` service with a healthcheck, at
 * least two app replicas, each waiting for a healthy database and pointing DATABASE_URL at it.
 */
function composeReplicas(check) {
  const compose = parse(fs.readFileSync(path.join(ROOT, 'compose.yaml'), 'utf8'), { merge: true });
  const services = compose.services ?? {};
  const postgres = services.postgres;
  check(Boolean(postgres?.image?.startsWith('postgres')), 'compose.yaml has a postgres service');
  check(Boolean(postgres?.healthcheck?.test), 'compose.yaml: postgres has a healthcheck');
  const apps = Object.entries(services).filter(([, service]) => service.build === '.');
  check(apps.length >= 2, 'compose.yaml runs at least two app replicas', `${apps.length} found`);
  return apps.map(([name, service]) => {
    const env = Object.fromEntries(
      Object.entries(service.environment ?? {}).map(([key, value]) => [key, substitute(value, {})]),
    );
    const url = new URL(env.DATABASE_URL ?? '');
    check(
      url.protocol === 'postgres:' && url.hostname === 'postgres',
      `compose.yaml: ${name} uses the postgres service`,
      env.DATABASE_URL,
    );
    check(
      service.depends_on?.postgres?.condition === 'service_healthy',
      `compose.yaml: ${name} waits for a healthy postgres`,
    );
    return { name, env };
  });
}

module.exports = { composeReplicas };
