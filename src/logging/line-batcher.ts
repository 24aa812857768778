/** Where a LineBatcher hands its batches: a file stream. */
export interface ChunkSink {
  write(chunk: string): unknown;
}

/**
 * Gathers the log lines written during one turn of the event loop and hands them to `sink` as one
 * chunk when the turn ends (setImmediate). rotating-file-stream makes one awaited file write per
 * chunk, so a chunk per line cost a write (and a thread-pool round trip) per request; a busy turn
 * now costs one. Nothing waits longer than the current turn, so no timer and no size threshold.
 */
export class LineBatcher {
  private pending = '';
  private isScheduled = false;

  constructor(private readonly sink: ChunkSink) {}

  write(line: string): boolean {
    this.pending += line;
    if (!this.isScheduled) {
      this.isScheduled = true;
      setImmediate(this.flush);
    }
    return true;
  }

  /** Hands what is pending to the sink now (also called before the sink is closed). */
  readonly flush = (): void => {
    this.isScheduled = false;
    if (this.pending.length === 0) return;
    const chunk = this.pending;
    this.pending = '';
    this.sink.write(chunk);
  };
}
