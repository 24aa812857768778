'use strict';

/**
 * Loaded into a service process with `node --require` (bench/postgres.js's trace run only, never
 * a measured one): appends every statement the process sends through `pg` to the file named by
 * BENCH_PG_TRACE, one JSON line each: `{ c, text, values }`, `c` numbering the connection (a
 * `pg.Client`), `values` the parameters as pg sends them (its own `prepareValue`: strings or
 * null). pg-steps-baseline.js replays what one job sent, with the service out of the way.
 */
const fs = require('node:fs');
const pg = require('pg');
const { prepareValue } = require('pg/lib/utils');

const file = process.env.BENCH_PG_TRACE;
if (file) {
  const fd = fs.openSync(file, 'a');
  const ids = new WeakMap();
  let next = 0;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function query(config, values, ...rest) {
    if (!ids.has(this)) ids.set(this, ++next);
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    if (typeof text === 'string') {
      const line = { c: ids.get(this), text, values: (params ?? []).map((v) => prepareValue(v)) };
      fs.writeSync(fd, `${JSON.stringify(line)}\n`);
    }
    return original.call(this, config, values, ...rest);
  };
}
