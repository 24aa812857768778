import { mkdirSync } from 'node:fs';
import { Writable } from 'node:stream';
import pino, { DestinationStream, Level, StreamEntry } from 'pino';
import pretty from 'pino-pretty';
import { createStream, RotatingFileStream } from 'rotating-file-stream';
import { LogLevel } from '../config/env.schema';
import { LineBatcher } from './line-batcher';

export interface LogStreamsOptions {
  level: LogLevel;
  dir: string;
  /** Also write to stdout: pretty when a terminal is attached, JSON lines otherwise. */
  stdout: 'off' | 'json' | 'pretty';
}

export interface LogStreams {
  destination: DestinationStream;
  /** Flushes and closes the files; resolves when everything written has reached the disk. */
  close(): Promise<void>;
}

const ROTATION = { interval: '1d', maxFiles: 7 } as const;
const STDOUT_BUFFER_BYTES = 4096;
/**
 * How long zigral.log gathers lines before a write: a file write costs the event loop about as
 * much as a request, so a busy service writes at most this often instead of once per round trip.
 */
const FILE_HOLD_MS = 10;

/**
 * One serialization, three destinations: stdout (at LOG_LEVEL, unless turned off), LOG_DIR/zigral.log (at LOG_LEVEL)
 * and LOG_DIR/error.log (error and above). Files rotate daily and keep 7 days.
 */
export function createLogStreams(options: LogStreamsOptions): LogStreams {
  if (options.level === 'silent') {
    const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
    return { destination: discard, close: async () => {} };
  }
  mkdirSync(options.dir, { recursive: true });
  const all = createStream('zigral.log', { ...ROTATION, path: options.dir });
  const errors = createStream('error.log', { ...ROTATION, path: options.dir });
  // A full disk or a removed log folder must not take the service down: report it and go on.
  for (const file of [all, errors]) {
    file.on('error', (error: Error) => process.stderr.write(`log file error: ${error.message}\n`));
  }
  const level = options.level as Level;
  // One file write at a time, carrying every line logged while the last one was written (see
  // LineBatcher), not a write per line; zigral.log, written on every request, gathers its lines
  // for FILE_HOLD_MS first. error.log lines go out at the end of their turn.
  const batchedAll = new LineBatcher(all, { oneWriteInFlight: true, holdMs: FILE_HOLD_MS });
  const batchedErrors = new LineBatcher(errors, { oneWriteInFlight: true });
  const entries: StreamEntry[] = [
    { level, stream: batchedAll },
    { level: 'error', stream: batchedErrors },
  ];
  // JSON to stdout is buffered (one write per 4 KB, not per line: a write per line costs more
  // CPU than the request it logs), and fed a turn's lines at once: sonic-boom measures the byte
  // length of its whole pending buffer on every write it gets. close() flushes what is left.
  const jsonStdout =
    options.stdout === 'json'
      ? pino.destination({ dest: 1, sync: false, minLength: STDOUT_BUFFER_BYTES })
      : undefined;
  const batchedStdout = jsonStdout && new LineBatcher(jsonStdout);
  // A crash still writes out the buffered lines (exit handlers may only do synchronous work).
  if (jsonStdout) process.once('exit', () => flushQuietly(jsonStdout, batchedStdout));
  if (options.stdout !== 'off') {
    const stdout = batchedStdout ?? pretty({ colorize: true, translateTime: 'SYS:standard' });
    entries.unshift({ level, stream: stdout });
  }
  return {
    destination: pino.multistream(entries),
    close: async () => {
      if (jsonStdout) flushQuietly(jsonStdout, batchedStdout);
      batchedAll.flush();
      batchedErrors.flush();
      await Promise.all([endFileStream(all), endFileStream(errors)]);
    },
  };
}

function endFileStream(stream: RotatingFileStream): Promise<void> {
  return new Promise((resolve) => {
    if (stream.writableFinished || stream.destroyed) return resolve();
    stream.once('finish', () => resolve());
    stream.once('error', () => resolve());
    stream.end();
  });
}

function flushQuietly(stream: { flushSync(): void }, batcher?: LineBatcher): void {
  try {
    batcher?.flush();
    stream.flushSync();
  } catch {
    // Nothing buffered, or stdout already closed: nothing more can be written.
  }
}
