'use strict';

const { execSync } = require('node:child_process');
const fs = require('node:fs');

/** Kernel clock ticks per second, the unit of utime/stime in /proc/<pid>/stat. */
let ticksPerSecond;

/**
 * CPU time (user + system, all threads, GC helpers included) a process has used so far, in ms.
 * Per request it is a steadier figure than req/s when other work shares the machine. Linux only.
 */
function cpuTimeMs(pid) {
  ticksPerSecond ??= Number(execSync('getconf CLK_TCK').toString()) || 100;
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are the 12th and 13th of them.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/**
 * Peak resident set size of a process: VmRSS polled every 200 ms, and the kernel's own high-water
 * mark VmHWM, which also catches peaks between polls. Linux only (/proc).
 */
function sampleRss(pid) {
  let peakKb = 0;
  const read = () => {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      for (const field of ['VmRSS', 'VmHWM']) {
        const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
        if (match) peakKb = Math.max(peakKb, Number(match[1]));
      }
    } catch {
      // The process is gone; keep the last figure.
    }
  };
  read();
  const timer = setInterval(read, 200);
  timer.unref();
  return {
    stop() {
      read();
      clearInterval(timer);
      return peakKb / 1024;
    },
  };
}

module.exports = { cpuTimeMs, sampleRss };
