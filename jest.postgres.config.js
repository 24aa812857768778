/**
 * `npm run test:pg`, inside scripts/postgres.sh (a throwaway Postgres cluster): the suites below
 * run with every test app on its own Postgres database, plus the Postgres-only suites of
 * test/postgres/ (migrations, replicas, restarts).
 */
const base = require('./jest.config');

// Read by test/helpers/postgres.ts in every worker (workers inherit this process's environment).
process.env.ZIGRAL_TEST_ENGINE = 'postgres';

/** Suites that run on both engines: `npm test` runs them on SQLite, `npm run test:pg` here. */
const BOTH_ENGINES = [
  'context-store.contract',
  'job-store',
  'context',
  'context-service',
  'contexts-list',
  'jobs',
  'jobs-runners',
  'jobs-waiting',
  'jobs-repeating',
  'jobs-repair',
  'crash-recovery',
  'orchestrator',
  'shutdown',
  'agents.contract',
  'command-llm-mock',
  'plans-preview',
  'plan-preview-service',
  'readme-agent-example',
  'empty-results',
  'throttler-storage.contract',
  'prospects-api',
  'prospects-filters',
  'prospects-import',
  'prospects-import-agent',
  'prospects-import-formats',
  'prospects-import-local-websites',
  'prospects-import-mapping',
  'prospects-import-progress',
  'prospects-import-preview',
  'prospects-import-restart',
  'prospects-upsert',
  'prospects-agent',
  'prospects-industries',
  'prospects-sample-data',
  'email-api',
  'email-send',
  'email-draft',
  'email-unsubscribe',
  'email-crash-recovery',
  'email-touches',
  'export-demo',
  'export-google-sheets',
  'export-outbox',
  'export-spreadsheet',
  'research-company-summary',
  'research-private-addresses',
  'research-score-fit',
  'research-website-fetcher',
  'sequences-api',
  'sequences-api-enrollments',
  'sequences-run',
  'sequences-run-rules',
  'sequences-crash-recovery',
  'sequences-plan',
  'mailbox-intake',
  'rest-contract',
  'demo',
  'bad-input',
  'mailbox-watcher',
  'mailbox-watcher-failures',
  'mailbox-lease',
  'mailbox-sequences',
  'mailbox-sequences-robustness',
];

module.exports = {
  ...base,
  roots: ['<rootDir>/test'],
  testPathIgnorePatterns: ['/node_modules/'],
  testRegex: [
    '/test/postgres/.*\\.e2e-spec\\.ts$',
    ...BOTH_ENGINES.map((name) => `/test/${name.replace(/\./g, '\\.')}\\.e2e-spec\\.ts$`),
  ],
};
