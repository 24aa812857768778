/** Where a LineBatcher hands its batches: a file stream, or stdout. */
export interface ChunkSink {
  write(chunk: string, done?: (error?: Error | null) => void): unknown;
}

export interface LineBatcherOptions {
  /**
   * Hold lines while the sink is still writing the last chunk (until its write callback), then
   * hand over everything gathered meanwhile as one chunk. For sinks whose every chunk is a file
   * write of its own (rotating-file-stream), so a busy service makes one write per file round
   * trip instead of one per event-loop turn.
   */
  oneWriteInFlight?: boolean;
  /**
   * Gather lines for this long (ms) before handing them over, instead of to the end of the
   * event-loop turn: a busy service then makes one file write per interval, not one per write
   * round trip. Unset: the end of the turn.
   */
  holdMs?: number;
}

/** Lines held while a write is in flight, at most: past this, they go to the sink's own queue. */
const MAX_HELD_CHARS = 1024 * 1024;

/**
 * Gathers the log lines written during one turn of the event loop (or, with `holdMs`, during that
 * many milliseconds) and hands them to `sink` as one chunk. rotating-file-stream makes one awaited
 * file write per chunk, so a chunk per line cost a write (and a thread-pool round trip) per
 * request; a busy turn now costs one, and with `oneWriteInFlight` a busy stretch of turns costs
 * one. Nothing waits longer than the turn (or the hold) and the write before it.
 */
export class LineBatcher {
  private pending = '';
  /** The timer or immediate that will hand the pending lines over, when one is set. */
  private scheduled?: NodeJS.Timeout | NodeJS.Immediate;
  /** Chunks handed to the sink whose write callback has not come yet. */
  private inFlight = 0;

  constructor(
    private readonly sink: ChunkSink,
    private readonly options: LineBatcherOptions = {},
  ) {}

  write(line: string): boolean {
    this.pending += line;
    if (this.scheduled) return true;
    // Without a hold, the write in flight's callback hands these lines over.
    const held = this.inFlight > 0 && this.pending.length < MAX_HELD_CHARS;
    if (held && !this.options.holdMs) return true;
    this.scheduled = this.options.holdMs
      ? setTimeout(this.flushTurn, this.options.holdMs)
      : setImmediate(this.flushTurn);
    return true;
  }

  /** Hands what is pending to the sink now (also called before the sink is closed). */
  readonly flush = (): void => {
    this.unschedule();
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.options.oneWriteInFlight) {
      this.sink.write(chunk);
      return;
    }
    this.inFlight++;
    this.sink.write(chunk, this.written);
  };

  /** The end of a turn: held back while the last chunk is being written. */
  private readonly flushTurn = (): void => {
    this.scheduled = undefined;
    if (this.inFlight > 0 && this.pending.length < MAX_HELD_CHARS) return;
    this.flush();
  };

  private readonly written = (): void => {
    this.inFlight--;
    // Whether or not that write failed (the stream reports errors itself), the next one goes,
    // unless a hold is still running: its end hands the lines over.
    if (this.inFlight === 0 && this.pending.length > 0 && !this.scheduled) this.flush();
  };

  private unschedule(): void {
    if (this.scheduled === undefined) return;
    if (this.options.holdMs) clearTimeout(this.scheduled as NodeJS.Timeout);
    else clearImmediate(this.scheduled as NodeJS.Immediate);
    this.scheduled = undefined;
  }
}
