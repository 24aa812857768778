import type { ImportCounts, ImportProgressStore } from './import-progress.store';

/** How long a running import's row stays leased without a renewal. */
export const IMPORT_LEASE_MS = 30_000;
/** How often a running import saves its counts and renews its lease (also when rows stall). */
export const PROGRESS_INTERVAL_MS = 1000;

/** Why an import was stopped: a cancel, or the service shutting down. */
export type StopReason = 'cancelled' | 'shutdown';

/**
 * One running import's record keeper: saves its counts (every PROGRESS_INTERVAL_MS and before
 * each batch), renews its lease, and aborts `signal` when a cancel was asked for, here or on
 * another replica (seen in the row). Saves run one at a time, in order.
 */
export class ImportTracker {
  private readonly controller = new AbortController();
  private counts: () => ImportCounts = () => ({
    rows: 0,
    inserted: 0,
    updated: 0,
    skipped: 0,
    warnings: 0,
  });
  private saving: Promise<void> = Promise.resolve();
  private timer?: NodeJS.Timeout;

  constructor(
    readonly id: string,
    private readonly store: ImportProgressStore,
    private readonly now: () => Date,
  ) {}

  /** Aborted when the import must stop; `reason` is a StopReason. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Starts saving `counts` (read when saved) every PROGRESS_INTERVAL_MS. */
  watch(counts: () => ImportCounts): void {
    this.counts = counts;
    this.timer = setInterval(() => void this.save().catch(() => undefined), PROGRESS_INTERVAL_MS);
    this.timer.unref();
  }

  /** Before a batch is written: the counts so far saved, and a cancel looked for. */
  checkpoint(): Promise<void> {
    return this.save();
  }

  stop(reason: StopReason): void {
    this.controller.abort(reason);
  }

  /** The import ended: no more saves, then its final status and counts. */
  async finish(
    status: 'completed' | 'cancelled' | 'failed' | 'interrupted',
    error?: string,
  ): Promise<void> {
    clearInterval(this.timer);
    await this.saving.catch(() => undefined);
    await this.store.finish(this.id, status, this.counts(), this.now(), error);
  }

  private save(): Promise<void> {
    this.saving = this.saving
      .catch(() => undefined)
      .then(async () => {
        const now = this.now();
        const leaseUntil = new Date(now.getTime() + IMPORT_LEASE_MS);
        const saved = await this.store.saveProgress(this.id, this.counts(), now, leaseUntil);
        if (!saved || saved.cancelRequested) this.stop('cancelled');
      });
    return this.saving;
  }
}
