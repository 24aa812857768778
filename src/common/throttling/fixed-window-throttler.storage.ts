import { Injectable, OnModuleDestroy } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

interface Window {
  endsAt: number;
  hits: number;
}

const SWEEP_INTERVAL_MS = 60_000;

/**
 * A fixed-window counter per client: constant time and memory per request. The throttler's
 * default storage keeps one timestamp per hit and scans them all on every request, which costs
 * milliseconds per request for a busy client. A blocked client waits until its window ends
 * (`Retry-After`); `blockDuration` is not used.
 */
@Injectable()
export class FixedWindowThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly windows = new Map<string, Window>();
  private readonly sweeper = setInterval(() => this.sweep(Date.now()), SWEEP_INTERVAL_MS);

  constructor() {
    this.sweeper.unref();
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    _blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window || window.endsAt <= now) {
      window = { endsAt: now + ttl, hits: 0 };
      this.windows.set(id, window);
    }
    window.hits++;
    const secondsLeft = Math.max(1, Math.ceil((window.endsAt - now) / 1000));
    const isBlocked = window.hits > limit;
    return {
      totalHits: window.hits,
      timeToExpire: secondsLeft,
      isBlocked,
      timeToBlockExpire: isBlocked ? secondsLeft : 0,
    };
  }

  /** Forgets windows that have ended, so memory stays bounded by the clients of one window. */
  sweep(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.endsAt <= now) this.windows.delete(id);
    }
  }

  get size(): number {
    return this.windows.size;
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }
}
