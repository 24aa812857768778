'use strict';
// The web app's API types (web/src/api/zigral-api.ts, in git) are generated from the service's
// OpenAPI document, so a route or DTO change breaks the app's type check, not the user.
//   node scripts/web-client-types.js          writes them from dist/openapi.json
//   node scripts/web-client-types.js --check  exits 1 when the file in git is stale (CI)
// Run `npm run build && npm run export:openapi` first (npm run check:client does both).
const fs = require('node:fs');
const path = require('node:path');
const { generateOpenApiTypes } = require('./generate-openapi-types');

const ROOT = path.resolve(__dirname, '..');
const DOCUMENT = path.join(ROOT, 'dist', 'openapi.json');
const TYPES_FILE = path.join(ROOT, 'web', 'src', 'api', 'zigral-api.ts');

async function main() {
  const isCheck = process.argv.includes('--check');
  if (!fs.existsSync(DOCUMENT))
    throw new Error('dist/openapi.json is missing: run `npm run export:openapi`');
  const source = await generateOpenApiTypes(JSON.parse(fs.readFileSync(DOCUMENT, 'utf8')));
  const relative = path.relative(ROOT, TYPES_FILE);
  if (!isCheck) {
    fs.writeFileSync(TYPES_FILE, source);
    console.log(`Types written to ${relative}`);
    return;
  }
  const current = fs.existsSync(TYPES_FILE) ? fs.readFileSync(TYPES_FILE, 'utf8') : '';
  if (current !== source) {
    throw new Error(`${relative} is stale: run \`npm run generate:web-client\` and commit it`);
  }
  console.log(`${relative} matches the OpenAPI document`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
