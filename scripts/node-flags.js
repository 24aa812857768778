'use strict';

/**
 * The node flags the service runs with, from one place: package.json's `start` script
 * (`node <flags> dist/main.js`). The Dockerfile's CMD must use the same flags; the benchmark and
 * the production smoke check start the service with them, as users do.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const START_SCRIPT = /^node((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/main\.js$/;

/** The flags of `npm start`, e.g. ['--max-old-space-size=1024']. */
function startFlags() {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const match = START_SCRIPT.exec(scripts.start.trim());
  if (!match) throw new Error(`package.json start script is not "node <flags> dist/main.js"`);
  return match[1].trim().split(/\s+/).filter(Boolean);
}

/** The Dockerfile's CMD as an array, e.g. ['node', '--max-old-space-size=1024', 'dist/main.js']. */
function dockerfileCommand() {
  const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8');
  const line = dockerfile.split('\n').find((text) => /^CMD\s+\[/.test(text));
  if (!line) throw new Error('The Dockerfile has no CMD ["..."] line');
  return JSON.parse(line.replace(/^CMD\s+/, ''));
}

module.exports = { startFlags, dockerfileCommand };
