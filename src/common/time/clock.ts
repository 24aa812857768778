/**
 * What time it is. Inject it instead of calling `Date.now()`, so tests can move time (in-process
 * tests replace it with a fake; a service started as a process reads ZIGRAL_TEST_CLOCK_FILE).
 */
export abstract class Clock {
  abstract now(): Date;
}
