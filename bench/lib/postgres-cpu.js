'use strict';

const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

let ticksPerSecond;

/**
 * CPU time (ms, user + system) a Postgres server has used so far, given its data folder: the
 * postmaster, its live processes (backends, WAL writer, checkpointer...), and those that already
 * exited (in the postmaster's children times once reaped). No dependencies, so the bench's
 * workers and peers can require it. Linux only (/proc).
 */
function clusterCpuMs(dataDir) {
  ticksPerSecond ??= Number(execSync('getconf CLK_TCK').toString()) || 100;
  const pidFile = fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8');
  const postmaster = Number(pidFile.split('\n')[0]);
  let ticks = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // Fields after the parenthesised command name: ppid is the 2nd, utime..cstime the 12th-15th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const pid = Number(entry);
    if (pid === postmaster) {
      ticks += Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]);
    } else if (Number(fields[1]) === postmaster) {
      ticks += Number(fields[11]) + Number(fields[12]);
    }
  }
  return (ticks * 1000) / ticksPerSecond;
}

module.exports = { clusterCpuMs };
