import { readFileSync, statSync } from 'node:fs';
import { Clock } from './clock';
import { parseClockOffset } from './clock-offset.util';

/** The file is looked at (one stat) at most this often. */
export const CLOCK_FILE_CHECK_MS = 50;

export interface OffsetFileClockOptions {
  /** The file holding the offset (ZIGRAL_TEST_CLOCK_FILE). */
  file: string;
  /** The system time in ms; this clock's own spec replaces it. */
  systemNow?: () => number;
}

/**
 * Test-only: the system time plus an offset in milliseconds read from a file, so a test moves the
 * time of a service running as another process by rewriting the file. The file is checked at most
 * every 50 ms and read again when its inode, size or times changed (on a file system with coarse
 * timestamps, rename a new file into place). A missing file is offset 0; content that is not an
 * offset (a write caught half-way) keeps the last offset and is read again at the next check.
 * At construction a present file must hold an offset.
 */
export class OffsetFileClock extends Clock {
  private offsetMs = 0;
  private checkedAtMs = Number.NEGATIVE_INFINITY;
  /** Of the file as last read with an offset; undefined while the file is missing. */
  private signature: string | undefined;
  private readonly systemNow: () => number;

  constructor(private readonly options: OffsetFileClockOptions) {
    super();
    this.systemNow = options.systemNow ?? Date.now;
    if (!this.refresh()) {
      throw new Error(
        `ZIGRAL_TEST_CLOCK_FILE: ${options.file} must hold a clock offset in milliseconds, such as 86400000`,
      );
    }
  }

  now(): Date {
    const systemMs = this.systemNow();
    const sinceCheck = systemMs - this.checkedAtMs;
    if (sinceCheck >= CLOCK_FILE_CHECK_MS || sinceCheck < 0) {
      this.checkedAtMs = systemMs;
      this.refresh();
    }
    return new Date(systemMs + this.offsetMs);
  }

  /** Takes the file's offset if the file changed; false when it holds none. */
  private refresh(): boolean {
    const { file } = this.options;
    let signature: string;
    let text: string;
    try {
      const stats = statSync(file, { throwIfNoEntry: false });
      if (!stats) {
        this.offsetMs = 0;
        this.signature = undefined;
        return true;
      }
      signature = `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
      if (signature === this.signature) return true;
      text = readFileSync(file, 'utf8');
    } catch {
      return false;
    }
    const offset = parseClockOffset(text);
    if (offset === undefined) return false;
    this.offsetMs = offset;
    this.signature = signature;
    return true;
  }
}
