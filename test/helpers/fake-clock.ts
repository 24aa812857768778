import { Clock } from '../../src/common/time/clock';

/** How far `advance` moves the clock: milliseconds, or units that add up. */
export type ClockStep =
  number | { days?: number; hours?: number; minutes?: number; seconds?: number; ms?: number };

const MS_PER = { days: 86_400_000, hours: 3_600_000, minutes: 60_000, seconds: 1000, ms: 1 };

/**
 * A clock that stands still until a test sets or moves it. Swap it in with
 * `overrideProvider(Clock).useValue(clock)` (createTestApp's `override`).
 */
export class FakeClock extends Clock {
  private ms: number;

  constructor(start: Date | string = '2026-01-05T08:00:00.000Z') {
    super();
    this.ms = FakeClock.toMs(start);
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(instant: Date | string): void {
    this.ms = FakeClock.toMs(instant);
  }

  advance(step: ClockStep): void {
    const parts = typeof step === 'number' ? { ms: step } : step;
    for (const [unit, amount] of Object.entries(parts) as [keyof typeof MS_PER, number][]) {
      this.ms += amount * MS_PER[unit];
    }
  }

  private static toMs(instant: Date | string): number {
    const ms = new Date(instant).getTime();
    if (Number.isNaN(ms)) throw new Error(`FakeClock: not an instant: ${String(instant)}`);
    return ms;
  }
}
