'use strict';
// Writes the OpenAPI document /docs-json serves to a file, from the built app (run `npm run build`
// first) and without listening: the app is created on a throwaway SQLite file in a temp folder,
// with no setting from this shell. Usage: node scripts/export-openapi.js [out-file]
// (default dist/openapi.json).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DEFAULT_OUT = path.join(ROOT, 'dist', 'openapi.json');

async function exportOpenApi(outFile) {
  if (!fs.existsSync(path.join(ROOT, 'dist', 'bootstrap', 'create-app.js'))) {
    throw new Error('dist/ has no built app: run `npm run build` first');
  }
  const { createApp } = require('../dist/bootstrap/create-app');
  const { buildOpenApiDocument } = require('../dist/bootstrap/swagger');
  const { AppConfig } = require('../dist/config/app-config');
  const { validateEnv } = require('../dist/config/env.schema');
  const { LOG_STREAMS } = require('../dist/logging/logging.module');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zigral-openapi-'));
  try {
    const config = new AppConfig(
      validateEnv({
        DATABASE_URL: `sqlite:${path.join(dir, 'zigral.sqlite')}`,
        LOG_DIR: path.join(dir, 'logs'),
        LOG_LEVEL: 'silent',
        LOG_STDOUT: 'false',
        EXPORT_DIR: path.join(dir, 'exports'),
        SEED_SAMPLE_DATA: 'false',
      }),
    );
    const app = await createApp(config);
    try {
      const document = buildOpenApiDocument(app);
      fs.mkdirSync(path.dirname(outFile), { recursive: true });
      fs.writeFileSync(outFile, `${JSON.stringify(document, null, 2)}\n`);
    } finally {
      const streams = app.get(LOG_STREAMS);
      await app.close();
      await streams.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const outFile = path.resolve(process.argv[2] ?? DEFAULT_OUT);
exportOpenApi(outFile).then(
  () => console.log(`OpenAPI document written to ${path.relative(process.cwd(), outFile)}`),
  (error) => {
    console.error(`Exporting the OpenAPI document failed: ${error?.stack ?? error}`);
    process.exit(1);
  },
);
