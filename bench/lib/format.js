'use strict';

/** The report helpers of the bench parts: settings from the environment and figures as text. */

/** A positive integer setting from the environment, or `fallback` when unset. */
function positiveIntegerFromEnv(name, fallback) {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

const int = (value) => Math.round(value).toLocaleString('en-US');
const pct = (value) => `${Math.round(value * 100)}%`;
const verdict = (met) => (met ? 'pass' : '**FAIL**');

module.exports = { positiveIntegerFromEnv, int, pct, verdict };
